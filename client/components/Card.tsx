import type { ReactNode } from 'react';
import styles from './Card.module.css';

export interface CardProps {
  /** Heading of the card; rendered as `<h2>` unless `headingLevel` says otherwise. */
  title?: ReactNode;
  headingLevel?: 2 | 3;
  /** Links or buttons in the card header. */
  actions?: ReactNode;
  footer?: ReactNode;
  children?: ReactNode;
  className?: string;
  /** Labels the region by its heading (for landmark navigation). */
  as?: 'section' | 'div' | 'article';
}

/** A surface with an optional heading, body and footer. */
export function Card({
  title,
  headingLevel = 2,
  actions,
  footer,
  children,
  className,
  as: Tag = 'section',
}: CardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <Tag className={`${styles.card} ${className ?? ''}`}>
      {title || actions ? (
        <div className={styles.header}>
          {title ? <Heading className={styles.title}>{title}</Heading> : null}
          {actions ? <div className={styles.actions}>{actions}</div> : null}
        </div>
      ) : null}
      <div className={styles.body}>{children}</div>
      {footer ? <div className={styles.footer}>{footer}</div> : null}
    </Tag>
  );
}
