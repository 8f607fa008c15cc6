import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnouncementDTO, CourseDTO } from '@shared/learning/types';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { Spinner } from '../../../components/Spinner';
import { useMe } from '../../auth/queries';
import { mayReadDiscussion } from './access';
import { useAnnounce, useAnnouncements } from './queries';
import { PostMeta, TitleBodyFields } from './parts';
import styles from './discussion.module.css';

/** The "Ankündigungen" tab of a course: announcements newest first; trainers and HR write. */
export default function AnnouncementsPanel({ course }: { course: CourseDTO }) {
  const { t } = useTranslation('learningDiscussion');
  const readable = mayReadDiscussion(course);
  return (
    <section className={styles.panel} aria-labelledby="learning-announcements-h">
      <h2 id="learning-announcements-h" className={styles.heading}>
        {t('announcements.heading')}
      </h2>
      {course.abilities.announce && course.status !== 'archived' ? (
        <AnnounceForm courseId={course.id} />
      ) : null}
      {readable ? (
        <Announcements course={course} />
      ) : (
        <p className={styles.muted}>{t('discussion.notAllowed')}</p>
      )}
    </section>
  );
}

function Announcements({ course }: { course: CourseDTO }) {
  const { t } = useTranslation('learningDiscussion');
  const me = useMe();
  const list = useAnnouncements(course.id);
  useAnnounceNew(list.data, me.id);
  if (list.isPending) return <Spinner />;
  if (list.isError) {
    return (
      <ErrorMessage error={list.error}>
        <Button onPress={() => void list.refetch()}>{t('common:actions.retry')}</Button>
      </ErrorMessage>
    );
  }
  if (!list.data.length) return <EmptyState title={t('announcements.empty')} />;
  return (
    <ul className={styles.list} aria-label={t('announcements.list')}>
      {list.data.map((a) => (
        <li key={a.id}>
          <article className={styles.item} aria-labelledby={`learning-announcement-${a.id}`}>
            <h3 id={`learning-announcement-${a.id}`} className={styles.title}>
              {a.title}
            </h3>
            <PostMeta author={a.author} byTrainer={false} createdAt={a.createdAt} />
            <p className={styles.body}>{a.body}</p>
          </article>
        </li>
      ))}
    </ul>
  );
}

/** Says announcements of others that arrive while the tab is open (not the first load). */
function useAnnounceNew(list: AnnouncementDTO[] | undefined, myId: string) {
  const { t } = useTranslation('learningDiscussion');
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!list) return;
    const before = seen.current;
    seen.current = new Set(list.map((a) => a.id));
    if (!before) return;
    const fresh = list.find((a) => !before.has(a.id) && a.author?.id !== myId);
    if (fresh) announce(t('announcements.live.new', { title: fresh.title }));
  }, [list, myId, t]);
}

function AnnounceForm({ courseId }: { courseId: string }) {
  const { t } = useTranslation('learningDiscussion');
  const send = useAnnounce(courseId);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [issues, setIssues] = useState<{ title?: string; body?: string }>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { clientId, title: title.trim(), body: body.trim() };
    const found = {
      ...(input.title.length < 3 ? { title: t('announcements.form.titleTooShort') } : {}),
      ...(!input.body ? { body: t('announcements.form.bodyRequired') } : {}),
    };
    setIssues(found);
    if (found.title || found.body) return;
    // The same id until it is stored: a retry after a lost answer cannot announce twice.
    send.mutate(input, {
      onSuccess: () => {
        setTitle('');
        setBody('');
        setClientId(crypto.randomUUID());
        announce(t('announcements.live.sent'));
      },
    });
  };

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-labelledby="learning-announce-h"
    >
      <h3 id="learning-announce-h" className={styles.formHeading}>
        {t('announcements.form.heading')}
      </h3>
      <p className={styles.muted}>{t('announcements.form.hint')}</p>
      <TitleBodyFields
        title={title}
        body={body}
        onTitle={setTitle}
        onBody={setBody}
        issues={issues}
        labels={{ title: t('announcements.form.title'), body: t('announcements.form.body') }}
        error={send.isPending ? null : send.error}
      />
      <div className={styles.buttons}>
        <Button type="submit" variant="primary" isDisabled={send.isPending}>
          {t('announcements.form.submit')}
        </Button>
      </div>
    </form>
  );
}
