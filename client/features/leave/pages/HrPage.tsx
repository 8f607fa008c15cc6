import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { Page } from '../../../components/Page';
import { LinkButton } from '../../../components/Button';
import { useMe } from '../../auth/queries';
import { EntitlementsPanel } from '../components/hr/EntitlementsPanel';
import { ImportPanel } from '../components/hr/ImportPanel';
import { CarryOverPanel } from '../components/hr/CarryOverPanel';
import { TypesPanel } from '../components/hr/TypesPanel';
import { SettingsPanel } from '../components/hr/SettingsPanel';
import { ReportsPanel } from '../components/hr/ReportsPanel';
import styles from '../components/hr/manage.module.css';

const tabs = ['entitlements', 'import', 'carry', 'types', 'settings', 'reports'] as const;
type TabId = (typeof tabs)[number];

const panels: Record<TabId, () => React.JSX.Element> = {
  entitlements: EntitlementsPanel,
  import: ImportPanel,
  carry: CarryOverPanel,
  types: TypesPanel,
  settings: SettingsPanel,
  reports: ReportsPanel,
};

/** `/leave/hr` for HR (role `hr`; administrators are not HR): entitlements, import, carry-over, types, settings, reports. */
export function HrPage() {
  const { t } = useTranslation('leaveManage');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: TabId = tabs.includes(raw as TabId) ? (raw as TabId) : 'entitlements';
  const allowed = me.roles.includes('hr');

  if (!allowed)
    return (
      <Page title={t('hr.title')}>
        <div className={styles.panel}>
          <p>{t('hr.noPermission')}</p>
          <div>
            <LinkButton href="/leave" variant="primary">
              {t('hr.back')}
            </LinkButton>
          </div>
        </div>
      </Page>
    );

  return (
    <Page title={t('hr.title')} description={t('hr.description')}>
      <Tabs
        selectedKey={tab}
        onSelectionChange={(k: Key) =>
          setParams(
            (p) => {
              const next = new URLSearchParams(p);
              next.set('tab', String(k));
              return next;
            },
            { replace: true },
          )
        }
      >
        <TabList aria-label={t('hr.tabsLabel')} className={styles.tabList}>
          {tabs.map((id) => (
            <Tab key={id} id={id} className={styles.tab}>
              {t(`hr.tabs.${id}`)}
            </Tab>
          ))}
        </TabList>
        {tabs.map((id) => {
          const Panel = panels[id];
          return (
            <TabPanel key={id} id={id} className={styles.tabPanel}>
              <Panel />
            </TabPanel>
          );
        })}
      </Tabs>
    </Page>
  );
}
