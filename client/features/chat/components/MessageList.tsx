import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatReaction } from '@shared/chat/schemas';
import type { ConversationDTO } from '@shared/chat/types';
import { Button } from '../../../components/Button';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { flattenPages } from '../cache';
import { useLinkedMessage, useMessages, useReceipt } from '../queries';
import { centerInLog } from '../links';
import { buildTimeline, firstUnread, HIGHLIGHT_MS, type ViewMessage } from '../timeline';
import { MessageItem, ReplyLine, type MessageAction } from './MessageItem';
import styles from './chat.module.css';

export interface MessageListProps {
  conversation: ConversationDTO;
  myId: string;
  myUsername: string | null;
  /** My queued messages of the main timeline. */
  pending: ViewMessage[];
  /** Read position when the conversation was opened (the "new" divider stays put). */
  readSeqAtOpen: number | null;
  /** A link's target (`?message=`): loaded, scrolled to, focused and highlighted briefly. */
  highlightId: string | null;
  online: boolean;
  onAtBottomChange: (atBottom: boolean, newestSeq: number) => void;
  onAction: (action: MessageAction, message: ViewMessage) => void;
  onReact: (message: ViewMessage, reaction: ChatReaction, on: boolean) => void;
  onOpenThread: (rootId: string) => void;
  onRetry: (id: string) => void;
  onDiscard: (id: string) => void;
}

const dayOf = (iso: string) => new Date(iso).toDateString();
/** Older pages loaded at most to reach a linked message (50 each). */
const MAX_PAGES_TO_TARGET = 100;
const NEAR_BOTTOM_PX = 48;

/**
 * The timeline as a log (`aria-live="off"`: new messages are announced once through the page's
 * live region instead). Older pages load when scrolled to the top (or by button); the view keeps
 * its place while they are prepended and follows new messages while at the bottom.
 */
export function MessageList(props: MessageListProps) {
  const { conversation: conv, myId, pending, readSeqAtOpen, onAtBottomChange } = props;
  const { t, i18n } = useTranslation('chat');
  const query = useMessages(conv.id);
  const receipt = useReceipt(conv.id, conv.kind === 'direct' && conv.me !== null);
  const scroller = useRef<HTMLDivElement>(null);
  const topSentinel = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const [showLatest, setShowLatest] = useState(false);
  const [dividerAbove, setDividerAbove] = useState(false);
  const [flashId, setFlashId] = useState<string | null>(null);
  const [jump, setJump] = useState<'loading' | 'missing' | null>(null);
  const jumped = useRef<string | null>(null);
  const jumping = useRef<string | null>(null);
  // "Today" / "Yesterday" as of opening the conversation.
  const [days] = useState(() => ({
    today: new Date().toDateString(),
    yesterday: new Date(Date.now() - 86_400_000).toDateString(),
  }));
  const layout = useRef<{ firstKey?: string; height: number; initial: boolean }>({
    height: 0,
    initial: false,
  });

  const stored = useMemo(() => flattenPages(query.data), [query.data]);
  const messages = useMemo(() => {
    const known = new Set(stored.map((m) => m.id));
    return [...stored, ...pending.filter((p) => !known.has(p.id))];
  }, [stored, pending]);
  const items = useMemo(
    () => buildTimeline(messages, { readSeq: readSeqAtOpen, myId, dayOf }),
    [messages, readSeqAtOpen, myId],
  );
  const newestSeq = stored.at(-1)?.seq ?? 0;
  const oldestSeq = stored[0]?.seq ?? 0;
  const unreadLoaded = readSeqAtOpen !== null && firstUnread(messages, readSeqAtOpen, myId);
  const unreadNotLoaded =
    readSeqAtOpen !== null &&
    conv.lastSeq > readSeqAtOpen &&
    !unreadLoaded &&
    oldestSeq > readSeqAtOpen + 1 &&
    query.hasNextPage;

  // My last stored message in a direct conversation, for the "read" receipt.
  const receiptFor = useMemo(() => {
    if (conv.kind !== 'direct' || !receipt.data) return null;
    for (let i = stored.length - 1; i >= 0; i--) {
      const m = stored[i];
      if (m && m.sender.id === myId && !m.threadId)
        return receipt.data.readSeq >= m.seq ? m.id : null;
    }
    return null;
  }, [conv.kind, receipt.data, stored, myId]);

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    atBottom.current = bottom;
    setShowLatest(!bottom);
    const divider = el.querySelector('[data-divider]');
    setDividerAbove(
      divider ? divider.getBoundingClientRect().bottom < el.getBoundingClientRect().top : false,
    );
    onAtBottomChange(bottom, newestSeq);
  }, [onAtBottomChange, newestSeq]);

  // Keep the place when older pages arrive; follow new messages at the bottom; first position:
  // the "new" divider, else the bottom.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !query.data) return;
    const firstKey = items[0]?.key;
    const state = layout.current;
    if (!state.initial) {
      const divider = el.querySelector<HTMLElement>('[data-divider]');
      if (divider) el.scrollTop = Math.max(0, divider.offsetTop - el.clientHeight / 3);
      else el.scrollTop = el.scrollHeight;
      state.initial = true;
    } else if (firstKey !== state.firstKey && state.height > 0 && !atBottom.current) {
      el.scrollTop += el.scrollHeight - state.height;
    } else if (atBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
    state.firstKey = firstKey;
    state.height = el.scrollHeight;
    measure();
  }, [items, query.data, measure]);

  // Older messages when the top comes into view.
  useEffect(() => {
    const target = topSentinel.current;
    const root = scroller.current;
    if (!target || !root || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (
          entries.some((e) => e.isIntersecting) &&
          layout.current.initial &&
          query.hasNextPage &&
          !query.isFetchingNextPage
        )
          void query.fetchNextPage();
      },
      { root, rootMargin: '200px 0px 0px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [query]);

  // A link to a message: load older pages until it is there (its seq from the server), then
  // scroll to it, highlight it briefly and move focus to it (a thread reply's line only scrolls
  // and lights up: the thread panel takes the focus).
  const target = props.highlightId;
  const present = !!target && stored.some((m) => m.id === target);
  const linked = useLinkedMessage(conv.id, target && !present ? target : null);
  const targetSeq = linked.data?.seq;
  useEffect(() => {
    if (!target || !query.data || jumped.current === target) return;
    const el = document.getElementById(`msg-${target}`);
    if (el || linked.isError) {
      // After layout (the first position and kept places are set in a layout effect).
      const frame = requestAnimationFrame(() => {
        if (jumped.current === target) return;
        jumped.current = target;
        if (!el) return setJump('missing');
        setJump(null);
        setFlashId(target);
        centerInLog(el);
        if (!el.hasAttribute('data-thread-reply')) el.focus({ preventScroll: true });
      });
      return () => cancelAnimationFrame(frame);
    }
    if (targetSeq === undefined || jumping.current === target) return;
    jumping.current = target;
    setJump('loading');
    void (async () => {
      let result = query;
      for (let i = 0; i < MAX_PAGES_TO_TARGET; i++) {
        if (!result.hasNextPage || (flattenPages(result.data)[0]?.seq ?? 0) <= targetSeq) break;
        result = (await result.fetchNextPage({ cancelRefetch: false })) as typeof query;
      }
      jumping.current = null;
      // Loaded and still not shown (e.g. beyond the limit): say so instead of waiting forever.
      if (!flattenPages(result.data).some((m) => m.id === target)) {
        jumped.current = target;
        setJump('missing');
      }
    })();
  }, [target, items, query, linked.isError, targetSeq]);

  useEffect(() => {
    if (!flashId) return;
    const timer = window.setTimeout(() => setFlashId(null), HIGHLIGHT_MS);
    return () => window.clearTimeout(timer);
  }, [flashId]);

  const jumpToUnread = async () => {
    let result = query;
    // Load older pages until the first unread message is there.
    for (let i = 0; i < 20 && readSeqAtOpen !== null; i++) {
      const list = flattenPages(result.data);
      if (!result.hasNextPage || (list[0]?.seq ?? 0) <= readSeqAtOpen + 1) break;
      result = (await result.fetchNextPage()) as typeof query;
    }
    requestAnimationFrame(() => {
      const divider = scroller.current?.querySelector<HTMLElement>('[data-divider]');
      divider?.scrollIntoView({ block: 'start' });
      const first = divider?.nextElementSibling as HTMLElement | null;
      first?.focus({ preventScroll: true });
    });
  };

  const jumpToLatest = () => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  };

  if (query.isPending) return <Spinner />;
  if (query.isError) return <ErrorMessage error={query.error} />;

  const dateLabel = (iso: string) => {
    const d = new Date(iso);
    if (d.toDateString() === days.today) return t('messages.today');
    if (d.toDateString() === days.yesterday) return t('messages.yesterday');
    return d.toLocaleDateString(i18n.language, { dateStyle: 'full' });
  };

  return (
    <div className={styles.logWrap}>
      {(unreadNotLoaded || (unreadLoaded && dividerAbove)) && (
        <div className={`${styles.floating} ${styles.floatingTop}`}>
          <Button size="small" variant="primary" onPress={() => void jumpToUnread()}>
            {t('messages.jumpUnread')}
          </Button>
        </div>
      )}
      {/* A scrollable region must be reachable by keyboard (WCAG 2.1.1), so the log takes focus. */}
      {jump ? (
        <p className={styles.jumpNote} role="status">
          {jump === 'loading' ? t('messages.jumpLoading') : t('messages.jumpMissing')}
        </p>
      ) : null}
      <div
        ref={scroller}
        className={styles.log}
        role="log"
        aria-live="off"
        aria-label={t('messages.log', { name: conv.name })}
        // A scrollable log must be reachable by keyboard (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        onScroll={measure}
      >
        <div ref={topSentinel} />
        <div className={styles.olderRow}>
          {query.isFetchingNextPage ? (
            <span>{t('messages.loadingOlder')}</span>
          ) : query.hasNextPage ? (
            <Button size="small" variant="secondary" onPress={() => void query.fetchNextPage()}>
              {t('messages.loadOlder')}
            </Button>
          ) : messages.length > 0 ? (
            <span>{t('messages.start')}</span>
          ) : (
            <span>{t('messages.empty')}</span>
          )}
        </div>
        {items.map((item) => {
          switch (item.type) {
            case 'date':
              return (
                <div key={item.key} className={styles.dateSep} role="separator">
                  {dateLabel(item.date)}
                </div>
              );
            case 'unread':
              return (
                <div key={item.key} className={styles.unreadSep} data-divider="" role="separator">
                  {t('messages.newDivider')}
                </div>
              );
            case 'reply':
              return (
                <ReplyLine
                  key={item.key}
                  message={item.message}
                  highlight={flashId === item.message.id}
                  onOpenThread={props.onOpenThread}
                />
              );
            default:
              return (
                <MessageItem
                  key={item.key}
                  message={item.message}
                  grouped={item.grouped}
                  myId={myId}
                  myUsername={props.myUsername}
                  readReceipt={receiptFor === item.message.id}
                  highlight={flashId === item.message.id}
                  online={props.online}
                  onAction={props.onAction}
                  onReact={props.onReact}
                  onOpenThread={(m) => props.onOpenThread(m.id)}
                  onRetry={props.onRetry}
                  onDiscard={props.onDiscard}
                />
              );
          }
        })}
      </div>
      {showLatest ? (
        <div className={`${styles.floating} ${styles.floatingBottom}`}>
          <Button size="small" variant="secondary" onPress={jumpToLatest}>
            {t('messages.jumpLatest')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
