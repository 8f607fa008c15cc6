import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import request from 'supertest';
import type { AppDTO } from '@shared/apps/types';
import type { AppInput } from '@shared/apps/schemas';
import { useTestDatabase } from '../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../test/app';
import { events, type DomainEvents } from '../../lib/events';
import { UnitModel } from '../org/unit.model';

useTestDatabase();
let app: Express;
let erikaS: Session;
let maxS: Session;
let adminS: Session;
let officeA: string;
let officeB: string;

const input = (over: Partial<AppInput> = {}): AppInput => ({
  name: { de: 'Zeiterfassung', en: 'Time recording' },
  description: { de: 'Arbeitszeit', en: 'Working time' },
  url: 'https://zeit.stuttgart.example/',
  icon: 'clock',
  audience: {},
  suggested: false,
  ...over,
});

beforeAll(async () => {
  app = makeTestApp({ RATE_LIMIT_PER_MINUTE: '10000' });
  officeA = String((await UnitModel.create({ name: 'Amt A', kind: 'office', sortKey: 'a' }))._id);
  officeB = String((await UnitModel.create({ name: 'Amt B', kind: 'office', sortKey: 'b' }))._id);
  await makePerson({ username: 'erika', unitId: officeA });
  await makePerson({ username: 'max', unitId: officeB });
  await makePerson({ username: 'root', roles: ['employee', 'admin'], unitId: officeA });
  erikaS = await session(app, 'erika');
  maxS = await session(app, 'max');
  adminS = await session(app, 'root');
});

const create = async (body: AppInput) =>
  (await adminS.agent.post('/api/apps').set('X-CSRF-Token', adminS.csrf).send(body).expect(201))
    .body.data as AppDTO;
const list = async (s: Session) =>
  (await s.agent.get('/api/apps').expect(200)).body.data as AppDTO[];
const pin = (s: Session, appIds: string[]) =>
  s.agent.put('/api/apps/pins').set('X-CSRF-Token', s.csrf).send({ appIds });

function capture<K extends keyof DomainEvents>(name: K): DomainEvents[K][] {
  const seen: DomainEvents[K][] = [];
  events.on(name, (p) => {
    seen.push(p);
  });
  return seen;
}

describe('apps', () => {
  let mail: AppDTO;
  let zeit: AppDTO;
  let onlyB: AppDTO;

  it('answers 401 without a session', async () => {
    await request(app).get('/api/apps').expect(401);
    await request(app).get('/api/apps/catalogue').expect(401);
  });

  it('lets only admins manage the catalogue (403 for an employee)', async () => {
    await erikaS.agent.post('/api/apps').set('X-CSRF-Token', erikaS.csrf).send(input()).expect(403);
    await erikaS.agent.get('/api/apps/catalogue').expect(403);
    const changed = capture('apps.changed');
    mail = await create(
      input({ name: { de: 'E-Mail', en: 'E-mail' }, icon: 'mail', suggested: true }),
    );
    zeit = await create(input());
    onlyB = await create(
      input({
        name: { de: 'Nur B', en: 'Only B' },
        audience: { units: [{ unitId: officeB, withSubunits: true }] },
        suggested: true,
      }),
    );
    expect(mail.audience).toEqual({ units: [], roles: [], locationIds: [] });
    await erikaS.agent
      .patch(`/api/apps/${zeit.id}`)
      .set('X-CSRF-Token', erikaS.csrf)
      .send({ suggested: true })
      .expect(403);
    await erikaS.agent.delete(`/api/apps/${zeit.id}`).set('X-CSRF-Token', erikaS.csrf).expect(403);
    await new Promise((r) => setImmediate(r));
    expect(changed).toContainEqual({ userId: null });
  });

  it('refuses script and data URLs, unknown icons and unknown fields (400)', async () => {
    for (const bad of [
      input({ url: 'javascript:alert(1)' }),
      input({ url: 'data:text/html,<script>alert(1)</script>' }),
      { ...input(), icon: 'skull' },
      { ...input(), rogue: true },
    ]) {
      const res = await adminS.agent.post('/api/apps').set('X-CSRF-Token', adminS.csrf).send(bad);
      expect(res.status).toBe(400);
    }
  });

  it('shows each person only the apps of their audience, suggestions pinned', async () => {
    const erika = await list(erikaS);
    expect(erika.map((a) => a.name.de)).toEqual(['E-Mail', 'Zeiterfassung']);
    expect(erika.find((a) => a.id === mail.id)?.pinned).toBe(true);
    expect(erika[0]?.audience).toBeNull();
    expect(erika[0]?.abilities).toEqual({ update: false, delete: false });
    const max = await list(maxS);
    expect(
      max
        .filter((a) => a.pinned)
        .map((a) => a.id)
        .sort(),
    ).toEqual([mail.id, onlyB.id].sort());
  });

  it('pins in order; an app outside the audience cannot be pinned (400)', async () => {
    const changed = capture('apps.changed');
    await pin(erikaS, [onlyB.id]).expect(400);
    await pin(erikaS, ['0'.repeat(24)]).expect(400);
    await pin(erikaS, [zeit.id, zeit.id]).expect(400);
    const res = await pin(erikaS, [zeit.id, mail.id]).expect(200);
    const data = res.body.data as AppDTO[];
    expect(data.map((a) => [a.id, a.pinned])).toEqual([
      [zeit.id, true],
      [mail.id, true],
    ]);
    await new Promise((r) => setImmediate(r));
    expect(changed).toEqual([{ userId: expect.any(String) }]);
    // Her arrangement now counts, not the suggestions: unpin everything.
    await pin(erikaS, []).expect(200);
    expect((await list(erikaS)).some((a) => a.pinned)).toBe(false);
    await erikaS.agent.delete('/api/apps/pins').set('X-CSRF-Token', erikaS.csrf).expect(200);
    expect((await list(erikaS)).filter((a) => a.pinned).map((a) => a.id)).toEqual([mail.id]);
  });

  it('patches only the given fields and drops a deleted app from pins', async () => {
    const res = await adminS.agent
      .patch(`/api/apps/${zeit.id}`)
      .set('X-CSRF-Token', adminS.csrf)
      .send({ url: 'https://zeit2.stuttgart.example/' })
      .expect(200);
    expect(res.body.data).toMatchObject({ url: 'https://zeit2.stuttgart.example/', icon: 'clock' });
    await adminS.agent
      .patch(`/api/apps/${zeit.id}`)
      .set('X-CSRF-Token', adminS.csrf)
      .send({ url: 'javascript:alert(1)' })
      .expect(400);
    await pin(erikaS, [zeit.id]).expect(200);
    await adminS.agent.delete(`/api/apps/${zeit.id}`).set('X-CSRF-Token', adminS.csrf).expect(200);
    await adminS.agent.delete(`/api/apps/${zeit.id}`).set('X-CSRF-Token', adminS.csrf).expect(404);
    await adminS.agent
      .patch(`/api/apps/${zeit.id}`)
      .set('X-CSRF-Token', adminS.csrf)
      .send({ suggested: true })
      .expect(404);
    expect((await list(erikaS)).some((a) => a.pinned)).toBe(false);
    const all = (await adminS.agent.get('/api/apps/catalogue').expect(200)).body.data as AppDTO[];
    expect(all.map((a) => a.id).sort()).toEqual([mail.id, onlyB.id].sort());
    expect(all.find((a) => a.id === onlyB.id)?.audience?.units).toEqual([
      { unitId: officeB, withSubunits: true },
    ]);
  });
});
