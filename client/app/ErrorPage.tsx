import { isRouteErrorResponse, Link, Navigate, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { Page } from '../components/Page';
import { ErrorMessage } from '../components/ErrorMessage';
import { NotFoundContent } from './pages/NotFoundPage';
import { loginPath } from './session';
import styles from './ErrorPage.module.css';

/**
 * Route error boundary. Inside the layout it renders as a page; `standalone` adds its own
 * landmarks (the layout itself failed). Shows a generic text and the correlation id, never details.
 */
export function ErrorPage({ standalone }: { standalone?: boolean }) {
  const { t } = useTranslation('common');
  const error = useRouteError();

  if (error instanceof ApiError && error.status === 401) {
    return <Navigate to={loginPath(window.location.pathname + window.location.search)} replace />;
  }
  const notFound =
    (isRouteErrorResponse(error) && error.status === 404) ||
    (error instanceof ApiError && error.status === 404);

  const body = notFound ? (
    <NotFoundContent />
  ) : (
    <Page title={t('errorPage.title')}>
      <p>{t('errorPage.text')}</p>
      <ErrorMessage error={error} />
      <p className={styles.actions}>
        <button type="button" className={styles.retry} onClick={() => window.location.reload()}>
          {t('actions.reload')}
        </button>
        <Link to="/">{t('errorPage.home')}</Link>
      </p>
    </Page>
  );

  if (!standalone) return body;
  return (
    <div className={styles.standalone}>
      <header className={styles.banner}>
        <span className={styles.brand}>{t('appName')}</span>
      </header>
      <main id="main" className={styles.main}>
        {body}
      </main>
    </div>
  );
}
