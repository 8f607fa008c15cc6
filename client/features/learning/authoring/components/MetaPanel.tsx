import { useTranslation } from 'react-i18next';
import type { CourseDTO } from '@shared/learning/types';
import { AudiencePicker } from '../../../../components/AudiencePicker';
import { CheckboxField } from '../../../../components/CheckboxField';
import { SelectField } from '../../../../components/SelectField';
import { TextField } from '../../../../components/TextField';
import { PeopleChooser } from '../../../chat/components/PeopleChooser';
import { metaFieldId } from '../errors';
import type { MetaForm } from '../meta';
import { useCategories } from '../queries';
import { AreaField, GroupError } from './fields';
import { ImageField } from './ImageField';
import { RichText } from './RichText';
import styles from '../authoring.module.css';

const noCategory = '-';

/** "Angaben": title, texts, category, tags, language, duration, completion, cost, audience, trainers, image. */
export function MetaPanel({
  course,
  form,
  onChange,
  issue,
}: {
  course: CourseDTO;
  form: MetaForm;
  onChange: (next: MetaForm) => void;
  issue: (fieldId: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation('learningAuthor');
  const categories = useCategories();
  const set = (patch: Partial<MetaForm>) => onChange({ ...form, ...patch });
  const err = (name: string) => issue(metaFieldId(name));
  const en = i18n.language.startsWith('en');
  const training = course.kind === 'training';

  return (
    <div className={styles.stack}>
      <h2 className="visually-hidden">{t('editor.sections.meta')}</h2>
      <TextField
        id={metaFieldId('title')}
        label={t('meta.title')}
        value={form.title}
        onChange={(title) => set({ title })}
        isRequired
        minLength={3}
        maxLength={120}
        errorMessage={err('title')}
      />
      <AreaField
        id={metaFieldId('summary')}
        label={t('meta.summary')}
        description={t('meta.summaryHelp')}
        value={form.summary}
        onChange={(summary) => set({ summary })}
        maxLength={500}
        errorMessage={err('summary')}
      />
      <RichText
        id={metaFieldId('description')}
        courseId={course.id}
        label={t('meta.description')}
        value={form.description}
        onChange={(description) => set({ description })}
        errorMessage={err('description')}
      />
      <SelectField
        label={t('meta.category')}
        options={[
          { id: noCategory, label: t('meta.noCategory') },
          ...(categories.data ?? []).map((c) => ({ id: c.id, label: en ? c.name.en : c.name.de })),
        ]}
        value={form.categoryId ?? noCategory}
        onChange={(v) => set({ categoryId: v === noCategory ? null : v })}
        errorMessage={err('categoryId')}
      />
      <TextField
        id={metaFieldId('tags')}
        label={t('meta.tags')}
        description={t('meta.tagsHelp')}
        value={form.tags}
        onChange={(tags) => set({ tags })}
        errorMessage={err('tags')}
      />
      <SelectField
        label={t('meta.language')}
        options={[
          { id: 'de', label: t('meta.languages.de') },
          { id: 'en', label: t('meta.languages.en') },
        ]}
        value={form.language}
        onChange={(v) => set({ language: v === 'en' ? 'en' : 'de' })}
        errorMessage={err('language')}
      />
      <TextField
        id={metaFieldId('estimatedMinutes')}
        label={t('meta.duration')}
        description={t('meta.durationHelp')}
        type="number"
        inputMode="numeric"
        value={form.estimatedMinutes}
        onChange={(estimatedMinutes) => set({ estimatedMinutes })}
        errorMessage={err('estimatedMinutes')}
      />
      {course.kind === 'course' ? (
        <fieldset id={metaFieldId('completion')} tabIndex={-1} className={styles.fieldset}>
          <legend>{t('meta.completion')}</legend>
          <CheckboxField
            isSelected={form.completion.allLessons}
            onChange={(allLessons) => set({ completion: { ...form.completion, allLessons } })}
          >
            {t('meta.allLessons')}
          </CheckboxField>
          <CheckboxField
            isSelected={form.completion.quizzesPassed}
            onChange={(quizzesPassed) => set({ completion: { ...form.completion, quizzesPassed } })}
          >
            {t('meta.quizzesPassed')}
          </CheckboxField>
          <GroupError message={err('completion')} />
        </fieldset>
      ) : null}
      {training ? (
        <>
          <TextField
            id={metaFieldId('costCents')}
            label={t('meta.cost')}
            description={t('meta.costHelp')}
            inputMode="decimal"
            value={form.costEuro}
            onChange={(costEuro) => set({ costEuro })}
            errorMessage={err('costCents')}
          />
          <CheckboxField
            isSelected={form.hrConfirmationAlways}
            onChange={(hrConfirmationAlways) => set({ hrConfirmationAlways })}
          >
            {t('meta.hrConfirmationAlways')}
          </CheckboxField>
        </>
      ) : null}
      {course.abilities.administer ? (
        <>
          <div id={metaFieldId('audience')} tabIndex={-1}>
            <AudiencePicker
              label={t('meta.audience')}
              description={t('meta.audienceHelp')}
              value={form.audience}
              onChange={(audience) => set({ audience })}
            />
            <GroupError message={err('audience')} />
          </div>
          <div id={metaFieldId('trainerIds')} tabIndex={-1} className={styles.stack}>
            <PeopleChooser
              label={t('meta.trainers')}
              value={form.trainers}
              onChange={(trainers) => set({ trainers })}
            />
            <p className={styles.muted}>{t('meta.trainersHelp')}</p>
            <GroupError message={err('trainerIds')} />
          </div>
        </>
      ) : (
        <p className={styles.muted}>
          {t('meta.trainersReadonly', {
            names: form.trainers.map((p) => p.displayName).join(', ') || '–',
          })}
        </p>
      )}
      <ImageField course={course} />
    </div>
  );
}
