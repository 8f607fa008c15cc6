import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import styles from './StaticPage.module.css';

/** Privacy notice for staff (GDPR Art. 13). */
export function PrivacyPage() {
  const { t } = useTranslation('common');
  return (
    <Page title={t('privacy.title')}>
      <div className={styles.text}>
        <p>{t('privacy.intro')}</p>
        <h2>{t('privacy.dataTitle')}</h2>
        <p>{t('privacy.data')}</p>
        <h2>{t('privacy.rightsTitle')}</h2>
        <p>{t('privacy.rights')}</p>
        <h2>{t('privacy.contactTitle')}</h2>
        <p>{t('privacy.contact')}</p>
      </div>
    </Page>
  );
}
