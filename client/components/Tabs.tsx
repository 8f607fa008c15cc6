import {
  Tab as AriaTab,
  TabList as AriaTabList,
  TabPanel as AriaTabPanel,
  type TabListProps as AriaTabListProps,
  type TabPanelProps as AriaTabPanelProps,
  type TabProps as AriaTabProps,
} from 'react-aria-components';
import styles from './Tabs.module.css';

/**
 * react-aria's tabs in the portal's look (one place for the CSS that pages used to copy).
 * `Tabs` itself carries no look: it is re-exported as is.
 */
export { Tabs } from 'react-aria-components';

export function TabList<T extends object>(props: Omit<AriaTabListProps<T>, 'className'>) {
  return <AriaTabList {...props} className={styles.tabList} />;
}

export function Tab(props: Omit<AriaTabProps, 'className'>) {
  return <AriaTab {...props} className={styles.tab} />;
}

export function TabPanel(props: Omit<AriaTabPanelProps, 'className'>) {
  return <AriaTabPanel {...props} className={styles.tabPanel} />;
}
