import { lazy, Suspense } from 'react';
import { Outlet, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/auth/queries';
import { useApplySettings } from '../../features/settings/useApplySettings';
import { LiveAnnouncer } from '../../components/LiveAnnouncer';
import { Header } from './Header';
import { Footer } from './Footer';

// Live updates start right after the first paint: the socket and its cache patchers are not
// needed to draw the page.
const RealtimeBridge = lazy(() =>
  import('./RealtimeBridge').then((m) => ({ default: m.RealtimeBridge })),
);
import styles from './AppLayout.module.css';

/** The signed-in frame: skip link, banner, navigation, main, footer, live region, socket. */
export function AppLayout() {
  const { t } = useTranslation('common');
  const me = useMe();
  const navigation = useNavigation();

  useApplySettings(me.settings);

  return (
    <div className={styles.shell}>
      <a href="#main" className={styles.skipLink} onClick={focusMain}>
        {t('skipLink')}
      </a>
      <Header />
      {navigation.state === 'loading' ? (
        <div className={styles.progress} role="progressbar" aria-label={t('loading')} />
      ) : null}
      <main id="main" tabIndex={-1} className={styles.main}>
        <div className={styles.content}>
          <Outlet />
        </div>
      </main>
      <Footer />
      <LiveAnnouncer />
      <Suspense fallback={null}>
        <RealtimeBridge userId={me.id} />
      </Suspense>
    </div>
  );
}

/** Moves focus into main (the hash alone does not move focus in every browser). */
function focusMain(event: React.MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main');
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}
