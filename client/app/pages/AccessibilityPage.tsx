import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { Card } from '../../components/Card';
import { LinkButton } from '../../components/Button';
import styles from './StaticPage.module.css';

const FEEDBACK_MAIL = 'barrierefreiheit@stuttgart.example';

/** Accessibility statement (BITV 2.0) with the feedback channel. */
export function AccessibilityPage() {
  const { t } = useTranslation('common');
  const subject = encodeURIComponent(t('accessibility.mailSubject'));
  const body = encodeURIComponent(t('accessibility.mailBody', { url: window.location.origin }));
  return (
    <Page title={t('accessibility.title')}>
      <div className={styles.text}>
        <p>{t('accessibility.intro')}</p>
        <h2>{t('accessibility.statusTitle')}</h2>
        <p>{t('accessibility.status')}</p>
        <h2>{t('accessibility.knownTitle')}</h2>
        <ul>
          <li>{t('accessibility.known1')}</li>
          <li>{t('accessibility.known2')}</li>
        </ul>
        <h2>{t('accessibility.featuresTitle')}</h2>
        <p>{t('accessibility.features')}</p>
      </div>
      <Card title={t('accessibility.feedbackTitle')}>
        <p>{t('accessibility.feedback')}</p>
        <p>
          <LinkButton
            variant="primary"
            href={`mailto:${FEEDBACK_MAIL}?subject=${subject}&body=${body}`}
          >
            {t('accessibility.feedbackButton')}
          </LinkButton>
        </p>
        <p className={styles.muted}>
          {t('accessibility.feedbackAddress')}{' '}
          <a href={`mailto:${FEEDBACK_MAIL}`}>{FEEDBACK_MAIL}</a>
        </p>
        <h3>{t('accessibility.enforcementTitle')}</h3>
        <p>{t('accessibility.enforcement')}</p>
      </Card>
    </Page>
  );
}
