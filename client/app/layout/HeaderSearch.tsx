import { useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import fields from '../../components/fields.module.css';
import styles from './HeaderSearch.module.css';

/**
 * The header's search slot: for now it searches the people directory. A native search form (the
 * look of `components/SearchField`) keeps react-aria's field stack out of the first paint: Enter
 * searches, Escape or the clear button empties it.
 */
export function HeaderSearch({
  onSearch,
  tone = 'dark',
}: {
  onSearch?: () => void;
  tone?: 'dark' | 'light';
}) {
  const { t } = useTranslation('common');
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <form
      role="search"
      className={`${styles.search} ${tone === 'dark' ? styles.dark : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        const query = value.trim();
        void navigate(query ? `/people?q=${encodeURIComponent(query)}` : '/people');
        onSearch?.();
      }}
    >
      <div className={fields.field} data-empty={value === '' || undefined}>
        <label htmlFor={id} className="visually-hidden">
          {t('search.label')}
        </label>
        <div className={fields.searchGroup}>
          <input
            ref={input}
            id={id}
            type="search"
            enterKeyHint="search"
            autoComplete="off"
            className={fields.input}
            placeholder={t('search.placeholder')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Escape' || value === '') return;
              e.preventDefault();
              e.stopPropagation();
              setValue('');
            }}
          />
          <button
            type="button"
            className={fields.clear}
            aria-label={t('actions.clearSearch')}
            tabIndex={-1}
            onClick={() => {
              setValue('');
              input.current?.focus();
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </div>
    </form>
  );
}
