import { useTranslation } from 'react-i18next';
import { useUpdateSettings } from '../../features/auth/queries';
import { GlobeIcon } from '../../components/icons';
import type { Language } from '@shared/people/schemas';
import styles from './LanguageSwitch.module.css';

const names: Record<Language, string> = { de: 'Deutsch', en: 'English' };

/** Switches between German and English and saves it in the person's settings. */
export function LanguageSwitch({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { i18n } = useTranslation();
  const update = useUpdateSettings();
  const current: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'de';
  const next: Language = current === 'de' ? 'en' : 'de';
  return (
    // A plain button: react-aria's press handling is not needed here and stays out of the entry.
    <button
      type="button"
      className={`${styles.button} ${tone === 'dark' ? styles.dark : ''}`}
      onClick={() => update.mutate({ language: next })}
    >
      <GlobeIcon className={styles.icon} />
      <span lang={next}>{names[next]}</span>
    </button>
  );
}
