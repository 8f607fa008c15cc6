import { describe, it, expect, beforeAll } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, makePerson, session, type Session } from '../../test/app';
import { AuditModel } from './audit.model';
import { audit } from './audit.service';
import type { AuditEntryDTO } from '@shared/audit/types';

useTestDatabase();
let app: Express;
let admin: { id: string };
let employee: { id: string };
let asAdmin: Session;
let asEmployee: Session;

beforeAll(async () => {
  app = makeTestApp();
  admin = await makePerson({ username: 'admin', roles: ['employee', 'admin'] });
  employee = await makePerson({ username: 'employee' });
  asAdmin = await session(app, 'admin');
  asEmployee = await session(app, 'employee');
  for (let i = 0; i < 5; i += 1) {
    await audit({ action: 'test.event', actorId: employee.id, detail: { i } });
  }
});

describe('GET /api/audit', () => {
  it('is 401 without a session', async () => {
    await request(app).get('/api/audit').expect(401);
  });

  it('is 403 for non-admins, and the refusal itself is audited', async () => {
    const res = await asEmployee.agent.get('/api/audit').expect(403);
    expect(res.body.error.code).toBe('forbidden');
    const entry = await AuditModel.findOne({ action: 'audit.read', outcome: 'denied' }).lean();
    expect(String(entry?.actorId)).toBe(employee.id);
  });

  it('lists newest first with actors, filters by action and actor, and pages by cursor', async () => {
    const first = await asAdmin.agent.get('/api/audit?action=test.event&limit=3').expect(200);
    const page1 = first.body.data as AuditEntryDTO[];
    expect(page1.map((e) => e.detail?.i)).toEqual([4, 3, 2]);
    expect(page1[0]?.actor).toEqual({ id: employee.id, displayName: expect.any(String) });
    const second = await asAdmin.agent
      .get(`/api/audit?action=test.event&limit=3&cursor=${first.body.nextCursor as string}`)
      .expect(200);
    expect(second.body.data.map((e: AuditEntryDTO) => e.detail?.i)).toEqual([1, 0]);
    expect(second.body.nextCursor).toBeNull();
    const byActor = await asAdmin.agent.get(`/api/audit?actorId=${admin.id}`).expect(200);
    expect(byActor.body.data.every((e: AuditEntryDTO) => e.actorId === admin.id)).toBe(true);
  });

  it('audits every read of the audit log', async () => {
    const before = await AuditModel.countDocuments({ action: 'audit.read', outcome: 'success' });
    await asAdmin.agent.get('/api/audit?outcome=denied').expect(200);
    expect(await AuditModel.countDocuments({ action: 'audit.read', outcome: 'success' })).toBe(
      before + 1,
    );
  });

  it.each([
    '/api/audit?action[$ne]=x',
    '/api/audit?actorId[$gt]=',
    '/api/audit?action=$where',
    '/api/audit?actorId=abc',
    '/api/audit?outcome=maybe',
    '/api/audit?limit=0',
  ])('rejects %s with 400', async (url) => {
    await asAdmin.agent.get(url).expect(400);
  });
});
