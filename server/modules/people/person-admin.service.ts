import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import type {
  CreatePersonInput,
  ResetPasswordInput,
  UpdatePersonInput,
} from '@shared/people/schemas';
import type { Role } from '@shared/people/roles';
import type { CreatedPersonDTO, PasswordResetDTO, PersonDTO } from '@shared/people/types';
import { PersonModel, type Person } from './person.model';
import {
  canCreatePerson,
  canDeactivatePerson,
  canResetPassword,
  canSetRoles,
  canUpdatePerson,
} from './people.policy';
import { derivedPersonFields } from './person-fields';
import { assertPersonReferences } from './references';
import { presentPeople } from './directory.service';
import type { CurrentUser } from '../auth/current-user';
import { hashPassword } from '../auth/password';
import { audit } from '../audit/audit.service';
import { deny } from '../audit/deny';
import { revokeSessionsOf } from '../auth/revoke';
import { events } from '../../lib/events';
import { conflict, notFound } from '../../lib/errors';

/** Everyone is an employee; other roles come on top. Sorted for stable from→to audit entries. */
export function normaliseRoles(input: readonly Role[] | undefined): Role[] {
  return [...new Set<Role>(['employee', ...(input ?? [])])].sort();
}

/** A one-time password for the admin to hand over (shown once, never stored in clear). */
export const generatePassword = () => randomBytes(12).toString('base64url');

const isDuplicateKey = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;

async function present(person: Person, viewer: CurrentUser): Promise<PersonDTO> {
  const [dto] = await presentPeople([person], viewer);
  if (!dto) throw notFound();
  return dto;
}

export async function createPerson(
  viewer: CurrentUser,
  input: CreatePersonInput,
  req?: Request,
): Promise<CreatedPersonDTO> {
  if (!canCreatePerson(viewer)) throw await deny(viewer, 'person.create', { type: 'person' }, req);
  await assertPersonReferences({ unitId: input.unitId, locationId: input.locationId });
  if (await PersonModel.exists({ username: input.username })) throw conflict('User name taken.');
  const initialPassword = input.password ? null : generatePassword();
  const roles = normaliseRoles(input.roles);
  const fields = {
    username: input.username,
    givenName: input.givenName,
    familyName: input.familyName,
    email: input.email,
    phone: input.phone || null,
    position: input.position || null,
    unitId: input.unitId,
    locationId: input.locationId ?? null,
    languages: input.languages ?? [],
    responsibilities: input.responsibilities ?? [],
    roles,
    active: true,
    passwordHash: await hashPassword(input.password ?? initialPassword ?? ''),
  };
  let created;
  try {
    created = await PersonModel.create({ ...fields, ...derivedPersonFields(fields) });
  } catch (err) {
    if (isDuplicateKey(err)) throw conflict('User name taken.');
    throw err;
  }
  const id = String(created._id);
  await audit({
    action: 'person.create',
    actorId: viewer.id,
    subjectType: 'person',
    subjectId: id,
    detail: { roles, unitId: input.unitId },
    req,
  });
  events.publish('person.created', { personId: id, actorId: viewer.id });
  const person = await PersonModel.findById(id).lean<Person>();
  if (!person) throw notFound();
  return { person: await present(person, viewer), initialPassword };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const idOrNull = (v: unknown) => (v ? String(v) : null);

export async function updatePerson(
  viewer: CurrentUser,
  id: string,
  input: UpdatePersonInput,
  req?: Request,
): Promise<PersonDTO> {
  const auditSubject = { type: 'person', id };
  // Decided before loading, so non-admins learn nothing about which ids exist.
  if (!canUpdatePerson(viewer, { id }))
    throw await deny(viewer, 'person.update', auditSubject, req);
  const person = await PersonModel.findById(id).lean<Person>();
  if (!person) throw notFound();
  const subject = { id, active: person.active };
  const roles = input.roles ? normaliseRoles(input.roles) : undefined;
  if (roles && !canSetRoles(viewer, subject, roles)) {
    throw await deny(viewer, 'person.roles_change', auditSubject, req, { to: roles });
  }
  if (input.active === false && person.active && !canDeactivatePerson(viewer, subject)) {
    throw await deny(viewer, 'person.deactivate', auditSubject, req);
  }
  await assertPersonReferences(
    { unitId: input.unitId, locationId: input.locationId, deputyId: input.deputyId },
    id,
  );

  const next: Record<string, unknown> = {};
  if (input.givenName !== undefined) next.givenName = input.givenName;
  if (input.familyName !== undefined) next.familyName = input.familyName;
  if (input.email !== undefined) next.email = input.email;
  if (input.phone !== undefined) next.phone = input.phone || null;
  if (input.position !== undefined) next.position = input.position || null;
  if (input.unitId !== undefined) next.unitId = input.unitId;
  if (input.locationId !== undefined) next.locationId = input.locationId;
  if (input.languages !== undefined) next.languages = input.languages;
  if (input.responsibilities !== undefined) next.responsibilities = input.responsibilities;
  if (input.deputyId !== undefined) next.deputyId = input.deputyId;
  if (input.active !== undefined) next.active = input.active;
  if (roles) next.roles = roles;

  const before: Record<string, unknown> = {
    ...person,
    unitId: idOrNull(person.unitId),
    locationId: idOrNull(person.locationId),
    deputyId: idOrNull(person.deputyId),
    roles: [...person.roles].sort(),
  };
  const changed = Object.keys(next).filter((k) => !same(before[k], next[k]));
  if (changed.length === 0) return present(person, viewer);

  const merged = { ...person, ...next } as Person;
  // updateOne + read: FerretDB 1.x cannot project in findAndModify (passwordHash is deselected).
  await PersonModel.updateOne({ _id: id }, { $set: { ...next, ...derivedPersonFields(merged) } });
  const updated = await PersonModel.findById(id).lean<Person>();
  if (!updated) throw notFound();

  const base = { actorId: viewer.id, subjectType: 'person', subjectId: id, req };
  for (const [field, action] of [
    ['roles', 'person.roles_change'],
    ['unitId', 'person.unit_change'],
    ['active', 'person.active_change'],
  ] as const) {
    if (changed.includes(field)) {
      await audit({ ...base, action, detail: { from: before[field], to: next[field] } });
    }
  }
  const other = changed.filter((k) => !['roles', 'unitId', 'active'].includes(k));
  if (other.length) await audit({ ...base, action: 'person.update', detail: { changed: other } });

  events.publish('person.updated', { personId: id, actorId: viewer.id, changed });
  if (changed.includes('active') && next.active === false) {
    events.publish('person.deactivated', { personId: id, actorId: viewer.id });
  }
  return present(updated, viewer);
}

export async function resetPassword(
  viewer: CurrentUser,
  id: string,
  input: ResetPasswordInput,
  req?: Request,
): Promise<PasswordResetDTO> {
  if (!canResetPassword(viewer, { id })) {
    throw await deny(viewer, 'person.password_reset', { type: 'person', id }, req);
  }
  const person = await PersonModel.findById(id).select({ _id: 1 }).lean();
  if (!person) throw notFound();
  const initialPassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? initialPassword ?? '');
  await PersonModel.updateOne(
    { _id: id },
    { $set: { passwordHash, failedLogins: 0, lockedUntil: null } },
  );
  // A reset usually follows a suspected compromise: end every other session of that person now.
  const revoked = await revokeSessionsOf(id, viewer.id === id ? req?.sessionID : undefined);
  await audit({
    action: 'person.password_reset',
    actorId: viewer.id,
    subjectType: 'person',
    subjectId: id,
    detail: { generated: initialPassword !== null, sessionsEnded: revoked },
    req,
  });
  if (viewer.id !== id)
    events.publish('person.sessions_revoked', { personId: id, actorId: viewer.id });
  return { initialPassword };
}
