import { useTranslation } from 'react-i18next';
import {
  FieldError,
  Label,
  Tab,
  TabList,
  TabPanel,
  Tabs,
  Text,
  TextArea,
  TextField as AriaTextField,
} from 'react-aria-components';
import { newsVariants, type NewsVariant } from '@shared/news/schemas';
import type { PersonRef } from '@shared/people/types';
import { TextField } from '../../../../components/TextField';
import { PersonPicker } from '../../../people/components/PersonPicker';
import { RichTextEditor } from './RichTextEditor';
import { hasVariant, type ArticleDraft, type DraftIssues, type VariantDraft } from './article-form';
import fields from '../../../../components/fields.module.css';
import forms from '../../../people/components/forms.module.css';
import styles from './editor.module.css';

/** A multi-line text field (teasers). */
export function TextAreaField({
  label,
  description,
  value,
  onChange,
  maxLength,
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (v: string) => void;
  maxLength?: number;
}) {
  return (
    <AriaTextField value={value} onChange={onChange} maxLength={maxLength} className={fields.field}>
      <Label className={fields.label}>{label}</Label>
      {description ? (
        <Text slot="description" className={fields.description}>
          {description}
        </Text>
      ) : null}
      <TextArea className={`${fields.input} ${forms.textarea}`} rows={3} />
      <FieldError className={fields.error} />
    </AriaTextField>
  );
}

/**
 * The three language versions as tabs: German (required), English and plain German (optional, with
 * the person who reviewed the plain text). All panels stay mounted so each editor keeps its undo
 * history; inactive ones are inert.
 */
export function VariantTabs({
  articleId,
  draft,
  issues,
  showIssues,
  onVariant,
  onReviewer,
}: {
  articleId: string;
  draft: ArticleDraft;
  issues: DraftIssues;
  showIssues: boolean;
  onVariant: (k: NewsVariant, patch: Partial<VariantDraft>) => void;
  onReviewer: (p: PersonRef | null) => void;
}) {
  const { t } = useTranslation(['newsEditor', 'news'], { nsMode: 'fallback' });
  return (
    <Tabs>
      <TabList aria-label={t('editor.variants.label')} className={styles.tabList}>
        {newsVariants.map((k) => (
          <Tab key={k} id={k} className={styles.tab}>
            {t(`editor.variants.${k}`)}
            {k !== 'de' ? (
              <span className={styles.tabMark}>
                {hasVariant(draft, k)
                  ? t('editor.variants.written')
                  : t('editor.variants.optional')}
              </span>
            ) : null}
          </Tab>
        ))}
      </TabList>
      {newsVariants.map((k) => {
        const v = draft.variants[k];
        const titleIssue = issues[`title.${k}` as const];
        return (
          <TabPanel key={k} id={k} shouldForceMount className={styles.tabPanel}>
            {k !== 'de' ? <p className={styles.hint}>{t(`editor.variants.${k}Help`)}</p> : null}
            <TextField
              label={t('editor.fields.title')}
              value={v.title}
              onChange={(title) => onVariant(k, { title })}
              isRequired={k === 'de'}
              maxLength={160}
              errorMessage={showIssues && titleIssue ? t('editor.invalid.title') : undefined}
            />
            <TextAreaField
              label={t('editor.fields.teaser')}
              description={t('editor.fields.teaserHelp')}
              value={v.teaser}
              onChange={(teaser) => onVariant(k, { teaser })}
              maxLength={400}
            />
            <RichTextEditor
              articleId={articleId}
              label={t('editor.fields.body')}
              value={v.body}
              onChange={(body) => onVariant(k, { body })}
            />
            {k === 'plain' ? (
              <PersonPicker
                label={t('editor.fields.reviewedBy')}
                description={t('editor.fields.reviewedByHelp')}
                value={draft.plainReviewedBy}
                onChange={onReviewer}
              />
            ) : null}
          </TabPanel>
        );
      })}
    </Tabs>
  );
}
