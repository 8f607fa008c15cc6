import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import request from 'supertest';
import type {
  PageDTO,
  PageRefDTO,
  SpaceDTO,
  SpaceTreeDTO,
  StalePageDTO,
  WikiSearchHitDTO,
} from '@shared/wiki/types';
import { useTestDatabase } from '../../test/db';
import { makeTestApp } from '../../test/app';
import { PageModel } from '../../modules/wiki/page.model';
import { PersonModel } from '../../modules/people/person.model';
import { UnitModel } from '../../modules/org/unit.model';
import { seedDemoIfEmpty, DEMO_PASSWORD } from './demo';
import { demoPageId, insertDemoWiki } from './wiki';
import type { PersonRow, UnitRow } from './build';

useTestDatabase();
let app: Express;

beforeAll(async () => {
  app = makeTestApp();
  expect(await seedDemoIfEmpty()).toBe(true);
});

async function as(username: string) {
  const agent = request.agent(app);
  const csrf = (await agent.get('/api/auth/csrf')).body.token as string;
  await agent
    .post('/api/auth/login')
    .set('X-CSRF-Token', csrf)
    .send({ username, password: DEMO_PASSWORD })
    .expect(200);
  const get = async <T>(path: string, status = 200): Promise<T> =>
    (await agent.get(`/api/wiki${path}`).expect(status)).body.data as T;
  return { get };
}

const spacesOf = async (username: string) =>
  Object.fromEntries(
    (await (await as(username)).get<SpaceDTO[]>('/spaces'))
      // Team rooms' spaces are the rooms seed's business (server/db/seed/rooms.test.ts).
      .filter((s) => !s.roomId)
      .map((s) => [s.key, s.myRole]),
  );

describe('demo wiki', () => {
  it('gives each demo role the spaces and roles the README describes', async () => {
    expect(await spacesOf('employee')).toEqual({
      stadtverwaltung: 'reader',
      digitalisierung: 'editor',
    });
    expect(await spacesOf('employee2')).toEqual({
      stadtverwaltung: 'reader',
      digitalisierung: 'reader',
    });
    expect(await spacesOf('editor')).toEqual({
      stadtverwaltung: 'editor',
      'haupt-und-personalamt': 'commenter',
      digitalisierung: 'reader',
    });
    expect(await spacesOf('hr')).toMatchObject({
      stadtverwaltung: 'editor',
      'haupt-und-personalamt': 'editor',
    });
    expect(await spacesOf('mover')).toMatchObject({ digitalisierung: 'admin' });
    expect(await spacesOf('manager')).toMatchObject({ stadtverwaltung: 'reader' });
    expect(await spacesOf('admin')).toMatchObject({
      stadtverwaltung: 'admin',
      'haupt-und-personalamt': 'admin',
      digitalisierung: 'admin',
    });
  });

  it('has pages with rendered content, backlinks, templates and a stale page', async () => {
    const employee = await as('employee');
    const spaces = await employee.get<SpaceDTO[]>('/spaces');
    const stadt = spaces.find((s) => s.key === 'stadtverwaltung') as SpaceDTO;
    const tree = await employee.get<SpaceTreeDTO>(`/spaces/${stadt.id}/tree`);
    expect(tree.nodes.length).toBeGreaterThanOrEqual(7);
    const worktime = await employee.get<PageDTO>(`/pages/${demoPageId('worktime')}`);
    expect(worktime.html).toContain('<table');
    expect(worktime.toc.map((t) => t.text)).toContain('Gleitzeit');
    const backlinks = await employee.get<PageRefDTO[]>(
      `/pages/${demoPageId('worktime')}/backlinks`,
    );
    expect(backlinks.map((b) => b.id)).toEqual(
      expect.arrayContaining([demoPageId('welcome'), demoPageId('firstWeek')]),
    );
    const welcome = await employee.get<PageDTO>(`/pages/${demoPageId('welcome')}`);
    expect(welcome.html).toContain('data-callout');
    const templates = await employee.get<PageRefDTO[]>(`/spaces/${stadt.id}/templates`);
    expect(templates.map((t) => t.title).sort()).toEqual(['Anleitung', 'Besprechungsprotokoll']);
    const editor = await as('editor');
    const stale = await editor.get<StalePageDTO[]>(`/spaces/${stadt.id}/stale`);
    expect(stale.map((s) => [s.id, s.reason])).toEqual([[demoPageId('phones'), 'review_due']]);
  });

  it('keeps the confidential staff plan to hr and the office head, also in search', async () => {
    const id = demoPageId('staffPlan');
    await (await as('editor')).get(`/pages/${id}`, 404);
    await (await as('hr')).get(`/pages/${id}`);
    const hits = async (u: string) =>
      (await (await as(u)).get<WikiSearchHitDTO[]>('/search?q=personalplanung')).map((h) => h.id);
    expect(await hits('editor')).toEqual([]);
    expect(await hits('hr')).toEqual([id]);
  });

  it('is idempotent: a second run adds nothing', async () => {
    const before = await PageModel.countDocuments();
    const people = await PersonModel.find().lean<PersonRow[]>();
    const units = await UnitModel.find().lean<UnitRow[]>();
    await insertDemoWiki({ people, units });
    expect(await PageModel.countDocuments()).toBe(before);
  });
});
