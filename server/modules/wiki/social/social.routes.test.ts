import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import type { WikiCommentDTO } from '@shared/wiki/types';
import { useTestDatabase } from '../../../test/db';
import { makeTestApp, type Session } from '../../../test/app';
import { WikiCommentThreadModel } from './social.model';
import { isWatching } from './watch.service';
import { commentCount } from './comment.service';
import { makeSocialWorld, makeWikiPage, setPageFields, uuid, type Who } from './social.fixtures';

useTestDatabase();

let app: Express;
let ids: Record<Who, string>;
let s: Record<Who, Session>;
let spaceId: string;
let page: string;

const send = (who: Who, method: 'post' | 'patch' | 'put' | 'delete', path: string, body?: object) =>
  s[who].agent[method](path).set('X-CSRF-Token', s[who].csrf).send(body);
const get = (who: Who, path: string) => s[who].agent.get(path);
const comments = (p: string) => `/api/wiki/pages/${p}/comments`;
const post = (who: Who, p: string, body: string, extra: object = {}) =>
  send(who, 'post', comments(p), { id: uuid(), body, ...extra });

beforeAll(async () => {
  app = makeTestApp();
  ({ ids, s, spaceId } = await makeSocialWorld(app, 'soc'));
  page = await makeWikiPage({ spaceId, createdBy: ids.editor, title: 'Dienstreisen' });
});

describe('wiki social routes: sessions, visibility, validation', () => {
  it('answers 401 without a session', async () => {
    const anon = request(app);
    await anon.get(comments(page)).expect(401);
    await anon.get(`/api/wiki/pages/${page}/files`).expect(401);
  });

  it('answers 404 to a non-member on every social route (nothing about the page leaks)', async () => {
    const own = (await post('commenter', page, 'Hallo').expect(201)).body.data as WikiCommentDTO;
    const fileId = 'a'.repeat(24);
    const tries = [
      get('outsider', comments(page)),
      post('outsider', page, 'x'),
      send('outsider', 'patch', `${comments(page)}/${own.id}`, { body: 'y' }),
      send('outsider', 'delete', `${comments(page)}/${own.id}`),
      send('outsider', 'put', `/api/wiki/pages/${page}/watch`),
      send('outsider', 'delete', `/api/wiki/pages/${page}/watch`),
      get('outsider', `/api/wiki/pages/${page}/files`),
      get('outsider', `/api/wiki/pages/${page}/files/${fileId}`),
      s.outsider.agent
        .post(`/api/wiki/pages/${page}/files`)
        .set('X-CSRF-Token', s.outsider.csrf)
        .attach('file', Buffer.from('text'), 'a.txt'),
    ];
    for (const res of await Promise.all(tries)) {
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Dienstreisen');
    }
    // An unknown page is the same 404.
    await get('reader', comments(uuid())).expect(404);
  });

  it('hides a restricted page from space readers who are not listed (404), not from listed ones', async () => {
    const secret = await makeWikiPage({
      spaceId,
      createdBy: ids.editor,
      title: 'Geheim',
      restriction: { personIds: [ids.listed], unitIds: [] },
    });
    await get('reader', comments(secret)).expect(404);
    await send('reader', 'put', `/api/wiki/pages/${secret}/watch`).expect(404);
    await get('listed', comments(secret)).expect(200);
    await get('admin', comments(secret)).expect(200);
  });

  it('answers 400 for invalid input', async () => {
    await post('commenter', page, '').expect(400);
    await post('commenter', page, '   ').expect(400);
    await post('commenter', page, 'x'.repeat(4001)).expect(400);
    await post('commenter', page, 'ok', { authorId: ids.admin }).expect(400);
    await send('commenter', 'post', comments(page), { id: 'not-a-uuid', body: 'x' }).expect(400);
    await get('commenter', `/api/wiki/pages/not-a-page/comments`).expect(400);
    await get('commenter', `${comments(page)}?x[$ne]=1`).expect(400);
    await post('commenter', page, 'x', { parentId: uuid() }).expect(400);
    const c = (await post('commenter', page, 'Kommentar').expect(201)).body.data as WikiCommentDTO;
    await send('commenter', 'patch', `${comments(page)}/${c.id}`, {}).expect(400);
    await send('commenter', 'patch', `${comments(page)}/${c.id}`, { resolved: 'yes' }).expect(400);
    await get('reader', `/api/wiki/pages/${page}/files/not-an-id`).expect(400);
  });
});

describe('wiki comments', () => {
  it('lets readers read but not write (403), commenters write', async () => {
    await get('reader', comments(page)).expect(200);
    const res = await post('reader', page, 'Darf ich?');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    await post('commenter', page, 'Ich darf').expect(201);
  });

  it('stores a replayed comment once (200 with the stored one); another person reusing the id gets 409', async () => {
    const p = await makeWikiPage({ spaceId, createdBy: ids.editor });
    const id = uuid();
    const first = await send('commenter', 'post', comments(p), { id, body: 'Einmal' }).expect(201);
    const again = await send('commenter', 'post', comments(p), { id, body: 'Einmal' }).expect(200);
    expect(again.body.data).toEqual(first.body.data);
    const stolen = await send('editor', 'post', comments(p), { id, body: 'Meins' });
    expect(stolen.status).toBe(409);
    expect(stolen.body.error.code).toBe('client_id_reused');
    const list = (await get('reader', comments(p)).expect(200)).body.data as WikiCommentDTO[];
    expect(list.map((c) => c.body)).toEqual(['Einmal']);
    expect(await commentCount(p)).toBe(1);
  });

  it('stores 20 parallel comments on one page (none lost)', async () => {
    const p = await makeWikiPage({ spaceId, createdBy: ids.editor });
    const who: Who[] = ['commenter', 'editor', 'admin'];
    const res = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(who[i % 3] as Who, p, `Nummer ${i}`)),
    );
    expect(res.map((r) => r.status)).toEqual(Array(20).fill(201));
    const list = (await get('reader', comments(p)).expect(200)).body.data as WikiCommentDTO[];
    expect(list).toHaveLength(20);
    expect(new Set(list.map((c) => c.body)).size).toBe(20);
    const doc = await WikiCommentThreadModel.findById(p).lean();
    expect(doc?.comments).toHaveLength(20);
    expect(doc?.rev).toBe(20);
  });

  it('threads one level deep: a reply to a reply joins the top-level comment', async () => {
    const p = await makeWikiPage({ spaceId, createdBy: ids.editor });
    const top = (await post('commenter', p, 'Frage').expect(201)).body.data as WikiCommentDTO;
    const reply = (await post('editor', p, 'Antwort', { parentId: top.id }).expect(201)).body
      .data as WikiCommentDTO;
    expect(reply.parentId).toBe(top.id);
    const deeper = (await post('commenter', p, 'Danke', { parentId: reply.id }).expect(201)).body
      .data as WikiCommentDTO;
    expect(deeper.parentId).toBe(top.id);
    const second = (await post('admin', p, 'Zweites Thema').expect(201)).body
      .data as WikiCommentDTO;
    const list = (await get('reader', comments(p)).expect(200)).body.data as WikiCommentDTO[];
    expect(list.map((c) => c.id)).toEqual([top.id, reply.id, deeper.id, second.id]);
    expect(list[0]?.abilities).toEqual({
      edit: false,
      resolve: false,
      delete: false,
      reply: false,
    });
  });

  it('edits (author only), resolves and reopens (author or editor+, top-level only), deletes softly (author or space admin)', async () => {
    const p = await makeWikiPage({ spaceId, createdBy: ids.editor });
    const c = (await post('commenter', p, 'Tippfeler').expect(201)).body.data as WikiCommentDTO;
    expect(c.abilities).toEqual({ edit: true, resolve: true, delete: true, reply: true });
    const url = `${comments(p)}/${c.id}`;
    await send('editor', 'patch', url, { body: 'Fremd' }).expect(403);
    const edited = (await send('commenter', 'patch', url, { body: 'Tippfehler' }).expect(200)).body
      .data as WikiCommentDTO;
    expect(edited.body).toBe('Tippfehler');
    expect(edited.editedAt).not.toBeNull();

    const other = (await post('admin', p, 'Von der Verwaltung').expect(201)).body
      .data as WikiCommentDTO;
    await send('commenter', 'patch', `${comments(p)}/${other.id}`, { resolved: true }).expect(403);
    const resolved = (await send('editor', 'patch', url, { resolved: true }).expect(200)).body
      .data as WikiCommentDTO;
    expect(resolved.resolved).toBe(true);
    expect(resolved.resolvedBy?.id).toBe(ids.editor);
    const reopened = (await send('commenter', 'patch', url, { resolved: false }).expect(200)).body
      .data as WikiCommentDTO;
    expect(reopened).toMatchObject({ resolved: false, resolvedBy: null });

    const reply = (await post('editor', p, 'Antwort', { parentId: c.id }).expect(201)).body
      .data as WikiCommentDTO;
    await send('admin', 'patch', `${comments(p)}/${reply.id}`, { resolved: true }).expect(403);

    await send('editor', 'delete', url).expect(403); // editor, not author, not space admin
    const deleted = (await send('admin', 'delete', url).expect(200)).body.data as WikiCommentDTO;
    expect(deleted).toMatchObject({ deleted: true, body: '' });
    await send('admin', 'delete', url).expect(200); // idempotent
    await send('commenter', 'patch', url, { body: 'wieder' }).expect(404);
    await send('commenter', 'delete', `${comments(p)}/${uuid()}`).expect(404);
    // The deleted comment stays as a placeholder while its reply lives.
    const list = (await get('reader', comments(p)).expect(200)).body.data as WikiCommentDTO[];
    expect(list.map((x) => [x.id, x.deleted, x.body])).toEqual([
      [c.id, true, ''],
      [reply.id, false, 'Antwort'],
      [other.id, false, 'Von der Verwaltung'],
    ]);
    expect(await commentCount(p)).toBe(2);
    const stored = await WikiCommentThreadModel.findById(p).lean();
    expect(stored?.comments.find((x) => x.id === c.id)?.body).toBe('');
  });

  it('refuses comments on an archived page (409 page_archived)', async () => {
    const p = await makeWikiPage({ spaceId, createdBy: ids.editor, archived: true });
    const res = await post('commenter', p, 'Zu spät');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('page_archived');
  });

  it('leaves the comments of an archived page as they are (resolve/reopen: 409)', async () => {
    const p = await makeWikiPage({ spaceId, createdBy: ids.editor });
    const c = (await post('commenter', p, 'Offen').expect(201)).body.data as WikiCommentDTO;
    await setPageFields(p, { archived: true, archivedBy: ids.editor, archiveRootId: p });
    const res = await send('admin', 'patch', `${comments(p)}/${c.id}`, { resolved: true });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('page_archived');
    const [after] = (await get('reader', comments(p)).expect(200)).body.data as WikiCommentDTO[];
    expect(after).toMatchObject({ resolved: false, abilities: { resolve: false } });
  });

  it('returns XSS payloads in comment bodies as inert text in JSON', async () => {
    const p = await makeWikiPage({ spaceId, createdBy: ids.editor });
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '"><svg onload=alert(1)>',
      'javascript:alert(1)',
    ];
    for (const body of payloads) await post('commenter', p, body).expect(201);
    const res = await get('reader', comments(p)).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect((res.body.data as WikiCommentDTO[]).map((c) => c.body)).toEqual(payloads);
  });
});

describe('wiki watching', () => {
  it('lets readers watch and unwatch (idempotent)', async () => {
    const p = await makeWikiPage({ spaceId, createdBy: ids.editor });
    const url = `/api/wiki/pages/${p}/watch`;
    expect((await send('reader', 'put', url).expect(200)).body.data).toEqual({ watching: true });
    await send('reader', 'put', url).expect(200);
    expect(await isWatching(p, ids.reader)).toBe(true);
    expect(await isWatching(p, ids.commenter)).toBe(false);
    expect((await send('reader', 'delete', url).expect(200)).body.data).toEqual({
      watching: false,
    });
    await send('reader', 'delete', url).expect(200);
    expect(await isWatching(p, ids.reader)).toBe(false);
  });
});
