import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/Button';
import { TextField } from '../../../../components/TextField';
import { ImageUploadDialog } from './ImageUploadDialog';
import type { CoverDraft } from './article-form';
import styles from './editor.module.css';

/** The article's cover image: upload (alt text required), change the description, remove. */
export function CoverField({
  articleId,
  value,
  onChange,
  showIssues,
}: {
  articleId: string;
  value: CoverDraft | null;
  onChange: (cover: CoverDraft | null) => void;
  showIssues: boolean;
}) {
  const { t } = useTranslation(['newsEditor', 'news'], { nsMode: 'fallback' });
  const [open, setOpen] = useState(false);
  return (
    <div className={styles.cover}>
      {value ? (
        <>
          <img src={value.url} alt={value.alt} className={styles.coverImage} />
          <TextField
            label={t('editor.cover.alt')}
            value={value.alt}
            onChange={(alt) => onChange({ ...value, alt })}
            isRequired
            maxLength={300}
            errorMessage={
              showIssues && !value.alt.trim() ? t('editor.image.altRequired') : undefined
            }
          />
        </>
      ) : (
        <p className={styles.hint}>{t('editor.cover.none')}</p>
      )}
      <div className={styles.actions}>
        <Button size="small" onPress={() => setOpen(true)}>
          {value ? t('editor.cover.replace') : t('editor.cover.add')}
        </Button>
        {value ? (
          <Button size="small" variant="tertiary" onPress={() => onChange(null)}>
            {t('editor.cover.remove')}
          </Button>
        ) : null}
      </div>
      <ImageUploadDialog
        articleId={articleId}
        title={t('editor.cover.dialogTitle')}
        isOpen={open}
        onOpenChange={setOpen}
        onInsert={(img) => onChange({ fileId: img.fileId, url: img.url, alt: img.alt })}
      />
    </div>
  );
}
