import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageDTO } from '@shared/wiki/types';
import { Button, LinkButton, buttonClassName } from '../../../components/Button';
import { StarIcon } from '../../../components/icons';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { exportUrl } from '../api';
import { useSetWatching } from '../queries';
import { PageSettingsDialog } from './PageSettingsDialog';
import styles from '../wiki.module.css';

/** Edit, history, watch, export, print and settings of a page (each only with its ability). */
export function PageActions({ page }: { page: PageDTO }) {
  const { t } = useTranslation('wiki');
  const watch = useSetWatching(page.id);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const small = buttonClassName({ size: 'small' });
  return (
    <div className={`${styles.actions} wiki-noprint`} role="group" aria-label={t('page.actions')}>
      {page.abilities.edit && !page.archived ? (
        <LinkButton href={`/wiki/p/${page.id}/edit`} variant="primary" size="small">
          {t('page.edit')}
        </LinkButton>
      ) : null}
      <LinkButton href={`/wiki/p/${page.id}/history`} size="small">
        {t('page.history')}
      </LinkButton>
      <Button
        size="small"
        aria-pressed={page.watching}
        isDisabled={watch.isPending}
        icon={<StarIcon filled={page.watching} />}
        onPress={() =>
          watch.mutate(!page.watching, {
            onSuccess: () => announce(page.watching ? t('page.unwatched') : t('page.watched')),
          })
        }
      >
        {t('page.watch')}
      </Button>
      <a className={small} href={exportUrl(page.id, 'html')} download>
        {t('page.exportHtml')}
      </a>
      <a className={small} href={exportUrl(page.id, 'md')} download>
        {t('page.exportMd')}
      </a>
      <Button size="small" onPress={() => window.print()}>
        {t('page.print')}
      </Button>
      {page.abilities.organise || page.abilities.restrict ? (
        <Button size="small" onPress={() => setSettingsOpen(true)}>
          {t('page.settings')}
        </Button>
      ) : null}
      <ErrorMessage error={watch.error} />
      {settingsOpen ? (
        <PageSettingsDialog page={page} isOpen={settingsOpen} onOpenChange={setSettingsOpen} />
      ) : null}
    </div>
  );
}
