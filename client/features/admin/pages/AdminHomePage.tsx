import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { LinkButton } from '../../../components/Button';
import { AdminGuard } from '../components/AdminGuard';
import styles from '../admin.module.css';

const sections = [
  { key: 'people', href: '/admin/people' },
  { key: 'units', href: '/admin/units' },
  { key: 'locations', href: '/admin/locations' },
  { key: 'apps', href: '/admin/apps' },
  { key: 'homeLayouts', href: '/admin/home-layouts' },
  { key: 'channels', href: '/news/channels' },
  { key: 'audit', href: '/admin/audit' },
] as const;

function Overview() {
  const { t } = useTranslation('admin');
  return (
    <Page title={t('overview.title')} description={t('overview.description')}>
      <ul className={styles.grid} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {sections.map((s) => (
          <li key={s.key}>
            <section className={styles.tile} aria-labelledby={`admin-${s.key}`}>
              <h2 id={`admin-${s.key}`}>{t(`overview.${s.key}`)}</h2>
              <p>{t(`overview.${s.key}Text`)}</p>
              <div>
                <LinkButton
                  href={s.href}
                  variant="primary"
                  size="small"
                  aria-label={t('overview.open', { name: t(`overview.${s.key}`) })}
                >
                  {t(`overview.${s.key}`)}
                </LinkButton>
              </div>
            </section>
          </li>
        ))}
      </ul>
    </Page>
  );
}

export function AdminHomePage() {
  return (
    <AdminGuard>
      <Overview />
    </AdminGuard>
  );
}
