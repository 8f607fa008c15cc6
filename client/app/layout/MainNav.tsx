import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/auth/queries';
import { ChatNavBadge } from '../../features/chat/ChatNavBadge';
import { LeaveNavBadge } from '../../features/leave/LeaveNavBadge';
import styles from './MainNav.module.css';

/** Main navigation; the current section is marked with aria-current. */
export function MainNav({ vertical, onNavigate }: { vertical?: boolean; onNavigate?: () => void }) {
  const { t } = useTranslation('common');
  const me = useMe();
  const items = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/news', label: t('nav.news') },
    { to: '/chat', label: t('nav.chat'), badge: <ChatNavBadge /> },
    { to: '/leave', label: t('nav.leave'), badge: <LeaveNavBadge /> },
    { to: '/wiki', label: t('nav.wiki') },
    { to: '/rooms', label: t('nav.rooms') },
    { to: '/learning', label: t('nav.learning') },
    { to: '/apps', label: t('nav.apps') },
    { to: '/people', label: t('nav.people') },
    { to: '/org', label: t('nav.org') },
    ...(me.abilities.admin ? [{ to: '/admin', label: t('nav.admin') }] : []),
  ];
  return (
    <nav aria-label={t('nav.label')} className={vertical ? styles.vertical : styles.horizontal}>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              className={({ isActive }) => `${styles.link} ${isActive ? styles.active : ''}`}
              onClick={onNavigate}
            >
              {item.label}
              {'badge' in item ? item.badge : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
