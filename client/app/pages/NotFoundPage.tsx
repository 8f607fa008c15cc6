import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { LinkButton } from '../../components/Button';

export function NotFoundContent() {
  const { t } = useTranslation('common');
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <div>
        <LinkButton href="/" variant="primary">
          {t('notFound.home')}
        </LinkButton>
      </div>
    </Page>
  );
}

/** Any path no route knows. */
export function NotFoundPage() {
  return <NotFoundContent />;
}
