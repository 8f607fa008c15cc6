import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { LeaveInboxDTO } from '@shared/leave/types';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, type Session } from '../../test/app';
import { makeRequestOrg, septemberDays, uuid, type Name } from './request.fixtures';
import { todayInBerlin } from './holidays';
import { addDays } from '@shared/leave/days';

useTestDatabase();

let app: Express;
let ids: Record<Name, string>;
let s: Record<Name, Session>;
let annual: { id: string };
let special: { id: string };
const days = septemberDays();

const send = (who: Name, method: 'post' | 'put', path: string, body: object = {}) =>
  s[who].agent[method](path).set('X-CSRF-Token', s[who].csrf).send(body);
const create = (who: Name, from: string, to = from, typeId = annual.id) =>
  send(who, 'post', '/api/leave/requests', { id: uuid(), typeId, from, to });
const inbox = async (who: Name) =>
  (await s[who].agent.get('/api/leave/inbox').expect(200)).body.data as LeaveInboxDTO;

beforeAll(async () => {
  app = makeTestApp();
  ({ ids, s, annual, special } = await makeRequestOrg(app, 'ix'));
});

describe('inbox extras', () => {
  it('available days, colleagues away in the range, and on whose behalf the deputy decides', async () => {
    const mine = (await create('emp', days[2]!, days[4]!).expect(201)).body.data.id as string;
    await create('col', days[3]!).expect(201);
    const other = (await create('emp2', days[10]!, days[10]!, special.id).expect(201)).body.data
      .id as string;

    const lead = await inbox('lead');
    expect(Object.keys(lead.extras ?? {}).sort()).toEqual(lead.requests.map((r) => r.id).sort());
    const extra = lead.extras?.[mine];
    // 30 days, 3 reserved by the pending request itself (approving does not change it).
    expect(extra?.availableAfter).toBe(27);
    expect(extra?.onBehalfOf).toBeNull();
    expect(extra?.conflicts.map((c) => [c.person.id, c.from, c.status])).toEqual([
      [ids.col, days[3], 'pending'],
    ]);
    // A type that does not count has no balance effect; nobody else is away then.
    expect(lead.extras?.[other]).toMatchObject({ availableAfter: null, conflicts: [] });

    // The deputy standing in sees whom they decide for.
    await send('lead', 'put', '/api/leave/delegation', {
      until: addDays(todayInBerlin(), 1),
    }).expect(200);
    const dep = await inbox('dep');
    expect(dep.extras?.[mine]?.onBehalfOf?.id).toBe(ids.lead);
    expect((await inbox('lead')).extras?.[mine]?.onBehalfOf ?? null).toBeNull();
    await send('lead', 'put', '/api/leave/delegation', { until: null }).expect(200);
    expect((await inbox('dep')).extras?.[mine]).toBeUndefined();
  });
});
