import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '@shared/people/types';
import { PersonPicker } from '../../people/components/PersonPicker';
import styles from './chat.module.css';

/** Several people through the directory picker, shown as removable chips. */
export function PeopleChooser({
  label,
  value,
  onChange,
  excludeIds = [],
}: {
  label: string;
  value: PersonRef[];
  onChange: (people: PersonRef[]) => void;
  excludeIds?: string[];
}) {
  const { t } = useTranslation('chat');
  // The picker is reset after each choice (a new key), so it is ready for the next name.
  const [round, setRound] = useState(0);
  return (
    <div className={styles.form}>
      <PersonPicker
        key={round}
        label={label}
        value={null}
        excludeIds={[...excludeIds, ...value.map((p) => p.id)]}
        onChange={(p) => {
          if (!p) return;
          onChange([...value, p]);
          setRound((r) => r + 1);
        }}
      />
      {value.length > 0 ? (
        <ul className={styles.chips} aria-label={t('newDialog.selected')}>
          {value.map((p) => (
            <li key={p.id} className={styles.chip}>
              {p.displayName}
              <button
                type="button"
                aria-label={t('newDialog.remove', { name: p.displayName })}
                onClick={() => onChange(value.filter((x) => x.id !== p.id))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
