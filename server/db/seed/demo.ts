import { Types } from 'mongoose';
import { bumpPeopleVersion } from '../../modules/people/directory-version';
import { PersonModel } from '../../modules/people/person.model';
import { UnitModel } from '../../modules/org/unit.model';
import { LocationModel } from '../../modules/org/location.model';
import { hashPassword } from '../../modules/auth/password';
import { logger } from '../../lib/logger';
import { insertDemoApps } from '../../modules/apps/apps.seed';
import { insertDemoNews } from './news';
import { insertDemoChat } from './chat';
import { insertDemoLeave } from './leave';
import { insertDemoWiki } from './wiki';
import { insertDemoRooms } from './rooms';
import { insertDemoLearning } from './learning';
import { demoLocations, demoOffices, type Gender, type Name, type StaffSeed } from './demo-org';
import { asciiName, personRow, unitRow, type PersonRow, type UnitRow } from './build';

export const DEMO_PASSWORD = 'demo1234';

type Extra = Omit<StaffSeed, 'name'>;

const leaderTitle = (g: Gender, office: boolean, unitName: string) =>
  office
    ? g === 'f'
      ? 'Amtsleiterin'
      : 'Amtsleiter'
    : `${g === 'f' ? 'Leiterin' : 'Leiter'} Abteilung ${unitName}`;

/** Builds the demo organisation in memory (deterministic content), ready for insertMany. */
export function buildDemo(passwordHash: string) {
  const locations = demoLocations.map((l) => ({
    _id: new Types.ObjectId(),
    name: l.name,
    street: l.street,
    postalCode: l.postalCode,
    city: 'Stuttgart',
  }));
  const locationIds = new Map(demoLocations.map((l, i) => [l.key, locations[i]?._id ?? null]));
  const units: UnitRow[] = [];
  const people: PersonRow[] = [];
  let phone = 0;

  const addPerson = (name: Name, unit: UnitRow, officeNumber: string, extra: Extra) => {
    const [givenName, familyName] = name;
    phone += 1;
    const row = personRow({
      username: extra.account ?? `${asciiName(givenName)}.${asciiName(familyName)}`,
      givenName,
      familyName,
      position: extra.position,
      unitId: unit._id,
      locationId: unit.locationId,
      phone: `+49 711 216-${officeNumber}${String(100 + phone * 7).padStart(3, '0')}`,
      roles: extra.roles ?? [],
      languages: ['Deutsch', ...(extra.languages ?? [])],
      responsibilities: extra.responsibilities ?? [],
      // Only demo accounts can sign in; everyone else is directory content.
      passwordHash: extra.account ? passwordHash : null,
    });
    people.push(row);
    return row;
  };

  for (const office of demoOffices) {
    const loc = locationIds.get(office.location) ?? null;
    const o = unitRow(office.name, office.number, 'office', null, loc);
    units.push(o);
    const head = addPerson(office.leader, o, office.number, {
      position: leaderTitle(office.leader[2], true, office.name),
    });
    o.leaderId = head._id;
    let firstDeptLeader: PersonRow | null = null;
    for (const dept of office.departments) {
      const d = unitRow(dept.name, dept.number, 'department', o, loc);
      units.push(d);
      const lead = addPerson(dept.leader, d, office.number, {
        position: leaderTitle(dept.leader[2], false, dept.name),
        account: dept.leaderAccount,
      });
      d.leaderId = lead._id;
      firstDeptLeader ??= lead;
      const staff = (dept.staff ?? []).map((s) => addPerson(s.name, d, office.number, s));
      // Deputies: a leader's is the first colleague; colleagues stand in for each other.
      lead.deputyId = staff[0]?._id ?? null;
      staff.forEach((s, i) => {
        s.deputyId = staff.length > 1 ? (staff[(i + 1) % staff.length]?._id ?? null) : lead._id;
      });
    }
    head.deputyId = firstDeptLeader?._id ?? null;
  }
  return { locations, units, people };
}

/** Inserts the demo organisation; returns the number of people written. */
export async function insertDemo(passwordHash?: string): Promise<number> {
  const demo = buildDemo(passwordHash ?? (await hashPassword(DEMO_PASSWORD)));
  await LocationModel.insertMany(demo.locations, { lean: true });
  await UnitModel.insertMany(demo.units, { lean: true });
  await PersonModel.insertMany(demo.people, { lean: true });
  await bumpPeopleVersion(); // explicit: bulk inserts are the directory read model's business too
  await insertDemoApps();
  await insertDemoNews(demo);
  await insertDemoChat(demo);
  await insertDemoLeave(demo);
  await insertDemoWiki(demo);
  await insertDemoRooms(demo);
  await insertDemoLearning(demo);
  return demo.people.length;
}

/** Seeds the demo organisation when the database has no people yet. Fast: one hash, bulk inserts. */
export async function seedDemoIfEmpty(): Promise<boolean> {
  if (await PersonModel.exists({})) return false;
  const started = Date.now();
  const count = await insertDemo();
  logger.info({ people: count, ms: Date.now() - started }, 'demo data seeded');
  return true;
}
