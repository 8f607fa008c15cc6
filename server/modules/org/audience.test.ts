import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { Audience } from '@shared/org/audience';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, session } from '../../test/app';
import { makeOrg } from '../people/people.fixtures';
import { audienceMembers, previewAudience, subjectOf } from './audience';

useTestDatabase();

let org: Awaited<ReturnType<typeof makeOrg>>;
let app: Express;
const aud = (a: Partial<Audience>): Audience => ({ units: [], roles: [], locationIds: [], ...a });

beforeAll(async () => {
  org = await makeOrg();
  app = makeTestApp();
});

const names = async (a: Audience) => {
  const ids = new Set(await audienceMembers(a));
  return Object.entries(org.people)
    .filter(([, p]) => ids.has(p.id))
    .map(([name]) => name)
    .sort();
};

describe('audience targeting', () => {
  it('everyone = all active people', async () => {
    expect(await names(aud({}))).toEqual(
      ['admin', 'chief', 'employee', 'hr', 'manager', 'mueller', 'other'].sort(),
    );
  });

  it('an office with or without its departments', async () => {
    const office = String(org.units.office._id);
    expect(await names(aud({ units: [{ unitId: office, withSubunits: false }] }))).toEqual([
      'admin',
      'chief',
    ]);
    expect(await names(aud({ units: [{ unitId: office, withSubunits: true }] }))).toEqual(
      ['admin', 'chief', 'employee', 'hr', 'manager', 'mueller'].sort(),
    );
  });

  it('roles (manager is derived from leading a unit), locations, and combinations', async () => {
    expect(await names(aud({ roles: ['manager'] }))).toEqual(['chief', 'manager']);
    expect(await names(aud({ roles: ['hr', 'admin'] }))).toEqual(['admin', 'hr']);
    expect(await names(aud({ locationIds: [String(org.rathaus._id)] }))).toEqual(['employee']);
    const dept = String(org.units.dept._id);
    expect(
      await names(aud({ units: [{ unitId: dept, withSubunits: true }], roles: ['manager'] })),
    ).toEqual(['manager']);
  });

  it('subjects carry the unit chain', async () => {
    const s = await subjectOf(org.people.mueller.id);
    expect(s?.unitChain).toEqual([
      String(org.units.office._id),
      String(org.units.dept._id),
      String(org.units.team._id),
    ]);
  });

  it('previews reach per office', async () => {
    const p = await previewAudience(aud({}));
    expect(p.total).toBe(7);
    expect(p.offices).toEqual([
      { id: String(org.units.office._id), name: 'Haupt- und Personalamt', count: 6 },
      { id: String(org.units.other._id), name: 'Stadtkämmerei', count: 1 },
    ]);
  });

  it('POST /api/audience/preview: 401, 400 on operators, 200', async () => {
    const anon = await session(app);
    await anon.agent
      .post('/api/audience/preview')
      .set('X-CSRF-Token', anon.csrf)
      .send({})
      .expect(401);
    const s = await session(app, 'employee');
    await s.agent
      .post('/api/audience/preview')
      .set('X-CSRF-Token', s.csrf)
      .send({ units: [{ unitId: { $ne: null }, withSubunits: true }] })
      .expect(400);
    const res = await s.agent
      .post('/api/audience/preview')
      .set('X-CSRF-Token', s.csrf)
      .send({ roles: ['hr'] })
      .expect(200);
    expect(res.body.data.total).toBe(1);
  });
});
