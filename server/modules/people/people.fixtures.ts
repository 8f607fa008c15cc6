import type { Types } from 'mongoose';
import type { Role } from '@shared/people/roles';
import { PersonModel } from './person.model';
import { derivedPersonFields } from './person-fields';
import { UnitModel } from '../org/unit.model';
import { LocationModel } from '../org/location.model';
import { unitSortKey } from '../org/unit-sort';
import { hashPassword } from '../auth/password';
import { TEST_PASSWORD } from '../../test/app';

/** Test data for the people and org tests: a small tree and named people (test-only helper). */
export async function makeUnit(
  name: string,
  number: string | null,
  parent?: { _id: Types.ObjectId; path: Types.ObjectId[] },
) {
  const unit = await UnitModel.create({
    name,
    number,
    kind: parent ? 'department' : 'office',
    parentId: parent?._id ?? null,
    path: parent ? [...parent.path, parent._id] : [],
    sortKey: unitSortKey(number, name),
  });
  return unit.toObject();
}

let hash: string | null = null;

export async function makeNamedPerson(opts: {
  username: string;
  givenName: string;
  familyName: string;
  unitId: Types.ObjectId;
  position?: string;
  responsibilities?: string[];
  roles?: Role[];
  active?: boolean;
  locationId?: Types.ObjectId;
}) {
  hash ??= await hashPassword(TEST_PASSWORD);
  const person = await PersonModel.create({
    username: opts.username,
    givenName: opts.givenName,
    familyName: opts.familyName,
    email: `${opts.username}@stuttgart.example`,
    position: opts.position ?? null,
    responsibilities: opts.responsibilities ?? [],
    unitId: opts.unitId,
    locationId: opts.locationId ?? null,
    roles: opts.roles ?? ['employee'],
    active: opts.active ?? true,
    passwordHash: hash,
    ...derivedPersonFields(opts),
  });
  return { id: String(person._id), _id: person._id };
}

/**
 * Office 10 (leader: Leitung) › 10-1 (leader: Manfred Manager) › 10-1-1; office 20.
 * People: admin, hr, manager, employee (10-1), mueller (10-1-1), other (20), gone (inactive).
 */
export async function makeOrg() {
  const rathaus = await LocationModel.create({ name: 'Rathaus', street: 'Marktplatz 1' });
  const office = await makeUnit('Haupt- und Personalamt', '10');
  const dept = await makeUnit('Personalservice', '10-1', office);
  const team = await makeUnit('Team Entgelt', '10-1-1', dept);
  const other = await makeUnit('Stadtkämmerei', '20');
  const admin = await makeNamedPerson({
    username: 'admin',
    givenName: 'Anna',
    familyName: 'Admin',
    unitId: office._id,
    roles: ['employee', 'admin'],
  });
  const chief = await makeNamedPerson({
    username: 'chief',
    givenName: 'Christa',
    familyName: 'Chef',
    unitId: office._id,
    position: 'Amtsleiterin',
  });
  const hr = await makeNamedPerson({
    username: 'hr',
    givenName: 'Hanna',
    familyName: 'Personal',
    unitId: dept._id,
    roles: ['employee', 'hr'],
  });
  const manager = await makeNamedPerson({
    username: 'manager',
    givenName: 'Manfred',
    familyName: 'Manager',
    unitId: dept._id,
    position: 'Leiter Abteilung Personalservice',
  });
  const employee = await makeNamedPerson({
    username: 'employee',
    givenName: 'Erika',
    familyName: 'Mustermann',
    unitId: dept._id,
    position: 'Sachbearbeiterin',
    responsibilities: ['zuständig für Wohngeld'],
    locationId: rathaus._id,
  });
  const mueller = await makeNamedPerson({
    username: 'mueller',
    givenName: 'Jürgen',
    familyName: 'Müller',
    unitId: team._id,
    position: 'Sachbearbeiter Entgelt',
  });
  const otherPerson = await makeNamedPerson({
    username: 'other',
    givenName: 'Otto',
    familyName: 'Kämmerer',
    unitId: other._id,
  });
  const gone = await makeNamedPerson({
    username: 'gone',
    givenName: 'Gerd',
    familyName: 'Gegangen',
    unitId: dept._id,
    active: false,
  });
  await UnitModel.updateOne({ _id: office._id }, { $set: { leaderId: chief._id } });
  await UnitModel.updateOne({ _id: dept._id }, { $set: { leaderId: manager._id } });
  return {
    rathaus,
    units: { office, dept, team, other },
    people: { admin, chief, hr, manager, employee, mueller, other: otherPerson, gone },
  };
}
