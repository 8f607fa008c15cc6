import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation, useNavigationType } from 'react-router';
import { useTranslation } from 'react-i18next';
import styles from './Page.module.css';

export interface PageProps {
  /** Visible heading and the first part of the document title. */
  title: string;
  /** Buttons or links shown next to the heading. */
  actions?: ReactNode;
  /** Text under the heading. */
  description?: ReactNode;
  children?: ReactNode;
}

/**
 * Every routed page renders exactly one Page: its `<h1>` receives focus after each client-side
 * navigation (not on the first load or a reload, so Tab still reaches the skip link first) and it sets
 * `document.title` to "<title> – <portal>".
 */
export function Page({ title, actions, description, children }: PageProps) {
  const { t } = useTranslation('common');
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const navigationType = useNavigationType();

  useEffect(() => {
    document.title = `${title} – ${t('appShort')}`;
  }, [title, t]);

  useEffect(() => {
    // POP is the first load, a reload or back/forward: the browser's own focus handling stays.
    if (navigationType !== 'POP') heading.current?.focus({ preventScroll: false });
    // Only a new path moves focus: search parameters change while people type.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.pathname]);

  return (
    <div className={styles.page}>
      <div className={styles.header}>
        <div className={styles.titles}>
          <h1 ref={heading} tabIndex={-1} className={styles.title}>
            {title}
          </h1>
          {description ? <div className={styles.description}>{description}</div> : null}
        </div>
        {actions ? <div className={styles.actions}>{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}
