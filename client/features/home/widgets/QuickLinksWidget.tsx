import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ArrowRightIcon } from '../../../components/icons';
import styles from './widgets.module.css';

export function QuickLinksWidget() {
  const { t } = useTranslation('home');
  const links = [
    { to: '/people', label: t('widgets.quickLinks.people') },
    { to: '/org', label: t('widgets.quickLinks.org') },
    { to: '/settings', label: t('widgets.quickLinks.settings') },
  ];
  return (
    <ul className={styles.links}>
      {links.map((l) => (
        <li key={l.to}>
          <Link to={l.to} className={styles.link}>
            <span>{l.label}</span>
            <ArrowRightIcon className={styles.arrow} />
          </Link>
        </li>
      ))}
    </ul>
  );
}
