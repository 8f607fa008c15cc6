import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseDTO, ThreadDTO } from '@shared/learning/types';
import type { MeDTO } from '@shared/people/types';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { Spinner } from '../../../components/Spinner';
import { useMe } from '../../auth/queries';
import { mayPost, mayReadDiscussion } from './access';
import { useAskQuestion, usePendingIds, useThreads } from './queries';
import { TitleBodyFields } from './parts';
import { ThreadItem } from './ThreadItem';
import styles from './discussion.module.css';

/** The "Diskussion" tab of a course: questions, replies (trainer answers marked), ask form. */
export default function DiscussionPanel({ course }: { course: CourseDTO }) {
  const { t } = useTranslation('learningDiscussion');
  const me = useMe();
  const readable = mayReadDiscussion(course);
  return (
    <section className={styles.panel} aria-labelledby="learning-discussion-h">
      <h2 id="learning-discussion-h" className={styles.heading}>
        {t('discussion.heading')}
      </h2>
      {!readable ? (
        <p className={styles.muted}>{t('discussion.notAllowed')}</p>
      ) : (
        <Discussion course={course} me={me} />
      )}
    </section>
  );
}

function Discussion({ course, me }: { course: CourseDTO; me: MeDTO }) {
  const { t } = useTranslation('learningDiscussion');
  const threads = useThreads(course.id);
  const pendingIds = usePendingIds(course.id);
  const list = threads.data?.pages.flatMap((p) => p.data) ?? [];
  useAnnounceNewPosts(list, me.id, threads.isSuccess);
  const canAsk = mayPost(course);

  return (
    <>
      {canAsk ? (
        <p className={styles.muted}>{t('discussion.intro')}</p>
      ) : course.status === 'archived' ? (
        <p className={styles.muted}>{t('discussion.readOnly')}</p>
      ) : null}
      {canAsk ? <AskForm course={course} me={me} /> : null}
      {threads.isPending ? (
        <Spinner />
      ) : threads.isError ? (
        <ErrorMessage error={threads.error}>
          <Button onPress={() => void threads.refetch()}>{t('common:actions.retry')}</Button>
        </ErrorMessage>
      ) : list.length === 0 ? (
        <EmptyState title={t('discussion.empty')}>
          {canAsk ? <p>{t('discussion.emptyAsk')}</p> : null}
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label={t('discussion.list')}>
          {list.map((thread) => (
            <ThreadItem
              key={thread.id}
              course={course}
              me={me}
              thread={thread}
              pendingIds={pendingIds}
            />
          ))}
        </ul>
      )}
      {threads.hasNextPage ? (
        <div>
          <Button
            isDisabled={threads.isFetchingNextPage}
            onPress={() => void threads.fetchNextPage()}
          >
            {t('discussion.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** Says new questions and replies of others through the live region (not on first load). */
function useAnnounceNewPosts(list: ThreadDTO[], myId: string, loaded: boolean) {
  const { t } = useTranslation('learningDiscussion');
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!loaded) return;
    const ids = new Set<string>();
    const fresh: { title: string; isThread: boolean }[] = [];
    for (const th of list) {
      ids.add(th.id);
      if (seen.current && !seen.current.has(th.id) && th.author?.id !== myId) {
        fresh.push({ title: th.title, isThread: true });
      }
      for (const r of th.replies) {
        ids.add(r.id);
        if (seen.current && !seen.current.has(r.id) && r.author?.id !== myId) {
          fresh.push({ title: th.title, isThread: false });
        }
      }
    }
    if (seen.current === null) {
      seen.current = ids;
      return;
    }
    for (const id of ids) seen.current.add(id);
    const newThread = fresh.find((f) => f.isThread);
    const replies = fresh.filter((f) => !f.isThread).length;
    if (newThread) announce(t('discussion.live.newThread', { title: newThread.title }));
    else if (replies) announce(t('discussion.live.newReplies', { count: replies }));
  }, [list, myId, loaded, t]);
}

function AskForm({ course, me }: { course: CourseDTO; me: MeDTO }) {
  const { t } = useTranslation('learningDiscussion');
  const ask = useAskQuestion(course, me);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [issues, setIssues] = useState<{ title?: string; body?: string }>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { clientId, title: title.trim(), body: body.trim() };
    const found = {
      ...(input.title.length < 3 ? { title: t('discussion.ask.titleTooShort') } : {}),
      ...(!input.body ? { body: t('discussion.ask.bodyRequired') } : {}),
    };
    setIssues(found);
    if (found.title || found.body) return;
    // Shown at once; a failure brings the texts back with the same id (a retry cannot post twice).
    setTitle('');
    setBody('');
    ask.mutate(input, {
      onSuccess: () => {
        setClientId(crypto.randomUUID());
        announce(t('discussion.live.asked'));
      },
      onError: () => {
        setTitle(input.title);
        setBody(input.body);
      },
    });
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="learning-ask-h">
      <h3 id="learning-ask-h" className={styles.formHeading}>
        {t('discussion.ask.heading')}
      </h3>
      <TitleBodyFields
        title={title}
        body={body}
        onTitle={setTitle}
        onBody={setBody}
        issues={issues}
        labels={{ title: t('discussion.ask.title'), body: t('discussion.ask.body') }}
        error={ask.isPending ? null : ask.error}
      />
      <div className={styles.buttons}>
        <Button type="submit" variant="primary" isDisabled={ask.isPending}>
          {t('discussion.ask.submit')}
        </Button>
      </div>
    </form>
  );
}
