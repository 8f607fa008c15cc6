import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '@shared/people/types';
import { Page } from '../../../components/Page';
import { Card } from '../../../components/Card';
import { Avatar } from '../../../components/Avatar';
import { Button, LinkButton } from '../../../components/Button';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ApiError } from '../../../lib/api';
import { usePerson } from '../queries';
import { unitLabel } from '../tree';
import { downloadVCard } from '../vcard';
import { EditProfileDialog } from '../components/EditProfileDialog';
import { PhotoUpload } from '../PhotoUpload';
import { AbsenceNote } from '../components/AbsenceNote';
import { TrainingRecord } from '../../learning/components/TrainingRecord';
import { useQueryClient } from '@tanstack/react-query';
import { peopleKeys } from '../queries';
import styles from '../people.module.css';

function PersonLink({ person }: { person: PersonRef | null }) {
  const { t } = useTranslation('people');
  if (!person) return <>{t('person.none')}</>;
  return (
    <>
      <Link to={`/people/${person.id}`}>{person.displayName}</Link>
      {person.position ? <span className={styles.meta}> – {person.position}</span> : null}
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** A colleague's profile: contact, organisation, responsibilities; own profile is editable. */
export function ProfilePage() {
  const { id } = useParams();
  const { t } = useTranslation('people');
  const person = usePerson(id);
  const [editing, setEditing] = useState(false);
  const qc = useQueryClient();

  if (person.isPending) {
    return (
      <Page title={t('profile.loading')}>
        <Spinner label={t('profile.loading')} />
      </Page>
    );
  }
  if (person.isError) {
    const missing = person.error instanceof ApiError && person.error.status === 404;
    return (
      <Page title={missing ? t('profile.notFound') : t('directory.title')}>
        {missing ? null : <ErrorMessage error={person.error} />}
        <p>
          <Link to="/people">{t('directory.title')}</Link>
        </p>
      </Page>
    );
  }
  const p = person.data;
  const none = t('person.none');

  return (
    <Page
      title={p.displayName}
      actions={
        <>
          {p.abilities.updateOwnProfile ? (
            <Button variant="primary" onPress={() => setEditing(true)}>
              {t('profile.edit')}
            </Button>
          ) : null}
          {p.abilities.update ? (
            <LinkButton href={`/admin/people/${p.id}`} variant="secondary">
              {t('profile.adminEdit')}
            </LinkButton>
          ) : null}
          <Button variant="secondary" onPress={() => downloadVCard(p)}>
            {t('profile.vcard')}
          </Button>
        </>
      }
    >
      <div className={`${styles.card} ${styles.profileHead}`}>
        <Avatar initials={p.initials} photoUrl={p.photoUrl} size="large" />
        <div>
          <p className={styles.personName}>
            {p.position ?? none}
            {!p.active ? <span className={styles.badge}>{t('person.inactive')}</span> : null}
          </p>
          {p.unit ? (
            <p className={styles.meta}>
              <Link to={`/org/${p.unit.id}`}>{unitLabel(p.unit)}</Link>
            </p>
          ) : null}
        </div>
        {p.absence ? <AbsenceNote absence={p.absence} /> : null}
      </div>
      <div className={styles.grid2}>
        <Card title={t('person.contact')}>
          <dl className={styles.details}>
            <Row label={t('person.phone')}>
              {p.phone ? <a href={`tel:${p.phone.replace(/[^+\d]/g, '')}`}>{p.phone}</a> : none}
            </Row>
            <Row label={t('person.email')}>
              <a href={`mailto:${p.email}`}>{p.email}</a>
            </Row>
            <Row label={t('person.location')}>{p.location?.name ?? none}</Row>
          </dl>
        </Card>
        <Card title={t('person.organisation')}>
          <dl className={styles.details}>
            <Row label={t('person.unit')}>
              {p.unit ? <Link to={`/org/${p.unit.id}`}>{unitLabel(p.unit)}</Link> : none}
            </Row>
            <Row label={t('person.manager')}>
              <PersonLink person={p.manager} />
            </Row>
            <Row label={t('person.deputy')}>
              <PersonLink person={p.deputy} />
            </Row>
            {p.leads.length > 0 ? (
              <Row label={t('person.leads')}>
                <ul className={styles.plainList}>
                  {p.leads.map((u) => (
                    <li key={u.id}>
                      <Link to={`/org/${u.id}`}>{u.name}</Link>
                    </li>
                  ))}
                </ul>
              </Row>
            ) : null}
            {p.roles.length > 0 ? (
              <Row label={t('person.roles')}>{p.roles.map((r) => t(`roles.${r}`)).join(', ')}</Row>
            ) : null}
          </dl>
        </Card>
        <Card title={t('person.about')}>
          <dl className={styles.details}>
            <Row label={t('person.responsibilities')}>
              {p.responsibilities.length ? (
                <ul className={styles.plainList}>
                  {p.responsibilities.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ) : (
                none
              )}
            </Row>
            <Row label={t('person.languages')}>
              {p.languages.length ? (
                <ul className={styles.chips}>
                  {p.languages.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              ) : (
                none
              )}
            </Row>
          </dl>
        </Card>
      </div>
      <TrainingRecord personId={p.id} />
      {p.abilities.updateOwnProfile ? (
        <div className={styles.card}>
          <PhotoUpload
            personId={p.id}
            photoUrl={p.photoUrl}
            self
            onChanged={() => void qc.invalidateQueries({ queryKey: peopleKeys.detail(p.id) })}
          />
        </div>
      ) : null}
      {editing ? <EditProfileDialog person={p} isOpen={editing} onOpenChange={setEditing} /> : null}
    </Page>
  );
}
