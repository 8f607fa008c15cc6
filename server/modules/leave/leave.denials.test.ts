// Every refused leave action is a 403 that the audit log records (actor, action, outcome denied).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, type Session } from '../../test/app';
import { AuditModel } from '../audit/audit.model';
import { makeRequestOrg, septemberDays, uuid, type Name } from './request.fixtures';

useTestDatabase();

let app: Express;
let ids: Record<Name, string>;
let s: Record<Name, Session>;
let annual: { id: string };
const year = Number(septemberDays()[0]!.slice(0, 4));

beforeAll(async () => {
  app = makeTestApp();
  ({ ids, s, annual } = await makeRequestOrg(app, 'ld'));
});

const denials = (actorId: string, action: string) =>
  AuditModel.countDocuments({ actorId, action, outcome: 'denied' });

describe('leave 403s are audited', () => {
  it('HR actions and balance reads by someone without the right', async () => {
    const emp = s.emp;
    const calls: [string, () => Promise<{ status: number }>][] = [
      [
        'leave.settings_update',
        () =>
          emp.agent
            .put('/api/leave/settings')
            .set('X-CSRF-Token', emp.csrf)
            .send({ carryExpiry: '03-31', escalationDays: 5, dec24: 'half', dec31: 'half' }),
      ],
      [
        'leave.type_create',
        () =>
          emp.agent
            .post('/api/leave/types')
            .set('X-CSRF-Token', emp.csrf)
            .send({ key: 'xx', name: { de: 'X', en: 'X' }, counts: false, color: 'blue' }),
      ],
      [
        'leave.type_update',
        () =>
          emp.agent
            .patch(`/api/leave/types/${annual.id}`)
            .set('X-CSRF-Token', emp.csrf)
            .send({ counts: false }),
      ],
      ['leave.entitlements_list', () => emp.agent.get(`/api/leave/entitlements?year=${year}`)],
      [
        'leave.entitlement_update',
        () =>
          emp.agent
            .put(`/api/leave/people/${ids.emp}/entitlement?year=${year}`)
            .set('X-CSRF-Token', emp.csrf)
            .send({
              baseDays: 60,
              workdays: [1, 2, 3, 4, 5],
              employedFrom: null,
              employedTo: null,
              additional: [],
              rev: 0,
            }),
      ],
      [
        'leave.entitlements_import',
        () =>
          emp.agent
            .post('/api/leave/entitlements/import')
            .set('X-CSRF-Token', emp.csrf)
            .send({ year, csv: `ld-emp;60` }),
      ],
      [
        'leave.carry_over',
        () =>
          emp.agent
            .post('/api/leave/carry-over')
            .set('X-CSRF-Token', emp.csrf)
            .send({ fromYear: year - 1 }),
      ],
      [
        'leave.balance_read',
        () => emp.agent.get(`/api/leave/people/${ids.col}/balance?year=${year}`),
      ],
    ];
    for (const [action, call] of calls) {
      const before = await denials(ids.emp, action);
      const res = await call();
      expect(res.status, action).toBe(403);
      expect(await denials(ids.emp, action), action).toBe(before + 1);
    }
    // A leader of another office reads no balance in this one either.
    await s.xlead.agent.get(`/api/leave/people/${ids.emp}/balance?year=${year}`).expect(403);
    expect(await denials(ids.xlead, 'leave.balance_read')).toBe(1);
  });

  it('deciding one’s own request (also in a bulk) is an audited own_request 403', async () => {
    const { body } = await s.lead.agent
      .post('/api/leave/requests')
      .set('X-CSRF-Token', s.lead.csrf)
      .send({ id: uuid(), typeId: annual.id, from: septemberDays()[3], to: septemberDays()[3] })
      .expect(201);
    const id = body.data.id as string;
    const res = await s.lead.agent
      .post('/api/leave/decisions')
      .set('X-CSRF-Token', s.lead.csrf)
      .send({ ids: [id], decision: 'approve' })
      .expect(200);
    expect(res.body.data).toEqual([{ id, ok: false, code: 'own_request' }]);
    expect(await denials(ids.lead, 'leave.decide')).toBe(1);
  });
});
