import { useMemo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { INTERNAL_PAGE, prepareSnapshot } from '../sanitize';
import styles from './PageContent.module.css';

/**
 * Renders a page snapshot: sanitised again in the browser with the server's allow-list; links to
 * other wiki pages navigate inside the app.
 */
export function PageContent({ html }: { html: string }) {
  const { t } = useTranslation('wiki');
  const navigate = useNavigate();
  const clean = useMemo(
    () =>
      prepareSnapshot(
        html,
        {
          info: t('callout.info'),
          warning: t('callout.warning'),
          success: t('callout.success'),
          danger: t('callout.danger'),
          table: t('page.table'),
        },
        { callout: styles.callout, calloutLabel: styles.calloutLabel, tableWrap: styles.tableWrap },
      ),
    [html, t],
  );

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return;
    const a = (e.target as Element).closest?.('a');
    const href = a?.getAttribute('href') ?? '';
    if (a && INTERNAL_PAGE.test(href)) {
      e.preventDefault();
      void navigate(href);
    }
  };

  return (
    // The click handler only intercepts clicks on real links inside (which keep their keyboard use).
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div
      className={styles.content}
      onClick={onClick}
      // Sanitised on the server and again here (private DOMPurify, strict allow-list).
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}
