import { useMemo, useState } from 'react';
import {
  Button as AriaButton,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  type Key,
} from 'react-aria-components';
import type { UnitDTO } from '@shared/org/types';
import { useUnits } from '../features/people/queries';
import fields from './fields.module.css';
import styles from './UnitSearch.module.css';

/** Options shown at most: typing narrows them down. */
const MAX_OPTIONS = 50;

/** "20-2 Haushalt (Stadtkämmerei)": the unit with its office, so same names stay apart. */
export function unitLabel(u: UnitDTO, byId: Map<string, UnitDTO>): string {
  const own = u.number ? `${u.number} ${u.name}` : u.name;
  const office = u.path[0] ? byId.get(u.path[0]) : undefined;
  return office && office.id !== u.id ? `${own} (${office.name})` : own;
}

/** All units (cached query) and a map by id, for labels of units already chosen. */
export function useUnitIndex() {
  const units = useUnits();
  const byId = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  return { units: units.data, byId };
}

/**
 * A search box that adds one unit at a time (typing filters by number, name and office; the
 * button shows all). Units in `exclude` are not offered; the box empties after each choice.
 */
export function UnitSearch({
  exclude,
  onAdd,
  label,
  placeholder,
  showAllLabel,
  emptyText,
}: {
  exclude: readonly string[];
  onAdd: (unitId: string) => void;
  label: string;
  placeholder: string;
  showAllLabel: string;
  emptyText: string;
}) {
  const { units, byId } = useUnitIndex();
  const [query, setQuery] = useState('');
  const options = useMemo(() => {
    const q = query.trim().toLocaleLowerCase('de');
    const excluded = new Set(exclude);
    return (units ?? [])
      .filter((u) => !excluded.has(u.id))
      .map((u) => ({ id: u.id, label: unitLabel(u, byId) }))
      .filter((o) => !q || o.label.toLocaleLowerCase('de').includes(q))
      .slice(0, MAX_OPTIONS);
  }, [units, byId, query, exclude]);

  const add = (key: Key | null) => {
    if (key === null || exclude.includes(String(key))) return;
    onAdd(String(key));
    setQuery('');
  };

  return (
    <ComboBox
      className={fields.field}
      items={options}
      inputValue={query}
      onInputChange={setQuery}
      selectedKey={null}
      onSelectionChange={add}
      menuTrigger="input"
      allowsEmptyCollection
    >
      <Label className={fields.label}>{label}</Label>
      <div className={styles.comboRow}>
        <Input className={fields.input} placeholder={placeholder} />
        <AriaButton className={styles.comboButton} aria-label={showAllLabel}>
          <span className={fields.chevron} aria-hidden="true" />
        </AriaButton>
      </div>
      <Popover className={fields.popover}>
        <ListBox
          className={fields.listBox}
          renderEmptyState={() => <p className={styles.empty}>{emptyText}</p>}
        >
          {(o: { id: string; label: string }) => (
            <ListBoxItem id={o.id} textValue={o.label} className={fields.option}>
              {o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
