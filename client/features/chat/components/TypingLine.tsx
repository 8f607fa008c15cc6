import { useTranslation } from 'react-i18next';
import type { Typist } from '../presence';
import styles from './chat.module.css';

/** "X is typing …" (visual only; the live region is kept for messages). */
export function TypingLine({ typists }: { typists: Typist[] }) {
  const { t } = useTranslation('chat');
  const [a, b] = typists;
  const text = !a
    ? ''
    : typists.length === 1
      ? t('typing.one', { name: a.displayName })
      : typists.length === 2 && b
        ? t('typing.two', { a: a.displayName, b: b.displayName })
        : t('typing.many');
  return (
    <p className={styles.typing} aria-hidden={text ? undefined : true}>
      {text}
    </p>
  );
}
