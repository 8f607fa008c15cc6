import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { courseKinds, type CourseKind } from '@shared/learning/schemas';
import type { CategoryDTO } from '@shared/learning/types';
import { SearchField } from '../../../components/SearchField';
import { SelectField } from '../../../components/SelectField';
import { CheckboxField } from '../../../components/CheckboxField';
import { Button } from '../../../components/Button';
import { useDebouncedValue } from '../../people/useDebouncedValue';
import type { CatalogueParams } from '../api';
import { hasFilters } from '../model';
import styles from '../learning.module.css';

const ALL = 'all';

/** Search, category, kind, language and "nur Pflichtschulungen"; every change calls `onChange`. */
export function CatalogueFilters({
  value,
  onChange,
  categories,
}: {
  value: CatalogueParams;
  onChange: (next: CatalogueParams) => void;
  categories: CategoryDTO[];
}) {
  const { t, i18n } = useTranslation('learning');
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const [q, setQ] = useState(value.q ?? '');
  const search = useDebouncedValue(q.trim(), 300);

  // Typing settles, then the search goes into the filters (not on every key).
  useEffect(() => {
    if ((value.q ?? '') !== search) onChange(without({ ...value, q: search }));
    // Only the settled text triggers; value/onChange change with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  const set = (patch: CatalogueParams) => onChange(without({ ...value, ...patch }));
  return (
    <div className={styles.stack}>
      <div className={styles.filters} role="search" aria-label={t('catalogue.filters')}>
        <SearchField label={t('catalogue.search')} value={q} onChange={setQ} />
        <SelectField
          label={t('catalogue.category')}
          value={value.categoryId ?? ALL}
          onChange={(v) => set({ categoryId: v === ALL ? undefined : v })}
          options={[
            { id: ALL, label: t('catalogue.allCategories') },
            ...categories.map((c) => ({ id: c.id, label: c.name[lang] })),
          ]}
        />
        <SelectField
          label={t('catalogue.kind')}
          value={value.kind ?? ALL}
          onChange={(v) => set({ kind: v === ALL ? undefined : (v as CourseKind) })}
          options={[
            { id: ALL, label: t('catalogue.allKinds') },
            ...courseKinds.map((k) => ({ id: k, label: t(`kind.${k}`) })),
          ]}
        />
        <SelectField
          label={t('catalogue.language')}
          value={value.language ?? ALL}
          onChange={(v) => set({ language: v === 'de' || v === 'en' ? v : undefined })}
          options={[
            { id: ALL, label: t('catalogue.allLanguages') },
            { id: 'de', label: t('language.de') },
            { id: 'en', label: t('language.en') },
          ]}
        />
      </div>
      <div className={styles.row}>
        <CheckboxField
          isSelected={value.mandatory === 'true'}
          onChange={(on) => set({ mandatory: on ? 'true' : undefined })}
        >
          {t('catalogue.mandatoryOnly')}
        </CheckboxField>
        {hasFilters(value) ? (
          <Button
            size="small"
            variant="tertiary"
            onPress={() => {
              setQ('');
              onChange({});
            }}
          >
            {t('catalogue.reset')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** Drops empty values (the query key and the address stay canonical). */
function without(f: CatalogueParams): CatalogueParams {
  return Object.fromEntries(
    Object.entries(f).filter(([, v]) => v !== undefined && v !== ''),
  ) as CatalogueParams;
}
