import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomDTO } from '@shared/rooms/types';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { Button, LinkButton } from '../../../components/Button';
import { useSpace, useTree } from '../../wiki/queries';
import { useWatchSpace } from '../../wiki/realtime';
import { PageTree } from '../../wiki/components/PageTree';
import { TreeDialogs, type TreeDialogState } from '../../wiki/components/TreeDialogs';
import styles from './wiki-tab.module.css';

function SpaceTree({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation('roomsFeed');
  const space = useSpace(spaceId);
  const tree = useTree(spaceId);
  const [dialog, setDialog] = useState<TreeDialogState>(null);
  useWatchSpace(spaceId);
  if (space.isPending) return <Spinner label={t('wiki.loading')} />;
  if (space.isError) return <ErrorMessage error={space.error} />;
  const s = space.data;
  const nodes = tree.data?.nodes ?? [];
  return (
    <section className={styles.wrap} aria-labelledby="room-wiki-heading">
      <div className={styles.bar}>
        <h2 id="room-wiki-heading" className={styles.h2}>
          {t('wiki.heading', { name: s.name })}
        </h2>
        <div className={styles.buttons}>
          {s.abilities.edit ? (
            <Button
              size="small"
              variant="primary"
              onPress={() => setDialog({ action: 'newTop', node: null })}
            >
              {t('wiki.newPage')}
            </Button>
          ) : null}
          <LinkButton
            size="small"
            variant="secondary"
            href={`/wiki/spaces/${encodeURIComponent(s.id)}`}
          >
            {t('wiki.open')}
          </LinkButton>
        </div>
      </div>
      {tree.isPending ? <Spinner /> : null}
      <ErrorMessage error={tree.error} />
      {tree.data ? (
        nodes.length > 0 ? (
          <div className={styles.tree}>
            <PageTree
              spaceId={s.id}
              nodes={nodes}
              canOrganise={s.abilities.edit}
              onAction={(action, node) => setDialog({ action, node })}
            />
          </div>
        ) : (
          <EmptyState title={t('wiki.empty')}>
            {s.abilities.edit ? t('wiki.emptyText') : null}
          </EmptyState>
        )
      ) : null}
      <TreeDialogs spaceId={s.id} nodes={nodes} state={dialog} onClose={() => setDialog(null)} />
    </section>
  );
}

/** The room's wiki space: its page tree with links to the pages, "Neue Seite", "Im Wiki öffnen". */
export default function WikiTab({ room }: { room: RoomDTO }) {
  const { t } = useTranslation('roomsFeed');
  if (!room.abilities.read) {
    return <EmptyState title={t('wiki.membersOnly')}>{t('wiki.membersOnlyText')}</EmptyState>;
  }
  if (!room.wikiSpaceId)
    return <EmptyState title={t('wiki.none')}>{t('wiki.noneText')}</EmptyState>;
  return <SpaceTree key={room.wikiSpaceId} spaceId={room.wikiSpaceId} />;
}
