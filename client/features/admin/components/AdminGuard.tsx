import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeDTO } from '@shared/people/types';
import { useMe } from '../../auth/queries';
import { Page } from '../../../components/Page';
import { LinkButton } from '../../../components/Button';
import { Link } from 'react-router';
import styles from '../admin.module.css';

/** Shown instead of an admin page to people without the ability (the server refuses anyway). */
export function NoPermission() {
  const { t } = useTranslation('admin');
  return (
    <Page title={t('noPermission.title')}>
      <div className={styles.panel}>
        <p>{t('noPermission.text')}</p>
        <LinkButton href="/" variant="primary">
          {t('noPermission.home')}
        </LinkButton>
      </div>
    </Page>
  );
}

/** Renders the children only when `me.abilities[ability]` is true. */
export function AdminGuard({
  ability = 'admin',
  children,
}: {
  ability?: keyof MeDTO['abilities'];
  children: ReactNode;
}) {
  const me = useMe();
  return me.abilities[ability] ? <>{children}</> : <NoPermission />;
}

/** "Verwaltung › current page" above admin pages. */
export function AdminBreadcrumb({
  current,
  parent,
}: {
  current: string;
  parent?: { href: string; label: string };
}) {
  const { t } = useTranslation('admin');
  return (
    <nav aria-label={t('breadcrumb.label')} className={styles.breadcrumb}>
      <ol>
        <li>
          <Link to="/admin">{t('breadcrumb.admin')}</Link>
        </li>
        {parent ? (
          <li>
            <Link to={parent.href}>{parent.label}</Link>
          </li>
        ) : null}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
