import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UnitDTO } from '@shared/org/types';
import { Page } from '../../../components/Page';
import { Button } from '../../../components/Button';
import { SearchField } from '../../../components/SearchField';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { useUnits } from '../queries';
import { OrgTree } from '../components/OrgTree';
import styles from '../people.module.css';

const fold = (s: string) =>
  s.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');

/** Units matching the filter plus their ancestors (so each hit is shown in place). */
function filterUnits(units: UnitDTO[], text: string): UnitDTO[] {
  const needle = fold(text.trim());
  if (!needle) return units;
  const keep = new Set<string>();
  for (const u of units) {
    if (fold(`${u.number ?? ''} ${u.name}`).includes(needle)) {
      keep.add(u.id);
      u.path.forEach((id) => keep.add(id));
    }
  }
  return units.filter((u) => keep.has(u.id));
}

/** The organisation chart as a keyboard-operable tree. */
export function OrgTreePage() {
  const { t } = useTranslation('people');
  const navigate = useNavigate();
  const units = useUnits();
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const all = useMemo(() => units.data ?? [], [units.data]);
  const shown = useMemo(() => filterUnits(all, filter), [all, filter]);
  const filtering = filter.trim().length > 0;
  const withChildren = useMemo(
    () => new Set(all.filter((u) => u.parentId).map((u) => u.parentId as string)),
    [all],
  );

  return (
    <Page title={t('org.title')} description={t('org.description')}>
      {units.isPending ? <Spinner label={t('org.loading')} /> : null}
      {units.isError ? <ErrorMessage error={units.error} /> : null}
      {units.isSuccess ? (
        <>
          <div className={styles.toolbar}>
            <SearchField label={t('org.filterLabel')} value={filter} onChange={setFilter} />
            <div className={styles.toolbarButtons}>
              <Button size="small" onPress={() => setExpanded(new Set(withChildren))}>
                {t('org.expandAll')}
              </Button>
              <Button size="small" onPress={() => setExpanded(new Set())}>
                {t('org.collapseAll')}
              </Button>
            </div>
          </div>
          <h2 id="org-tree-label" className="visually-hidden">
            {t('org.treeLabel')}
          </h2>
          <p id="org-tree-help" className={styles.meta}>
            {t('org.treeHelp')}
          </p>
          {all.length === 0 ? <EmptyState title={t('org.empty')} /> : null}
          {filtering && shown.length === 0 ? <EmptyState title={t('org.noMatch')} /> : null}
          {shown.length > 0 ? (
            <OrgTree
              units={shown}
              labelledBy="org-tree-label"
              describedBy="org-tree-help"
              expanded={filtering ? withChildren : expanded}
              onExpandedChange={setExpanded}
              onOpen={(id) => void navigate(`/org/${id}`)}
            />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
