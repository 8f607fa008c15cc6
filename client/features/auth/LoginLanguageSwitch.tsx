import { useTranslation } from 'react-i18next';
import { Button as AriaButton } from 'react-aria-components';
import { GlobeIcon } from '../../components/icons';
import styles from './LoginPage.module.css';

/** Before sign-in the language is only remembered in this browser. */
export function LoginLanguageSwitch() {
  const { i18n } = useTranslation();
  const next = i18n.resolvedLanguage === 'en' ? 'de' : 'en';
  return (
    <AriaButton className={styles.lang} onPress={() => void i18n.changeLanguage(next)}>
      <GlobeIcon className={styles.langIcon} />
      <span lang={next}>{next === 'en' ? 'English' : 'Deutsch'}</span>
    </AriaButton>
  );
}
