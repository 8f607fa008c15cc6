import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { JSONContent } from '@tiptap/core';
import type { WikiSearchHitDTO } from '@shared/wiki/types';
import { useTestDatabase } from '../../../test/db';
import { makePerson, makeTestApp, session } from '../../../test/app';
import { UnitModel } from '../../org/unit.model';
import { loadCurrentUser } from '../../auth/authenticate';
import type { CurrentUser } from '../../auth/current-user';
import { createSpace } from '../space.service';
import { createPage, updatePageMeta } from '../page.service';
import { PageModel } from '../page.model';
import { refreshPage, resetWikiIndex, wikiIndex } from '../page-index';
import { resetWikiSearch } from './search.index';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { COLLAB_FIELD } from '@shared/wiki/schemas';
import { afterContentStored, wikiSchema } from '../content/content.service';

useTestDatabase();
let app: Express;
let editor: CurrentUser;
let listed: { id: string };
let spaceId: string;
const ids = { title: randomUUID(), text: randomUUID(), secret: randomUUID(), old: randomUUID() };

const para = (text: string): JSONContent => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

async function page(id: string, title: string, text: string, parentId: string | null = null) {
  await createPage(editor, { id, spaceId, parentId, title }, { content: para(text) });
}

async function search(username: string, query: string): Promise<WikiSearchHitDTO[]> {
  const { agent } = await session(app, username);
  const res = await agent.get(`/api/wiki/search?${query}`).expect(200);
  return res.body.data as WikiSearchHitDTO[];
}

beforeAll(async () => {
  resetWikiIndex();
  resetWikiSearch();
  app = makeTestApp();
  const unit = await UnitModel.create({ name: 'Suchamt', kind: 'office', sortKey: 'suchamt' });
  const unitId = String(unit._id);
  const ed = await makePerson({ username: 'ws-editor', roles: ['employee', 'editor'], unitId });
  await makePerson({ username: 'ws-reader', unitId });
  listed = await makePerson({ username: 'ws-listed', unitId });
  await makePerson({ username: 'ws-outsider' });
  editor = (await loadCurrentUser(ed.id, 'test')) as CurrentUser;
  const space = await createSpace(editor, {
    key: 'suchraum',
    name: 'Suchraum',
    kind: 'office',
    audience: { units: [{ unitId, withSubunits: true }], roles: [], locationIds: [] },
  });
  spaceId = space.id;
  await page(ids.text, 'Arbeitszeit', 'Die Gleitzeit gilt von 6 bis 20 Uhr. '.repeat(20));
  await page(ids.title, 'Gleitzeit-Regeln für Ämter', 'Kurzfassung der Dienstvereinbarung.');
  await page(ids.secret, 'Gehaltsliste', 'Vertraulich: Gleitzeit-Konten und Gehälter.');
  const secret = (await wikiIndex()).pages.get(ids.secret);
  await updatePageMeta(editor, ids.secret, {
    rev: secret?.rev ?? 0,
    restriction: { personIds: [listed.id], unitIds: [] },
  });
  await page(ids.old, 'Alte Gleitzeit', 'Gleitzeit bis 2020.');
  await PageModel.updateOne({ _id: ids.old }, { $set: { archived: true, archivedAt: new Date() } });
  await refreshPage(ids.old);
});

describe('GET /api/wiki/search', () => {
  it('needs a session and a query', async () => {
    const { agent } = await session(app);
    await agent.get('/api/wiki/search?q=gleitzeit').expect(401);
    const signed = (await session(app, 'ws-reader')).agent;
    await signed.get('/api/wiki/search').expect(400);
    await signed.get('/api/wiki/search?q=gleitzeit&sort=x').expect(400);
    await signed.get('/api/wiki/search?q=gleitzeit&spaceId=nope').expect(400);
  });

  it('finds title hits first, then text hits, with a plain-text excerpt; archived pages never', async () => {
    const hits = await search('ws-reader', 'q=gleitzeit');
    expect(hits.map((h) => h.id)).toEqual([ids.title, ids.text]);
    expect(hits[1]).toMatchObject({ spaceId, spaceName: 'Suchraum', title: 'Arbeitszeit' });
    expect(hits[1]?.excerpt).toContain('Gleitzeit');
    expect(hits[1]?.excerpt).not.toMatch(/[<>]/);
  });

  it('folds umlauts and matches word starts; every word must occur', async () => {
    expect((await search('ws-reader', 'q=AEMTER')).map((h) => h.id)).toEqual([ids.title]);
    expect((await search('ws-reader', 'q=gleit%20uhr')).map((h) => h.id)).toEqual([ids.text]);
    expect(await search('ws-reader', 'q=leitzeit')).toEqual([]);
    expect(await search('ws-reader', 'q=%3F%3F')).toEqual([]);
  });

  it('never shows a restricted page to someone not listed, but to the listed person', async () => {
    expect((await search('ws-reader', 'q=gehalt')).map((h) => h.id)).toEqual([]);
    expect((await search('ws-reader', 'q=vertraulich')).map((h) => h.id)).toEqual([]);
    expect((await search('ws-listed', 'q=gehalt')).map((h) => h.id)).toEqual([ids.secret]);
  });

  it('gives an outsider of the space nothing, with or without the space filter', async () => {
    expect(await search('ws-outsider', 'q=gleitzeit')).toEqual([]);
    expect(await search('ws-outsider', `q=gleitzeit&spaceId=${spaceId}`)).toEqual([]);
  });

  it('finds a page created after the index was loaded', async () => {
    const id = randomUUID();
    await page(id, 'Neue Seite', 'Mobiles Arbeiten und Gleitzeit im Homeoffice.', ids.text);
    const hits = await search('ws-reader', `q=homeoffice&spaceId=${spaceId}`);
    expect(hits.map((h) => h.id)).toEqual([id]);
    expect(hits[0]?.breadcrumbs).toEqual([{ id: ids.text, title: 'Arbeitszeit' }]);
  });

  it('follows content changes: new words are found, removed ones no longer', async () => {
    expect((await search('ws-reader', 'q=dienstvereinbarung')).map((h) => h.id)).toEqual([
      ids.title,
    ]);
    const doc = prosemirrorJSONToYDoc(
      wikiSchema(),
      para('Neu: Zeiterfassung per App.'),
      COLLAB_FIELD,
    );
    await afterContentStored(ids.title, doc, editor.id);
    expect(await search('ws-reader', 'q=dienstvereinbarung')).toEqual([]);
    expect((await search('ws-reader', 'q=zeiterfassung')).map((h) => h.id)).toEqual([ids.title]);
  });
});
