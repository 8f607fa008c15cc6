import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/queries';
import { Avatar } from '../../../components/Avatar';
import styles from './widgets.module.css';

export function ProfileWidget() {
  const { t } = useTranslation('home');
  const me = useMe();
  return (
    <div className={styles.profile}>
      <Avatar initials={me.initials} size="large" />
      <div className={styles.profileText}>
        <p className={styles.profileName}>{me.displayName}</p>
        <p className={styles.muted}>{me.email}</p>
        <Link to={`/people/${me.id}`}>{t('widgets.profile.open')}</Link>
      </div>
    </div>
  );
}
