import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FileIcon } from '../../../components/icons';
import { useBacklinks, useFiles } from '../queries';
import styles from '../wiki.module.css';

const size = (n: number, lang: string) =>
  n < 1024 * 1024
    ? `${Math.max(1, Math.round(n / 1024)).toLocaleString(lang)} KB`
    : `${(n / 1024 / 1024).toLocaleString(lang, { maximumFractionDigits: 1 })} MB`;

/** "Seiten, die hierher verweisen" (backlinks) and the page's attachments. */
export function PageAside({ pageId }: { pageId: string }) {
  const { t, i18n } = useTranslation('wiki');
  const backlinks = useBacklinks(pageId);
  const files = useFiles(pageId);
  const attachments = (files.data ?? []).filter((f) => !f.isImage);
  return (
    <div className={`${styles.aside} wiki-noprint`}>
      <section aria-labelledby="wiki-backlinks">
        <h2 id="wiki-backlinks" className={styles.h2}>
          {t('page.backlinks')}
        </h2>
        {backlinks.data?.length ? (
          <ul className={styles.linkList}>
            {backlinks.data.map((b) => (
              <li key={b.id}>
                <Link to={`/wiki/p/${b.id}`}>{b.title}</Link>{' '}
                <span className={styles.muted}>({b.spaceName})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.muted}>{t('page.noBacklinks')}</p>
        )}
      </section>
      {attachments.length ? (
        <section aria-labelledby="wiki-files">
          <h2 id="wiki-files" className={styles.h2}>
            {t('page.attachments')}
          </h2>
          <ul className={styles.linkList}>
            {attachments.map((f) => (
              <li key={f.id}>
                <FileIcon aria-hidden="true" className={styles.fileIcon} />{' '}
                <a href={f.url} download={f.name}>
                  {f.name}
                </a>{' '}
                <span className={styles.muted}>({size(f.size, i18n.language)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
