import type { ReactNode } from 'react';
import {
  Button as AriaButton,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  type Key,
  type PopoverProps,
} from 'react-aria-components';
import { MoreIcon } from './icons';
import styles from './ActionMenu.module.css';

export interface ActionMenuItem<K extends string> {
  id: K;
  label: string;
  disabled?: boolean;
}

/**
 * A menu of actions behind one button (react-aria: arrow keys, Escape, focus back to the button).
 * `label` names both the button and the menu ("Aktionen für Bericht.pdf"), so a screen reader
 * knows whose actions these are. Without `children` the button shows "…"; with them it shows
 * that text. Nothing is rendered when there are no items.
 */
export function ActionMenu<K extends string>({
  label,
  items,
  onAction,
  children,
  placement = 'bottom end',
}: {
  label: string;
  items: ActionMenuItem<K>[];
  onAction: (id: K) => void;
  children?: ReactNode;
  placement?: PopoverProps['placement'];
}) {
  if (!items.length) return null;
  const disabledKeys: Key[] = items.filter((i) => i.disabled).map((i) => i.id);
  return (
    <MenuTrigger>
      <AriaButton className={children ? styles.textTrigger : styles.iconTrigger} aria-label={label}>
        {children ?? <MoreIcon />}
      </AriaButton>
      <Popover className={styles.popover} placement={placement}>
        <Menu
          className={styles.menu}
          aria-label={label}
          disabledKeys={disabledKeys}
          onAction={(key) => onAction(String(key) as K)}
        >
          {items.map((item) => (
            <MenuItem key={item.id} id={item.id} className={styles.menuItem}>
              {item.label}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
