import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SearchField } from '../../components/SearchField';
import styles from './HeaderSearch.module.css';

/** The header's search slot: for now it searches the people directory. */
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
  return (
    <div role="search" className={`${styles.search} ${tone === 'dark' ? styles.dark : ''}`}>
      <SearchField
        label={t('search.label')}
        hideLabel
        placeholder={t('search.placeholder')}
        value={value}
        onChange={setValue}
        onSubmit={(q) => {
          const query = q.trim();
          void navigate(query ? `/people?q=${encodeURIComponent(query)}` : '/people');
          onSearch?.();
        }}
      />
    </div>
  );
}
