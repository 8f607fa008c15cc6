import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { Button, LinkButton } from '../../components/Button';
import { Spinner } from '../../components/Spinner';
import { ErrorMessage } from '../../components/ErrorMessage';
import { EmptyState } from '../../components/EmptyState';
import { announce } from '../../components/LiveAnnouncer';
import { useMe } from '../auth/queries';
import { AppIcon } from './AppIcon';
import { appDescription, appName } from './AppTile';
import { PinnedAppsList } from './PinnedAppsList';
import { useMyApps, useSavePins } from './queries';
import styles from './apps.module.css';

/** "My apps": pin, order and unpin the apps of the catalogue one can see. */
export function AppsPage() {
  const { t, i18n } = useTranslation('apps');
  const lang = i18n.resolvedLanguage;
  const me = useMe();
  const apps = useMyApps();
  const save = useSavePins();
  const list = apps.data ?? [];
  const pinned = list.filter((a) => a.pinned);
  const others = list.filter((a) => !a.pinned);

  const change = (ids: string[], announcement: string) =>
    save.mutate(ids, { onSuccess: () => announce(announcement) });

  return (
    <Page
      title={t('page.title')}
      description={t('page.description')}
      actions={
        me.abilities.admin ? (
          <LinkButton href="/admin/apps" variant="secondary">
            {t('page.manage')}
          </LinkButton>
        ) : undefined
      }
    >
      {apps.isPending ? <Spinner /> : null}
      {apps.isError ? <ErrorMessage error={apps.error} /> : null}
      {save.isError ? <ErrorMessage error={save.error} /> : null}
      {apps.isSuccess ? (
        <>
          <section className={styles.section} aria-labelledby="apps-pinned">
            <h2 id="apps-pinned" className={styles.sectionTitle}>
              {t('pinned.title')}
            </h2>
            {pinned.length === 0 ? (
              <p className={styles.muted}>{t('pinned.none')}</p>
            ) : (
              <>
                <p className={styles.muted}>{t('pinned.hint')}</p>
                <PinnedAppsList apps={pinned} onChange={change} isDisabled={save.isPending} />
              </>
            )}
          </section>
          <section className={styles.section} aria-labelledby="apps-more">
            <h2 id="apps-more" className={styles.sectionTitle}>
              {t('more.title')}
            </h2>
            {others.length === 0 ? (
              list.length === 0 ? (
                <EmptyState title={t('more.empty')} />
              ) : (
                <p className={styles.muted}>{t('more.allPinned')}</p>
              )
            ) : (
              <ul className={styles.list}>
                {others.map((app) => {
                  const name = appName(app, lang);
                  return (
                    <li key={app.id} className={styles.row}>
                      <span className={styles.rowIcon}>
                        <AppIcon icon={app.icon} />
                      </span>
                      <span className={styles.rowText}>
                        <span className={styles.rowName}>{name}</span>
                        <span className={styles.muted}>{appDescription(app, lang)}</span>
                      </span>
                      <span className={styles.rowActions}>
                        <a href={app.url} target="_blank" rel="noopener noreferrer">
                          {t('more.open')}
                          <span className="visually-hidden">
                            {' '}
                            {name} ({t('newTab')})
                          </span>
                        </a>
                        <Button
                          size="small"
                          variant="primary"
                          isDisabled={save.isPending}
                          onPress={() =>
                            change(
                              [...pinned.map((a) => a.id), app.id],
                              t('announce.pinned', { name }),
                            )
                          }
                          aria-label={t('more.pin', { name })}
                        >
                          {t('more.pinShort')}
                        </Button>
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
}
