import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonDTO } from '@shared/people/types';
import { Avatar } from '../../../components/Avatar';
import { unitLabel } from '../tree';
import { AbsenceNote } from './AbsenceNote';
import styles from '../people.module.css';

/** One directory hit: name (link to the profile), position, unit, phone and email links. */
export function PersonCard({
  person,
  headingLevel = 3,
}: {
  person: PersonDTO;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation('people');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className={`${styles.card} ${styles.person}`} aria-label={person.displayName}>
      <Avatar initials={person.initials} photoUrl={person.photoUrl} />
      <div className={styles.personBody}>
        <Heading className={styles.personName}>
          <Link to={`/people/${person.id}`}>{person.displayName}</Link>
          {!person.active ? <span className={styles.badge}>{t('person.inactive')}</span> : null}
        </Heading>
        {person.position ? <p className={styles.meta}>{person.position}</p> : null}
        {person.unit ? <p className={styles.meta}>{unitLabel(person.unit)}</p> : null}
        {person.absence ? <AbsenceNote absence={person.absence} compact /> : null}
        <ul className={styles.contact}>
          {person.phone ? (
            <li>
              <span className={styles.contactLabel}>{t('person.phone')}:</span>
              <a
                href={`tel:${person.phone.replace(/[^+\d]/g, '')}`}
                aria-label={`${t('person.callPerson', { name: person.displayName })}: ${person.phone}`}
              >
                {person.phone}
              </a>
            </li>
          ) : null}
          {person.email ? (
            <li>
              <span className={styles.contactLabel}>{t('person.email')}:</span>
              <a
                href={`mailto:${person.email}`}
                aria-label={`${t('person.mailPerson', { name: person.displayName })}: ${person.email}`}
              >
                {person.email}
              </a>
            </li>
          ) : null}
        </ul>
      </div>
    </article>
  );
}
