import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { HomeBoardDTO } from '@shared/home/types';
import type { PageDTO, SpaceDTO } from '@shared/wiki/types';
import { useTestDatabase } from '../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../test/app';

useTestDatabase();

type Who = 'owner' | 'reader' | 'outsider';
let app: Express;
const ids = {} as Record<Who, string>;
const s = {} as Record<Who, Session>;
let space: SpaceDTO;

const send = (who: Who, method: 'post' | 'patch' | 'put', path: string, body: object = {}) =>
  s[who].agent[method](path).set('X-CSRF-Token', s[who].csrf).send(body);
const board = async (who: Who) =>
  (await s[who].agent.get('/api/home').expect(200)).body.data as HomeBoardDTO;
const titles = (pages: { title: string }[]) => pages.map((p) => p.title);

beforeAll(async () => {
  app = makeTestApp();
  const owner = await makePerson({ username: 'ww-owner', roles: ['employee', 'editor'] });
  ids.owner = owner.id;
  ids.reader = (await makePerson({ username: 'ww-reader', unitId: owner.unitId })).id;
  ids.outsider = (await makePerson({ username: 'ww-outsider' })).id;
  for (const who of ['owner', 'reader', 'outsider'] as Who[])
    s[who] = await session(app, `ww-${who}`);
  space = (
    await send('owner', 'post', '/api/wiki/spaces', {
      key: 'widget',
      name: 'Amtswiki',
      kind: 'office',
      audience: {
        units: [{ unitId: owner.unitId, withSubunits: true }],
        roles: [],
        locationIds: [],
      },
    }).expect(201)
  ).body.data as SpaceDTO;
});

const newPage = async (title: string) =>
  (
    await send('owner', 'post', '/api/wiki/pages', {
      id: randomUUID(),
      spaceId: space.id,
      title,
    }).expect(201)
  ).body.data as PageDTO;

describe('start page widget "wiki"', () => {
  it('lists watched and recent readable pages, never restricted or foreign ones', async () => {
    const first = await newPage('Dienstreisen');
    await newPage('Telefonliste');
    const secret = await newPage('Personalakten');
    await send('owner', 'patch', `/api/wiki/pages/${secret.id}`, {
      rev: secret.rev,
      restriction: { personIds: [ids.owner], unitIds: [] },
    }).expect(200);
    await send('reader', 'put', `/api/wiki/pages/${first.id}/watch`).expect(200);

    const reader = (await board('reader')).data.wiki;
    expect(titles(reader?.watched ?? [])).toEqual(['Dienstreisen']);
    expect(titles(reader?.recent ?? [])).toEqual(['Telefonliste']);
    expect(reader?.reviews).toBe(0);

    // The owner may read the restricted page; newest change first.
    await send('owner', 'put', `/api/wiki/pages/${secret.id}/watch`).expect(200);
    const owner = (await board('owner')).data.wiki;
    expect(titles(owner?.watched ?? [])).toEqual(['Personalakten']);
    expect(titles(owner?.recent ?? [])).toEqual(['Telefonliste', 'Dienstreisen']);

    expect((await board('outsider')).data.wiki).toEqual({ watched: [], recent: [], reviews: 0 });
  });
});
