import { PersonModel } from '../../modules/people/person.model';
import { UnitModel } from '../../modules/org/unit.model';
import { hashPassword } from '../../modules/auth/password';
import { fold } from '../../lib/text';
import { logger } from '../../lib/logger';

/** Seeds the demo organisation when the database has no people yet. */
export async function seedDemoIfEmpty(): Promise<boolean> {
  if (await PersonModel.exists({})) return false;
  const office = await UnitModel.create({
    name: 'Haupt- und Personalamt',
    number: '10',
    kind: 'office',
    sortKey: '10',
  });
  const hash = await hashPassword('demo1234');
  const people = [
    ['admin', 'Alex', 'Admin', ['employee', 'admin']],
    ['employee', 'Erika', 'Muster', ['employee']],
  ] as const satisfies readonly (readonly [string, string, string, readonly string[]])[];
  for (const [username, givenName, familyName, roles] of people) {
    const displayName = `${givenName} ${familyName}`;
    await PersonModel.create({
      username,
      givenName,
      familyName,
      displayName,
      email: `${username}@stuttgart.example`,
      unitId: office._id,
      roles: [...roles],
      passwordHash: hash,
      sortKey: fold(`${familyName} ${givenName}`),
      searchTerms: fold(displayName).split(/\s+/),
    });
  }
  logger.info('demo data seeded');
  return true;
}
