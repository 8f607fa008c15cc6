import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { Card } from '../../../components/Card';
import { Button } from '../../../components/Button';
import { CheckboxField } from '../../../components/CheckboxField';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { useDirectory, useLocations, useUnits } from '../queries';
import { compareUnits, unitLabel } from '../tree';
import { PersonCard } from '../components/PersonCard';
import styles from '../people.module.css';

/** One unit: head, parent, sub-units and its members (paginated). */
export function UnitPage() {
  const { unitId } = useParams();
  const { t } = useTranslation('people');
  const units = useUnits();
  const locations = useLocations();
  const [withSubunits, setWithSubunits] = useState(false);
  const members = useDirectory(
    { unitId, includeSubunits: withSubunits },
    { enabled: Boolean(unitId) },
  );
  const people = useMemo(() => members.data?.pages.flatMap((p) => p.data) ?? [], [members.data]);
  const unit = units.data?.find((u) => u.id === unitId);
  const parent = unit?.parentId ? units.data?.find((u) => u.id === unit.parentId) : undefined;
  const children = useMemo(
    () => (units.data ?? []).filter((u) => u.parentId === unitId).sort(compareUnits),
    [units.data, unitId],
  );

  if (units.isPending) {
    return (
      <Page title={t('org.loading')}>
        <Spinner label={t('org.loading')} />
      </Page>
    );
  }
  if (!unit) {
    return (
      <Page title={t('unit.notFound')}>
        {units.isError ? <ErrorMessage error={units.error} /> : null}
        <p>
          <Link to="/org">{t('org.title')}</Link>
        </p>
      </Page>
    );
  }
  const location = locations.data?.find((l) => l.id === unit.locationId);
  const none = t('person.none');

  return (
    <Page title={unitLabel(unit)} description={t(`unit.kind.${unit.kind}`)}>
      <div className={styles.grid2}>
        <Card title={t('person.organisation')}>
          <dl className={styles.details}>
            <dt>{t('org.leader')}</dt>
            <dd>
              {unit.leader ? (
                <Link to={`/people/${unit.leader.id}`}>{unit.leader.displayName}</Link>
              ) : (
                t('org.noLeader')
              )}
            </dd>
            <dt>{t('unit.parent')}</dt>
            <dd>{parent ? <Link to={`/org/${parent.id}`}>{unitLabel(parent)}</Link> : none}</dd>
            <dt>{t('unit.location')}</dt>
            <dd>{location?.name ?? none}</dd>
            <dt>{t('unit.members')}</dt>
            <dd>{t('org.members', { count: unit.memberCount })}</dd>
          </dl>
        </Card>
        {children.length > 0 ? (
          <Card title={t('unit.subunits')}>
            <ul className={styles.plainList}>
              {children.map((c) => (
                <li key={c.id}>
                  <Link to={`/org/${c.id}`}>{unitLabel(c)}</Link>{' '}
                  <span className={styles.meta}>
                    ({t('org.members', { count: c.memberCount })})
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>

      <section aria-labelledby="unit-members" className={styles.resultsSection}>
        <div className={styles.toolbar}>
          <h2 id="unit-members">{t('unit.members')}</h2>
          {children.length > 0 ? (
            <CheckboxField isSelected={withSubunits} onChange={setWithSubunits}>
              {t('unit.includeSubunits')}
            </CheckboxField>
          ) : null}
        </div>
        {members.isError ? <ErrorMessage error={members.error} /> : null}
        {members.isPending ? <Spinner label={t('directory.loading')} /> : null}
        {members.isSuccess && people.length === 0 ? (
          <EmptyState title={t('unit.noMembers')} />
        ) : null}
        {people.length > 0 ? (
          <ul className={styles.results} aria-busy={members.isPlaceholderData}>
            {people.map((p) => (
              <li key={p.id}>
                <PersonCard person={p} />
              </li>
            ))}
          </ul>
        ) : null}
        {members.hasNextPage ? (
          <div className={styles.more}>
            <Button
              isDisabled={members.isFetchingNextPage}
              onPress={() => void members.fetchNextPage()}
            >
              {t('directory.loadMore')}
            </Button>
          </div>
        ) : null}
      </section>
    </Page>
  );
}
