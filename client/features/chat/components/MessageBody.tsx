import { memo, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isSafeHref, parseMarkdown, type MdBlock, type MdInline } from '@shared/chat/markdown';
import styles from './MessageBody.module.css';

export interface MessageBodyProps {
  /** Markdown subset source (`MessageDTO.body`). */
  body: string;
  /** The viewer's username: their own mentions stand out. */
  viewerUsername?: string | null;
  /** Display name for a mentioned username (tooltip); unknown names show the username only. */
  resolveName?: (username: string) => string | undefined;
  className?: string;
}

interface Ctx {
  viewer: string | null;
  resolveName?: (username: string) => string | undefined;
  allLabel: string;
  newTab: string;
}

function renderInline(nodes: MdInline[], ctx: Ctx): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'strong':
        return <strong key={i}>{renderInline(node.children, ctx)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(node.children, ctx)}</em>;
      case 'strike':
        return <s key={i}>{renderInline(node.children, ctx)}</s>;
      case 'code':
        return (
          <code key={i} className={styles.inlineCode}>
            {node.text}
          </code>
        );
      case 'break':
        return <br key={i} />;
      case 'link':
        // The parser only produces safe targets; checked again because this is the last gate.
        if (!isSafeHref(node.href)) return <span key={i}>{renderInline(node.children, ctx)}</span>;
        return (
          <a
            key={i}
            href={node.href}
            target="_blank"
            rel="noopener noreferrer"
            className={styles.link}
            title={`${node.href} (${ctx.newTab})`}
          >
            {renderInline(node.children, ctx)}
          </a>
        );
      case 'mention': {
        const me = ctx.viewer !== null && node.username === ctx.viewer;
        const name = ctx.resolveName?.(node.username);
        const Tag = me ? 'mark' : 'span';
        return (
          <Tag
            key={i}
            className={`${styles.mention} ${me ? styles.mentionMe : ''}`}
            title={name}
            data-mention={node.username}
          >
            @{node.username}
          </Tag>
        );
      }
      case 'mentionAll':
        return (
          <mark key={i} className={`${styles.mention} ${styles.mentionAll}`} title={ctx.allLabel}>
            @channel
          </mark>
        );
    }
  });
}

function renderBlocks(blocks: MdBlock[], ctx: Ctx): ReactNode[] {
  return blocks.map((block, i) => {
    switch (block.type) {
      case 'paragraph':
        return <p key={i}>{renderInline(block.children, ctx)}</p>;
      case 'code':
        return (
          <pre key={i} className={styles.codeBlock}>
            <code>{block.text}</code>
          </pre>
        );
      case 'quote':
        return (
          <blockquote key={i} className={styles.quote}>
            {renderBlocks(block.children, ctx)}
          </blockquote>
        );
      case 'list': {
        const List = block.ordered ? 'ol' : 'ul';
        return (
          <List key={i} className={styles.list}>
            {block.items.map((item, j) => (
              <li key={j}>{renderInline(item, ctx)}</li>
            ))}
          </List>
        );
      }
    }
  });
}

/**
 * A message's text: the markdown AST rendered as React elements (React escapes every string, no
 * HTML from the message ever reaches the DOM). Links open in a new tab without an opener.
 */
export const MessageBody = memo(function MessageBody({
  body,
  viewerUsername = null,
  resolveName,
  className,
}: MessageBodyProps) {
  const { t } = useTranslation('chatMessages');
  const blocks = useMemo(() => parseMarkdown(body), [body]);
  const ctx: Ctx = {
    viewer: viewerUsername ? viewerUsername.toLowerCase() : null,
    resolveName,
    allLabel: t('body.mentionAll'),
    newTab: t('body.newTab'),
  };
  return <div className={`${styles.body} ${className ?? ''}`}>{renderBlocks(blocks, ctx)}</div>;
});
