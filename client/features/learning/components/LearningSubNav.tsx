import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/queries';
import { useAuthorsAnyCourse, useDecisionCount } from '../queries';
import styles from '../learning.module.css';

/**
 * Tabs of e-learning. Management tabs by ability: "Verwalten" for HR and trainers (someone who
 * authors at least one course), "Anmeldungen" for deciders (HR, managers, deputies with open
 * decisions) with the count, "Pflichtschulungen" for HR, "Compliance" for HR and leaders.
 */
export function LearningSubNav() {
  const { t } = useTranslation('learning');
  const me = useMe();
  const hr = me.roles.includes('hr');
  const authors = useAuthorsAnyCourse(!hr).data ?? false;
  const decisions = useDecisionCount(true).data ?? 0;
  const items: { to: string; label: string; end?: boolean; count?: number }[] = [
    { to: '/learning', label: t('subnav.catalogue'), end: true },
    { to: '/learning/mine', label: t('subnav.mine') },
    ...(hr || authors ? [{ to: '/learning/manage', label: t('subnav.manage') }] : []),
    ...(hr || me.isManager || decisions > 0
      ? [{ to: '/learning/registrations', label: t('subnav.registrations'), count: decisions }]
      : []),
    ...(hr ? [{ to: '/learning/mandatory', label: t('subnav.mandatory') }] : []),
    ...(hr || me.isManager ? [{ to: '/learning/compliance', label: t('subnav.compliance') }] : []),
  ];
  return (
    <nav aria-label={t('subnav.label')} className={styles.subNav}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className={styles.tab}>
              {item.label}
              {item.count ? (
                <>
                  <span className={styles.badge} aria-hidden="true">
                    {item.count > 99 ? '99+' : item.count}
                  </span>
                  <span className="visually-hidden">
                    , {t('subnav.waiting', { count: item.count })}
                  </span>
                </>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
