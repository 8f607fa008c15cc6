import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { roomTemplateKeys, type RoomTemplateKey } from '@shared/rooms/schemas';
import { Page } from '../../../components/Page';
import { Button, LinkButton } from '../../../components/Button';
import { SearchField } from '../../../components/SearchField';
import { SelectField } from '../../../components/SelectField';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { useMe } from '../../auth/queries';
import { useDebouncedValue } from '../../people/useDebouncedValue';
import type { RoomListParams } from '../api';
import { useRoomList } from '../queries';
import { RoomCard } from '../components/RoomCard';
import { MembershipActions } from '../components/MembershipActions';
import { CreateRoomDialog } from '../components/CreateRoomDialog';
import { canCreateRooms } from '../abilities';
import styles from '../rooms.module.css';

type TabId = 'mine' | 'discover';

/** A list of room cards with "Mehr laden". */
function RoomGrid({
  params,
  withActions,
  empty,
}: {
  params: RoomListParams;
  withActions?: boolean;
  empty: ReactNode;
}) {
  const { t } = useTranslation('rooms');
  const list = useRoomList(params);
  if (list.isPending) return <Spinner />;
  if (list.isError) return <ErrorMessage error={list.error} />;
  const rooms = list.data.pages.flatMap((p) => p.data);
  const total = list.data.pages[0]?.total ?? rooms.length;
  return (
    <div className={styles.stack}>
      {withActions ? (
        <p className={styles.muted} role="status" aria-live="polite">
          {t('discover.count', { count: total })}
        </p>
      ) : null}
      {rooms.length === 0 ? (
        empty
      ) : (
        <ul className={styles.grid}>
          {rooms.map((room) => (
            <li key={room.id}>
              <RoomCard
                room={room}
                actions={withActions ? <MembershipActions room={room} compact /> : undefined}
              />
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <div>
          <Button isDisabled={list.isFetchingNextPage} onPress={() => void list.fetchNextPage()}>
            {t('actions.loadMore')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function Discover() {
  const { t } = useTranslation('rooms');
  const [q, setQ] = useState('');
  const [template, setTemplate] = useState<RoomTemplateKey | 'all'>('all');
  const [visibility, setVisibility] = useState<'open' | 'closed' | 'all'>('all');
  const search = useDebouncedValue(q.trim(), 300);
  const params: RoomListParams = {
    scope: 'discover',
    ...(search ? { q: search } : {}),
    ...(template !== 'all' ? { template } : {}),
    ...(visibility !== 'all' ? { visibility } : {}),
  };
  return (
    <div className={styles.stack}>
      <div className={styles.filters}>
        <SearchField label={t('discover.search')} value={q} onChange={setQ} />
        <SelectField
          label={t('discover.template')}
          value={template}
          onChange={(v) => setTemplate(v as RoomTemplateKey | 'all')}
          options={[
            { id: 'all', label: t('templates.all') },
            ...roomTemplateKeys.map((k) => ({ id: k, label: t(`templates.${k}.name`) })),
          ]}
        />
        <SelectField
          label={t('discover.visibility')}
          value={visibility}
          onChange={(v) => setVisibility(v as 'open' | 'closed' | 'all')}
          options={[
            { id: 'all', label: t('discover.anyVisibility') },
            { id: 'open', label: t('visibility.open') },
            { id: 'closed', label: t('visibility.closed') },
          ]}
        />
      </div>
      <RoomGrid params={params} withActions empty={<EmptyState title={t('discover.empty')} />} />
    </div>
  );
}

/** `/rooms`: "Meine Räume" and "Entdecken"; create or request a room. */
export function RoomsPage() {
  const { t } = useTranslation('rooms');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState(false);
  const tab: TabId = params.get('tab') === 'discover' ? 'discover' : 'mine';
  const mayCreate = canCreateRooms(me.roles);
  const setTab = (next: TabId) =>
    setParams(
      (old) => {
        const p = new URLSearchParams(old);
        if (next === 'mine') p.delete('tab');
        else p.set('tab', next);
        return p;
      },
      { replace: true },
    );
  return (
    <Page
      title={t('title')}
      description={t('intro')}
      actions={
        <>
          <Button variant="primary" onPress={() => setDialog(true)}>
            {mayCreate ? t('actions.create') : t('actions.request')}
          </Button>
          <LinkButton href="/rooms/requests" variant="tertiary">
            {t('actions.requests')}
          </LinkButton>
        </>
      }
    >
      <Tabs selectedKey={tab} onSelectionChange={(k) => setTab(k as TabId)}>
        <TabList aria-label={t('tabs.label')} className={styles.tabList}>
          <Tab id="mine" className={styles.tab}>
            {t('tabs.mine')}
          </Tab>
          <Tab id="discover" className={styles.tab}>
            {t('tabs.discover')}
          </Tab>
        </TabList>
        <TabPanel id="mine">
          <RoomGrid
            params={{ scope: 'mine' }}
            empty={
              <EmptyState
                title={t('mine.empty')}
                action={
                  <Link to="/rooms?tab=discover" replace>
                    {t('mine.discover')}
                  </Link>
                }
              >
                {t('mine.emptyHint')}
              </EmptyState>
            }
          />
        </TabPanel>
        <TabPanel id="discover">
          <Discover />
        </TabPanel>
      </Tabs>
      <CreateRoomDialog
        mode={mayCreate ? 'create' : 'request'}
        isOpen={dialog}
        onOpenChange={setDialog}
      />
    </Page>
  );
}
