import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonFileDTO } from '@shared/learning/types';
import { Button } from '../../../../components/Button';
import { TextField } from '../../../../components/TextField';
import { ConfirmDialog } from '../../../admin/components/ConfirmDialog';
import { useEditorTools } from '../context';
import type { EditableLesson } from '../draft';
import { fieldId } from '../errors';
import { AreaField } from './fields';
import { FileUpload } from './FileUpload';
import { QuizEditor } from './QuizEditor';
import { RichText } from './RichText';
import styles from '../authoring.module.css';

const mediaAccept = 'audio/*,video/*,.mp4,.webm,.mp3,.ogg,.m4a,.wav';
const docAccept = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.txt,.csv';

/** The selected lesson: title, text or introduction, and what its type needs. */
export function LessonEditor({
  lesson,
  onRemove,
}: {
  lesson: EditableLesson;
  /** Removes the lesson (after the confirmation) and moves focus. */
  onRemove: () => void;
}) {
  const { t } = useTranslation('learningAuthor');
  const { courseId, dispatch, issue } = useEditorTools();
  const [confirm, setConfirm] = useState(false);
  const set = (patch: Partial<EditableLesson>) =>
    dispatch({ type: 'updateLesson', lessonId: lesson.id, patch });
  const f = (name: string) => fieldId(lesson.id, name);

  return (
    <section className={styles.stack} aria-labelledby={f('heading')}>
      <h3 id={f('heading')} className={styles.itemTitle}>
        {t('lesson.heading', { type: t(`lessonTypes.${lesson.type}`), title: lesson.title })}
      </h3>
      <TextField
        id={f('title')}
        label={t('lesson.title')}
        value={lesson.title}
        onChange={(title) => set({ title })}
        maxLength={160}
        isRequired
        errorMessage={issue(f('title'))}
      />
      <RichText
        key={`${lesson.id}-html`}
        id={f('html')}
        courseId={courseId}
        label={lesson.type === 'text' ? t('lesson.text') : t('lesson.intro')}
        value={lesson.html}
        onChange={(html) => set({ html })}
        errorMessage={issue(f('html'))}
      />
      {lesson.type === 'media' ? (
        <>
          <FileSlot
            label={t('lesson.media')}
            file={lesson.media}
            onRemove={() => set({ media: null })}
          />
          <FileUpload
            id={f('media')}
            courseId={courseId}
            purpose="media"
            accept={mediaAccept}
            label={lesson.media ? t('lesson.replaceMedia') : t('lesson.uploadMedia')}
            description={t('lesson.mediaHelp')}
            errorMessage={issue(f('media'))}
            onUploaded={(media) => set({ media })}
          />
          <FileSlot
            label={t('lesson.captions')}
            file={lesson.captions}
            onRemove={() => set({ captions: null })}
          />
          <FileUpload
            id={f('captions')}
            courseId={courseId}
            purpose="captions"
            accept=".vtt,text/vtt"
            label={lesson.captions ? t('lesson.replaceCaptions') : t('lesson.uploadCaptions')}
            description={t('lesson.captionsHelp')}
            errorMessage={issue(f('captions'))}
            onUploaded={(captions) => set({ captions })}
          />
          <AreaField
            id={f('transcript')}
            label={t('lesson.transcript')}
            description={t('lesson.transcriptHelp')}
            value={lesson.transcript}
            onChange={(transcript) => set({ transcript })}
            errorMessage={issue(f('transcript'))}
            rows={6}
          />
        </>
      ) : null}
      {lesson.type === 'file' ? (
        <>
          {lesson.files.length > 0 ? (
            <ul className={styles.fileList} aria-label={t('lesson.files')}>
              {lesson.files.map((file) => (
                <li key={file.id} className={styles.fileRow}>
                  <span>{file.name}</span>
                  <Button
                    size="small"
                    variant="tertiary"
                    aria-label={t('lesson.removeFileNamed', { name: file.name })}
                    onPress={() => set({ files: lesson.files.filter((x) => x.id !== file.id) })}
                  >
                    {t('lesson.removeFile')}
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className={styles.muted}>{t('lesson.noFiles')}</p>
          )}
          <FileUpload
            id={f('files')}
            courseId={courseId}
            purpose="document"
            accept={docAccept}
            multiple
            label={t('lesson.uploadFiles')}
            errorMessage={issue(f('files'))}
            onUploaded={(file) => dispatch({ type: 'addFile', lessonId: lesson.id, file })}
          />
        </>
      ) : null}
      {lesson.type === 'link' ? (
        <TextField
          id={f('url')}
          label={t('lesson.url')}
          description={t('lesson.urlHelp')}
          type="url"
          inputMode="url"
          value={lesson.url}
          onChange={(url) => set({ url })}
          isRequired
          errorMessage={issue(f('url'))}
        />
      ) : null}
      {lesson.type === 'quiz' ? <QuizEditor lesson={lesson} /> : null}
      <div className={styles.row}>
        <Button variant="danger" onPress={() => setConfirm(true)}>
          {t('lesson.remove')}
        </Button>
      </div>
      <ConfirmDialog
        title={t('lesson.removeTitle')}
        isOpen={confirm}
        onOpenChange={setConfirm}
        danger
        focusCancel
        confirmLabel={t('lesson.remove')}
        onConfirm={() => {
          setConfirm(false);
          onRemove();
        }}
      >
        <p>{t('lesson.removeText', { title: lesson.title })}</p>
      </ConfirmDialog>
    </section>
  );
}

/** The current media or captions file, with "Entfernen". */
function FileSlot({
  label,
  file,
  onRemove,
}: {
  label: string;
  file: LessonFileDTO | null;
  onRemove: () => void;
}) {
  const { t } = useTranslation('learningAuthor');
  if (!file) return null;
  return (
    <p className={styles.fileRow}>
      <span>
        {label}: {file.name}
      </span>
      <Button
        size="small"
        variant="tertiary"
        aria-label={t('lesson.removeFileNamed', { name: file.name })}
        onPress={onRemove}
      >
        {t('lesson.removeFile')}
      </Button>
    </p>
  );
}
