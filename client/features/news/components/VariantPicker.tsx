import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { NewsVariant } from '@shared/news/schemas';
import { variantLang } from '../variants';
import styles from './VariantPicker.module.css';

/** Choice of the language version (only those written); hidden when there is just one. */
export function VariantPicker({
  variants,
  value,
  onChange,
}: {
  variants: NewsVariant[];
  value: NewsVariant;
  onChange: (v: NewsVariant) => void;
}) {
  const { t } = useTranslation('news');
  if (variants.length < 2) return null;
  return (
    <RadioGroup
      className={styles.group}
      value={value}
      onChange={(v) => onChange(v as NewsVariant)}
      orientation="horizontal"
    >
      <Label className={styles.label}>{t('variant.label')}</Label>
      <div className={styles.options}>
        {variants.map((v) => (
          <Radio key={v} value={v} className={styles.option}>
            {/* Each name in its own language, so screen readers pronounce it right. */}
            <span lang={variantLang(v)}>{t(`variant.${v}`)}</span>
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
