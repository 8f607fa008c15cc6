import { useTranslation } from 'react-i18next';
import { useEditorState, type Editor } from '@tiptap/react';
import { Avatar } from '../../../components/Avatar';
import type { CollabState } from './collab';
import styles from './editor.module.css';

export interface OutlineEntry {
  level: number;
  text: string;
  pos: number;
}

/** Headings of the document in order (the outline). */
export function headingsOf(editor: Editor): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === 'heading') {
      out.push({ level: Number(node.attrs.level) || 1, text: node.textContent, pos });
      return false;
    }
    return true;
  });
  return out;
}

/** The outline side panel: a button per heading moves the caret there. */
export function Outline({ editor }: { editor: Editor }) {
  const { t } = useTranslation('wikiEditor');
  const entries = useEditorState({ editor, selector: ({ editor: e }) => headingsOf(e) });
  return (
    <nav aria-label={t('outline.label')} className={styles.panel}>
      <h2 className={styles.panelTitle}>{t('outline.label')}</h2>
      {entries.length === 0 ? (
        <p className={styles.hint}>{t('outline.empty')}</p>
      ) : (
        <ul className={styles.outline}>
          {entries.map((h) => (
            <li key={h.pos} style={{ paddingInlineStart: `${(h.level - 1) * 0.75}rem` }}>
              <button
                type="button"
                className={styles.outlineLink}
                onClick={() =>
                  editor
                    .chain()
                    .focus()
                    .setTextSelection(h.pos + 1)
                    .scrollIntoView()
                    .run()
                }
              >
                {h.text || t('outline.untitled')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}

/** Connection state in words (never colour alone), announced politely. */
export function connectionLabel(s: CollabState): string {
  if (s.access === 'refused') return 'status.refused';
  if (s.reconnecting) return 'status.reconnecting';
  if (!s.connected) return 'status.connecting';
  if (s.synced && s.unsynced === 0) return 'status.saved';
  return 'status.connected';
}

export function ConnectionStatus({ state }: { state: CollabState }) {
  const { t } = useTranslation('wikiEditor');
  const key = connectionLabel(state);
  return (
    <p className={styles.status} role="status" data-state={key.slice(7)}>
      <span className={styles.statusDot} aria-hidden="true" />
      {t(key)}
    </p>
  );
}

/** Everyone in the page now (awareness), with their caret colour. */
export function Presence({ people }: { people: CollabState['people'] }) {
  const { t } = useTranslation('wikiEditor');
  return (
    <section aria-labelledby="wiki-presence" className={styles.panel}>
      <h2 id="wiki-presence" className={styles.panelTitle}>
        {t('presence.title', { count: people.length })}
      </h2>
      <ul className={styles.people}>
        {people.map((p) => (
          <li key={p.id} className={styles.person}>
            <span className={styles.personRing} style={{ borderColor: p.color }}>
              <Avatar initials={p.initials} size="small" />
            </span>
            <span>{p.self ? t('presence.self', { name: p.name }) : p.name}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
