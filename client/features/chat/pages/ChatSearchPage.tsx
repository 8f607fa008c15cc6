import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ChatSearchHitDTO } from '@shared/chat/types';
import { toPlainText } from '@shared/chat/markdown';
import { Page } from '../../../components/Page';
import { Button } from '../../../components/Button';
import { SearchField } from '../../../components/SearchField';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { useConversations, useSearchMessages } from '../queries';
import { messageHref } from '../links';
import { snippetOf } from '../search';
import styles from '../components/chat.module.css';
import css from './ChatSearchPage.module.css';

/** The server's minimum query length (`chatSearchSchema`). */
const MIN_CHARS = 2;

/**
 * `/chat/search?q=&in=<conversationId>`: messages of my conversations (or of one) that contain
 * the words; each hit links to the message in its conversation (`?message=`, thread replies with
 * `&thread=`).
 */
export function ChatSearchPage() {
  const { t } = useTranslation('chat');
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const scope = params.get('in') ?? undefined;
  const [draft, setDraft] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  // Back/forward or a new search from the list pane: the field follows the address.
  if (q !== shownQ) {
    setShownQ(q);
    setDraft(q);
  }
  const conversations = useConversations();
  const scoped = scope ? conversations.data?.find((c) => c.id === scope) : undefined;
  const search = useSearchMessages(q, scope);
  const field = useRef<HTMLDivElement>(null);
  const tooShort = q.length > 0 && q.length < MIN_CHARS;

  // Opened without words (e.g. "search in this conversation"): straight into the field (after the
  // page heading took the focus).
  useEffect(() => {
    if (q) return;
    const timer = window.setTimeout(() => field.current?.querySelector('input')?.focus(), 50);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the page opens
  }, []);

  const count = search.data?.length;
  useEffect(() => {
    if (count !== undefined) announce(t('search.count', { count, q }));
  }, [count, q, t]);

  const submit = (value = draft) => {
    const next = new URLSearchParams();
    next.set('q', value.trim());
    if (scope) next.set('in', scope);
    setParams(next);
  };
  const everywhere = () => {
    const next = new URLSearchParams();
    if (q) next.set('q', q);
    setParams(next);
  };

  return (
    <Page
      title={t('search.title')}
      actions={<Link to={scope ? `/chat/${scope}` : '/chat'}>{t('search.back')}</Link>}
    >
      <form
        role="search"
        aria-label={t('search.title')}
        className={css.searchForm}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div ref={field} className={css.searchInput}>
          <SearchField
            label={scoped ? t('search.labelIn', { name: scoped.name }) : t('search.label')}
            value={draft}
            onChange={setDraft}
            onSubmit={submit}
          />
        </div>
        <Button type="submit" variant="primary">
          {t('search.submit')}
        </Button>
      </form>
      {scope ? (
        <p className={css.searchScope}>
          {t('search.scopeOne', { name: scoped?.name ?? '…' })}{' '}
          <button type="button" className={styles.linkButton} onClick={everywhere}>
            {t('search.everywhere')}
          </button>
        </p>
      ) : null}
      {tooShort ? <p>{t('search.tooShort', { count: MIN_CHARS })}</p> : null}
      {search.isFetching && !search.data ? <Spinner /> : null}
      {search.error ? <ErrorMessage error={search.error} /> : null}
      {search.data && q.length >= MIN_CHARS ? (
        <section aria-labelledby="chat-search-results">
          <h2 id="chat-search-results" className={css.searchHeading}>
            {t('search.count', { count: search.data.length, q })}
          </h2>
          {search.data.length === 0 ? (
            <p>{t('search.empty')}</p>
          ) : (
            <ol className={css.hits}>
              {search.data.map((hit) => (
                <SearchHit key={hit.message.id} hit={hit} q={q} />
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </Page>
  );
}

function SearchHit({ hit, q }: { hit: ChatSearchHitDTO; q: string }) {
  const { t, i18n } = useTranslation('chat');
  const m = hit.message;
  const snippet = snippetOf(toPlainText(m.body), q);
  const when = new Date(m.createdAt);
  const files = m.attachments.map((a) => a.name).join(', ');
  return (
    <li className={css.hit}>
      <Link className={css.hitLink} to={messageHref(hit.conversation.id, m)}>
        <span className={css.hitMeta}>
          <span className={css.hitConv}>
            {hit.conversation.kind === 'channel' ? '# ' : ''}
            {hit.conversation.name}
          </span>
          <span>
            {m.sender.displayName}
            {m.threadId ? ` · ${t('search.inThread')}` : ''}
          </span>
          <time dateTime={m.createdAt}>
            {when.toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
        </span>
        <span className={css.hitText}>
          {snippet.before}
          {snippet.match ? <mark>{snippet.match}</mark> : null}
          {snippet.after}
          {!snippet.match && files ? ` ${t('search.files', { names: files })}` : null}
        </span>
      </Link>
    </li>
  );
}
