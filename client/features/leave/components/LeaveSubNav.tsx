import { NavLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/queries';
import { inboxCountQuery } from '../inbox-count-query';
import { CountBadge } from '../../../components/CountBadge';
import styles from './LeaveSubNav.module.css';

/**
 * The leave card's sections: own card, requests to decide (leaders, HR, and whoever has
 * something waiting, e.g. a deputy standing in), team calendar (everyone), HR administration.
 * Links wrap on phones; the current one carries `aria-current="page"`.
 */
export function LeaveSubNav() {
  const { t } = useTranslation('leave');
  const { t: tc } = useTranslation('common');
  const me = useMe();
  const { data: count = 0 } = useQuery(inboxCountQuery());
  const hr = me.roles.includes('hr');
  const decides = me.isManager || hr || count > 0;
  const link = ({ isActive }: { isActive: boolean }) =>
    isActive ? `${styles.link} ${styles.active}` : styles.link;
  return (
    <nav aria-label={t('card.nav.label')} className={styles.nav}>
      <ul className={styles.list}>
        <li>
          <NavLink to="/leave" end className={link}>
            {t('card.nav.card')}
          </NavLink>
        </li>
        {decides ? (
          <li>
            <NavLink to="/leave/approvals" className={link}>
              {t('card.nav.approvals')}
              <CountBadge count={count} label={tc('nav.leaveInbox', { count })} />
            </NavLink>
          </li>
        ) : null}
        <li>
          <NavLink to="/leave/calendar" className={link}>
            {t('card.nav.calendar')}
          </NavLink>
        </li>
        {hr ? (
          <li>
            <NavLink to="/leave/hr" className={link}>
              {t('card.nav.hr')}
            </NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
