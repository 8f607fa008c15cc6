import type { Request } from 'express';
import type { UpdateOwnProfileInput } from '@shared/people/schemas';
import type { PersonDTO } from '@shared/people/types';
import { PersonModel, type Person } from './person.model';
import { canUpdateOwnProfile } from './people.policy';
import { derivedPersonFields } from './person-fields';
import { assertPersonReferences } from './references';
import { presentPeople } from './directory.service';
import type { CurrentUser } from '../auth/current-user';
import { deny } from '../audit/deny';
import { events } from '../../lib/events';
import { notFound } from '../../lib/errors';

/** A person edits their own phone, languages, responsibilities and deputy. */
export async function updateOwnProfile(
  user: CurrentUser,
  input: UpdateOwnProfileInput,
  req?: Request,
): Promise<PersonDTO> {
  const person = await PersonModel.findById(user.id).lean<Person>();
  if (!person) throw notFound();
  if (!canUpdateOwnProfile(user, { id: String(person._id) })) {
    throw await deny(user, 'person.update_profile', { type: 'person', id: user.id }, req);
  }
  await assertPersonReferences({ deputyId: input.deputyId }, user.id);
  const set: Record<string, unknown> = {};
  if (input.phone !== undefined) set.phone = input.phone || null;
  if (input.languages !== undefined) set.languages = input.languages;
  if (input.responsibilities !== undefined) set.responsibilities = input.responsibilities;
  if (input.deputyId !== undefined) set.deputyId = input.deputyId;
  Object.assign(
    set,
    derivedPersonFields({
      ...person,
      responsibilities: input.responsibilities ?? person.responsibilities,
    }),
  );
  // updateOne + read: FerretDB 1.x cannot project in findAndModify (passwordHash is deselected).
  await PersonModel.updateOne({ _id: user.id }, { $set: set });
  const updated = await PersonModel.findById(user.id).lean<Person>();
  if (!updated) throw notFound();
  // Only what really changed: subscribers (e.g. "you were named deputy") must not fire on every save.
  const before: Record<string, unknown> = {
    ...person,
    deputyId: person.deputyId ? String(person.deputyId) : null,
  };
  const changed = Object.keys(set).filter(
    (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(set[k] ?? null),
  );
  if (changed.length)
    events.publish('person.updated', { personId: user.id, actorId: user.id, changed });
  const [dto] = await presentPeople([updated], user);
  if (!dto) throw notFound();
  return dto;
}
