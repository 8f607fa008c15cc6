import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { Link } from 'react-router';
import { buttonClassName } from '../../components/buttonClassName';

export function NotFoundContent() {
  const { t } = useTranslation('common');
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <div>
        {/* A router link, not LinkButton: this page is in the entry, react-aria's link code is not. */}
        <Link to="/" className={buttonClassName({ variant: 'primary' })}>
          {t('notFound.home')}
        </Link>
      </div>
    </Page>
  );
}

/** Any path no route knows. */
export function NotFoundPage() {
  return <NotFoundContent />;
}
