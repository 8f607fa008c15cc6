import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { lessonTypes, type LessonType } from '@shared/learning/schemas';
import { Button } from '../../../../components/Button';
import { SelectField } from '../../../../components/SelectField';
import { TextField } from '../../../../components/TextField';
import { announce } from '../../../../components/LiveAnnouncer';
import { ConfirmDialog } from '../../../admin/components/ConfirmDialog';
import { useEditorTools } from '../context';
import {
  draftReducer,
  findLesson,
  lessonPlace,
  newItemId,
  newLesson,
  type Dir,
  type DraftState,
  type EditableLesson,
  type EditableModule,
} from '../draft';
import { fieldId } from '../errors';
import { LessonEditor } from './LessonEditor';
import { MoveButtons, afterMoveFocus } from './MoveButtons';
import styles from '../authoring.module.css';

const selectId = (lessonId: string) => `sel-${lessonId}`;

/**
 * "Inhalt": the outline (modules with their lessons: add, rename, remove, reorder with buttons or
 * Alt+↑/↓ on a lesson) beside the editor of the selected lesson.
 */
export function ContentEditor({
  draft,
  selected,
  onSelect,
  problems,
}: {
  draft: DraftState;
  selected: string | null;
  onSelect: (lessonId: string | null) => void;
  /** Lessons the last save or publish found problems in. */
  problems: Set<string>;
}) {
  const { t } = useTranslation('learningAuthor');
  const { dispatch, focusLater, issue } = useEditorTools();
  const [removing, setRemoving] = useState<EditableModule | null>(null);
  const lesson = findLesson(draft, selected);

  const moveLesson = (l: EditableLesson, dir: Dir, focusId: (prefix: string) => string) => {
    const next = draftReducer(draft, { type: 'moveLesson', lessonId: l.id, dir });
    if (next === draft) return;
    dispatch({ type: 'moveLesson', lessonId: l.id, dir });
    const place = lessonPlace(next, l.id);
    if (!place) return;
    focusLater(focusId(`m-${l.id}`));
    announce(
      t('content.lessonMoved', {
        title: l.title,
        module: place.moduleIndex + 1,
        position: place.index + 1,
        count: place.count,
      }),
    );
  };
  const removeLesson = (l: EditableLesson) => {
    const place = lessonPlace(draft, l.id);
    dispatch({ type: 'removeLesson', lessonId: l.id });
    const siblings = place?.module.lessons ?? [];
    const next = siblings[(place?.index ?? 0) + 1] ?? siblings[(place?.index ?? 0) - 1];
    onSelect(next?.id ?? null);
    focusLater(next ? selectId(next.id) : fieldId(place?.module.id ?? 'modules', 'addLesson'));
    announce(t('content.lessonRemoved', { title: l.title }));
  };
  const addModule = () => {
    const id = newItemId();
    dispatch({
      type: 'addModule',
      id,
      title: t('content.newModule', { n: draft.modules.length + 1 }),
    });
    focusLater(fieldId(id, 'title'));
  };
  const removeModule = (m: EditableModule) => {
    const index = draft.modules.findIndex((x) => x.id === m.id);
    dispatch({ type: 'removeModule', moduleId: m.id });
    if (m.lessons.some((l) => l.id === selected)) onSelect(null);
    const next = draft.modules[index + 1] ?? draft.modules[index - 1];
    focusLater(next ? fieldId(next.id, 'title') : fieldId('modules', 'add'));
    announce(t('content.moduleRemoved', { title: m.title }));
  };

  return (
    <div className={styles.editorGrid}>
      <section className={styles.stack} aria-labelledby="outline-heading">
        <h2 id="outline-heading" className={styles.itemTitle}>
          {t('content.outline')}
        </h2>
        <p className={styles.muted}>{t('content.keyboardHelp')}</p>
        {draft.modules.length === 0 ? <p className={styles.muted}>{t('content.empty')}</p> : null}
        {draft.modules.map((m, mi) => {
          const name = t('content.module', { n: mi + 1 });
          return (
            <section key={m.id} className={styles.module} aria-label={`${name}: ${m.title}`}>
              <TextField
                id={fieldId(m.id, 'title')}
                label={t('content.moduleTitle', { n: mi + 1 })}
                value={m.title}
                maxLength={160}
                isRequired
                onChange={(title) => dispatch({ type: 'renameModule', moduleId: m.id, title })}
                errorMessage={issue(fieldId(m.id, 'title'))}
              />
              <div className={styles.row}>
                <MoveButtons
                  name={name}
                  idPrefix={`m-${m.id}`}
                  canUp={mi > 0}
                  canDown={mi < draft.modules.length - 1}
                  onMove={(dir) => {
                    dispatch({ type: 'moveModule', moduleId: m.id, dir });
                    focusLater(afterMoveFocus(`m-${m.id}`, dir, mi + dir, draft.modules.length));
                    announce(
                      t('content.moduleMoved', {
                        title: m.title,
                        position: mi + dir + 1,
                        count: draft.modules.length,
                      }),
                    );
                  }}
                />
                <Button size="small" variant="danger" onPress={() => setRemoving(m)}>
                  {t('content.removeModule')}
                </Button>
              </div>
              <ul className={styles.lessons} aria-label={t('content.lessonsOf', { name })}>
                {m.lessons.map((l, li) => (
                  <LessonRow
                    key={l.id}
                    lesson={l}
                    current={l.id === selected}
                    problem={problems.has(l.id)}
                    canUp={mi > 0 || li > 0}
                    canDown={mi < draft.modules.length - 1 || li < m.lessons.length - 1}
                    onSelect={() => onSelect(l.id)}
                    onMove={(dir, viaKey) =>
                      moveLesson(l, dir, (prefix) => {
                        if (viaKey) return selectId(l.id);
                        const next = draftReducer(draft, {
                          type: 'moveLesson',
                          lessonId: l.id,
                          dir,
                        });
                        const flat = next.modules.flatMap((x) => x.lessons);
                        return afterMoveFocus(
                          prefix,
                          dir,
                          flat.findIndex((x) => x.id === l.id),
                          flat.length,
                        );
                      })
                    }
                  />
                ))}
              </ul>
              <AddLesson moduleId={m.id} moduleName={name} onAdded={onSelect} />
            </section>
          );
        })}
        <div className={styles.row}>
          <Button
            id={fieldId('modules', 'add')}
            onPress={addModule}
            isDisabled={draft.modules.length >= 30}
          >
            {t('content.addModule')}
          </Button>
        </div>
      </section>
      <div className={styles.stack}>
        {lesson ? (
          <LessonEditor key={lesson.id} lesson={lesson} onRemove={() => removeLesson(lesson)} />
        ) : (
          <p className={styles.muted}>{t('content.noLesson')}</p>
        )}
      </div>
      <ConfirmDialog
        title={t('content.removeModuleTitle')}
        isOpen={removing !== null}
        onOpenChange={(open) => (open ? null : setRemoving(null))}
        danger
        focusCancel
        confirmLabel={t('content.removeModule')}
        onConfirm={() => {
          if (removing) removeModule(removing);
          setRemoving(null);
        }}
      >
        <p>
          {t('content.removeModuleText', {
            title: removing?.title ?? '',
            count: removing?.lessons.length ?? 0,
          })}
        </p>
      </ConfirmDialog>
    </div>
  );
}

function LessonRow({
  lesson,
  current,
  problem,
  canUp,
  canDown,
  onSelect,
  onMove,
}: {
  lesson: EditableLesson;
  current: boolean;
  problem: boolean;
  canUp: boolean;
  canDown: boolean;
  onSelect: () => void;
  onMove: (dir: Dir, viaKey: boolean) => void;
}) {
  const { t } = useTranslation('learningAuthor');
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    onMove(e.key === 'ArrowUp' ? -1 : 1, true);
  };
  const cls = [
    styles.lesson,
    current ? styles.lessonCurrent : '',
    problem ? styles.lessonProblem : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li className={cls}>
      <button
        type="button"
        id={selectId(lesson.id)}
        className={styles.lessonButton}
        aria-current={current ? 'true' : undefined}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
        onClick={onSelect}
        onKeyDown={onKeyDown}
      >
        {problem ? (
          <span className={styles.problemMark}>
            <span aria-hidden="true">! </span>
            <span className="visually-hidden">{t('content.hasProblems')} </span>
          </span>
        ) : null}
        {lesson.title || t('content.untitled')}
        <span className={styles.lessonType}>{t(`lessonTypes.${lesson.type}`)}</span>
      </button>
      <MoveButtons
        name={lesson.title}
        idPrefix={`m-${lesson.id}`}
        canUp={canUp}
        canDown={canDown}
        onMove={(dir) => onMove(dir, false)}
      />
    </li>
  );
}

function AddLesson({
  moduleId,
  moduleName,
  onAdded,
}: {
  moduleId: string;
  moduleName: string;
  onAdded: (lessonId: string) => void;
}) {
  const { t } = useTranslation('learningAuthor');
  const { dispatch, focusLater } = useEditorTools();
  const [type, setType] = useState<LessonType>('text');
  return (
    <div className={styles.optionRow}>
      <SelectField
        label={t('content.newLessonType', { name: moduleName })}
        options={lessonTypes.map((x) => ({ id: x, label: t(`lessonTypes.${x}`) }))}
        value={type}
        onChange={(v) => setType(v as LessonType)}
      />
      <Button
        id={fieldId(moduleId, 'addLesson')}
        onPress={() => {
          const lesson = newLesson(
            type,
            t('content.newLesson', { type: t(`lessonTypes.${type}`) }),
          );
          dispatch({ type: 'addLesson', moduleId, lesson });
          onAdded(lesson.id);
          focusLater(fieldId(lesson.id, 'title'));
          announce(t('content.lessonAdded', { title: lesson.title }));
        }}
      >
        {t('content.addLesson')}
      </Button>
    </div>
  );
}
