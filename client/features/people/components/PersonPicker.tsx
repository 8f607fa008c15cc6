import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button as AriaButton,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
  type Key,
} from 'react-aria-components';
import type { PersonRef } from '@shared/people/types';
import { useDebouncedValue } from '../useDebouncedValue';
import { useDirectory } from '../queries';
import { toRef } from '../api';
import fields from '../../../components/fields.module.css';
import styles from './PersonPicker.module.css';

export interface PersonPickerProps {
  label: string;
  value: PersonRef | null;
  onChange: (person: PersonRef | null) => void;
  description?: string;
  errorMessage?: string;
  /** Ids that may not be picked (e.g. the person themselves as their own deputy). */
  excludeIds?: string[];
  isRequired?: boolean;
}

/** Picks a colleague through the directory API (debounced search, keyboard and screen reader). */
export function PersonPicker({
  label,
  value,
  onChange,
  description,
  errorMessage,
  excludeIds = [],
  isRequired,
}: PersonPickerProps) {
  const { t } = useTranslation('people');
  const [input, setInput] = useState(value?.displayName ?? '');
  const debounced = useDebouncedValue(input, 250);
  const searching = debounced.trim().length >= 2 && debounced !== value?.displayName;
  const hits = useDirectory({ q: debounced, limit: 8 }, { enabled: searching });
  const items = useMemo(() => {
    const found = (searching ? (hits.data?.pages[0]?.data ?? []) : [])
      .filter((p) => !excludeIds.includes(p.id))
      .map(toRef);
    // The current choice stays an item so the ComboBox can show it as selected.
    return value && !found.some((p) => p.id === value.id) ? [value, ...found] : found;
  }, [hits.data, searching, value, excludeIds]);

  return (
    <div className={styles.picker}>
      <ComboBox
        className={fields.field}
        items={items}
        inputValue={input}
        onInputChange={setInput}
        selectedKey={value?.id ?? null}
        onSelectionChange={(key: Key | null) => {
          const picked = items.find((p) => p.id === key) ?? null;
          if (key === null && input.trim() !== '') return;
          onChange(picked);
          setInput(picked?.displayName ?? '');
        }}
        menuTrigger="input"
        allowsEmptyCollection
        isRequired={isRequired}
        isInvalid={errorMessage ? true : undefined}
      >
        <Label className={fields.label}>{label}</Label>
        {description ? (
          <Text slot="description" className={fields.description}>
            {description}
          </Text>
        ) : null}
        <div className={styles.row}>
          <Input className={fields.input} placeholder={t('picker.placeholder')} />
          {value ? (
            <AriaButton
              slot={null}
              className={styles.clear}
              aria-label={`${t('picker.clear')}: ${value.displayName}`}
              onPress={() => {
                onChange(null);
                setInput('');
              }}
            >
              <span aria-hidden="true">×</span>
            </AriaButton>
          ) : null}
        </div>
        <FieldError className={fields.error}>{errorMessage}</FieldError>
        <Popover className={fields.popover}>
          <ListBox
            className={fields.listBox}
            renderEmptyState={() => <p className={styles.empty}>{t('picker.noResults')}</p>}
          >
            {(p: PersonRef) => (
              <ListBoxItem id={p.id} textValue={p.displayName} className={fields.option}>
                <span className={styles.optionName}>{p.displayName}</span>
                {p.position ? <span className={styles.optionMeta}>{p.position}</span> : null}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
    </div>
  );
}
