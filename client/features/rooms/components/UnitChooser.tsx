import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import { useUnits } from '../../people/queries';
import { Button } from '../../../components/Button';
import fields from '../../../components/fields.module.css';
import audience from '../../../components/AudiencePicker.module.css';
import styles from '../rooms.module.css';

/** "20-2 Haushalt (Stadtkämmerei)": number, name and office, so equal names stay apart. */
function unitLabel(u: UnitDTO, byId: Map<string, UnitDTO>): string {
  const own = u.number ? `${u.number} ${u.name}` : u.name;
  const office = u.path[0] ? byId.get(u.path[0]) : undefined;
  return office && office.id !== u.id ? `${own} (${office.name})` : own;
}

/** Whole units to invite (the same unit search as the audience picker), as removable rows. */
export function UnitChooser({
  value,
  onChange,
}: {
  value: string[];
  onChange: (unitIds: string[]) => void;
}) {
  const { t } = useTranslation('rooms');
  const units = useUnits();
  const [query, setQuery] = useState('');
  const byId = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  const options = useMemo(() => {
    const q = query.trim().toLocaleLowerCase('de');
    return (units.data ?? [])
      .filter((u) => !value.includes(u.id))
      .map((u) => ({ id: u.id, label: unitLabel(u, byId) }))
      .filter((o) => !q || o.label.toLocaleLowerCase('de').includes(q))
      .slice(0, 50);
  }, [units.data, byId, query, value]);

  const add = (key: Key | null) => {
    if (key === null || value.includes(String(key))) return;
    onChange([...value, String(key)]);
    setQuery('');
  };

  return (
    <div className={styles.stack} style={{ gap: '0.5rem' }}>
      {value.length > 0 ? (
        <ul className={styles.list} aria-label={t('invite.unitsChosen')}>
          {value.map((id) => {
            const unit = byId.get(id);
            const name = unit ? unitLabel(unit, byId) : id;
            return (
              <li key={id} className={styles.item}>
                <span className={styles.itemMain}>{name}</span>
                <Button
                  size="small"
                  variant="tertiary"
                  aria-label={t('invite.unitRemove', { name })}
                  onPress={() => onChange(value.filter((u) => u !== id))}
                >
                  {t('actions.remove')}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
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
        <Label className={fields.label}>{t('invite.unitAdd')}</Label>
        <div className={audience.comboRow}>
          <Input className={fields.input} placeholder={t('invite.unitPlaceholder')} />
          <AriaButton className={audience.comboButton} aria-label={t('invite.unitShowAll')}>
            <span className={fields.chevron} aria-hidden="true" />
          </AriaButton>
        </div>
        <Popover className={fields.popover}>
          <ListBox
            className={fields.listBox}
            renderEmptyState={() => <p className={audience.empty}>{t('invite.unitNone')}</p>}
          >
            {(o: { id: string; label: string }) => (
              <ListBoxItem id={o.id} textValue={o.label} className={fields.option}>
                {o.label}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
    </div>
  );
}
