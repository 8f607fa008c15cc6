import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown, type MdBlock, type MdInline } from '@shared/chat/markdown';
import type { FeedPageDTO, PostCommentDTO, PostDTO } from '@shared/rooms/types';
import { useTestDatabase } from '../../../test/db';
import { makeTestApp, type Session } from '../../../test/app';
import { events } from '../../../lib/events';
import type { DomainEvents } from '../../../lib/events';
import { changeRoomMembers } from '../member.store';
import { makeFeedPeople, makeRoom, type Who } from './feed.fixtures';

useTestDatabase();

let app: Express;
let ids: Record<Who, string>;
let s: Record<Who, Session>;
let open: string;
let secret: string;
let archived: string;
let noFeed: string;
const seen: DomainEvents['rooms.content_changed'][] = [];
let off: () => void;

const feed = (room: string) => `/api/rooms/${room}/feed`;
const posts = (room: string) => `/api/rooms/${room}/posts`;
const post = (room: string, id: string) => `/api/rooms/${room}/posts/${id}`;

const write = (who: Who, method: 'post' | 'put' | 'patch' | 'delete', url: string, body?: object) =>
  s[who].agent[method](url).set('X-CSRF-Token', s[who].csrf).send(body);
const createPost = (who: Who, room: string, body: object) =>
  write(who, 'post', posts(room), { id: randomUUID(), ...body });
const getFeed = async (who: Who, room: string, q = '') =>
  (await s[who].agent.get(feed(room) + q).expect(200)).body.data as FeedPageDTO;

beforeAll(async () => {
  app = makeTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  ({ ids, s } = await makeFeedPeople(app, 'fr'));
  const members = [
    { personId: ids.owner, role: 'owner' as const },
    { personId: ids.mod, role: 'moderator' as const },
    { personId: ids.alice, role: 'member' as const },
    { personId: ids.bob, role: 'member' as const },
    { personId: ids.dave, role: 'member' as const },
  ];
  open = await makeRoom({ createdBy: ids.owner, members });
  secret = await makeRoom({ createdBy: ids.owner, members, visibility: 'secret' });
  archived = await makeRoom({ createdBy: ids.owner, members, archived: true });
  noFeed = await makeRoom({ createdBy: ids.owner, members, modules: { feed: false } });
  off = events.on('rooms.content_changed', (e) => {
    seen.push(e);
  });
});

afterAll(() => off());

describe('room feed: access', () => {
  it('401 without a session, 404 unknown/secret/no feed, 403 non-member of an open room', async () => {
    await request(app).get(feed(open)).expect(401);
    await s.carol.agent.get(feed(secret)).expect(404);
    await s.carol.agent.get(feed('0123456789abcdef01234567')).expect(404);
    await s.alice.agent.get(feed(noFeed)).expect(404);
    await s.carol.agent.get(feed(open)).expect(403);
    await createPost('carol', open, { body: 'Hallo' }).expect(403);
    await createPost('carol', secret, { body: 'Hallo' }).expect(404);
    await s.alice.agent.get(feed('kein-raum')).expect(400);
  });

  it('a non-member of a secret room gets 404 on its posts; a removed member at once', async () => {
    const room = await makeRoom({
      createdBy: ids.owner,
      visibility: 'secret',
      members: [
        { personId: ids.owner, role: 'owner' },
        { personId: ids.dave, role: 'member' },
      ],
    });
    const p = (await createPost('owner', room, { body: 'Geheim' }).expect(201)).body
      .data as PostDTO;
    await s.carol.agent.get(post(room, p.id)).expect(404);
    await s.dave.agent.get(post(room, p.id)).expect(200);
    expect((await getFeed('dave', room)).posts.map((x) => x.id)).toEqual([p.id]);
    await changeRoomMembers(room, ids.owner, { remove: [ids.dave] });
    await s.dave.agent.get(feed(room)).expect(404);
    await s.dave.agent.get(post(room, p.id)).expect(404);
    await write('dave', 'post', `${post(room, p.id)}/comments`, {
      id: randomUUID(),
      body: 'x',
    }).expect(404);
  });

  it('archived room: members read, every write is 409 room_archived', async () => {
    await getFeed('alice', archived);
    const res = await createPost('alice', archived, { body: 'Noch da?' }).expect(409);
    expect(res.body.error.code).toBe('room_archived');
  });
});

describe('room feed: posts', () => {
  it('creates idempotently by the client id; another person reusing it gets 409', async () => {
    const id = randomUUID();
    const first = await write('alice', 'post', posts(open), {
      id,
      body: 'Erster **Beitrag**',
    }).expect(201);
    const dto = first.body.data as PostDTO;
    expect(dto).toMatchObject({
      id,
      body: 'Erster **Beitrag**',
      rev: 0,
      commentCount: 0,
      pinned: false,
    });
    expect(dto.author.id).toBe(ids.alice);
    expect(dto.abilities).toEqual({
      edit: true,
      delete: true,
      pin: false,
      comment: true,
      react: true,
    });
    expect(dto.reactions.map((r) => r.count)).toEqual([0, 0, 0, 0]);
    const again = await write('alice', 'post', posts(open), { id, body: 'anders' }).expect(200);
    expect(again.body.data.body).toBe('Erster **Beitrag**');
    const reused = await write('bob', 'post', posts(open), { id, body: 'meins' }).expect(409);
    expect(reused.body.error.code).toBe('client_id_reused');
    const list = await getFeed('bob', open);
    expect(list.posts.filter((p) => p.id === id)).toHaveLength(1);
    expect(list.posts.find((p) => p.id === id)?.abilities).toMatchObject({
      edit: false,
      delete: false,
    });
  });

  it('validates input (400) and lets only moderators announce (403)', async () => {
    await createPost('alice', open, { body: '   ' }).expect(400);
    await write('alice', 'post', posts(open), { id: 'nope', body: 'x' }).expect(400);
    await createPost('alice', open, { body: 'x', extra: 1 }).expect(400);
    await createPost('alice', open, { body: 'Wichtig', announcement: true }).expect(403);
    const ok = await createPost('mod', open, { body: 'Wichtig', announcement: true }).expect(201);
    expect(ok.body.data.announcement).toBe(true);
    expect(seen.find((e) => e.itemId === ok.body.data.id)).toMatchObject({
      module: 'post',
      kind: 'created',
      activity: true,
      announcement: true,
    });
  });

  it('edit: author only (403), rev-guarded (409 stale_copy); delete: author or moderator', async () => {
    const p = (await createPost('alice', open, { body: 'Entwurf' }).expect(201)).body
      .data as PostDTO;
    await write('bob', 'patch', post(open, p.id), { rev: 0, body: 'Fremd' }).expect(403);
    await write('mod', 'patch', post(open, p.id), { rev: 0, body: 'Fremd' }).expect(403);
    const edited = await write('alice', 'patch', post(open, p.id), {
      rev: 0,
      body: 'Fertig',
    }).expect(200);
    expect(edited.body.data).toMatchObject({ body: 'Fertig', rev: 1 });
    expect(edited.body.data.editedAt).not.toBeNull();
    const stale = await write('alice', 'patch', post(open, p.id), { rev: 0, body: 'Alt' }).expect(
      409,
    );
    expect(stale.body.error.code).toBe('stale_copy');
    await write('alice', 'patch', post(open, p.id), { body: 'ohne rev' }).expect(400);

    await write('bob', 'delete', post(open, p.id)).expect(403);
    await write('mod', 'delete', post(open, p.id)).expect(200);
    await s.alice.agent.get(post(open, p.id)).expect(404);
    await write('alice', 'delete', post(open, p.id)).expect(404);
    expect((await getFeed('alice', open)).posts.some((x) => x.id === p.id)).toBe(false);
    await s.alice.agent.get(post(open, randomUUID())).expect(404);
  });

  it('pins: moderators only, at most five, pinned posts above the stream', async () => {
    const room = await makeRoom({
      createdBy: ids.owner,
      members: [
        { personId: ids.owner, role: 'owner' },
        { personId: ids.mod, role: 'moderator' },
        { personId: ids.alice, role: 'member' },
      ],
    });
    const made: PostDTO[] = [];
    for (let i = 0; i < 6; i += 1) {
      made.push((await createPost('alice', room, { body: `Post ${i}` }).expect(201)).body.data);
    }
    await write('alice', 'put', `${post(room, made[0]!.id)}/pin`, { pinned: true }).expect(403);
    for (const p of made.slice(0, 5)) {
      const r = await write('mod', 'put', `${post(room, p.id)}/pin`, { pinned: true }).expect(200);
      expect(r.body.data.pinned).toBe(true);
    }
    // Repeating a pin changes nothing and is not refused by the limit.
    await write('mod', 'put', `${post(room, made[0]!.id)}/pin`, { pinned: true }).expect(200);
    const full = await write('owner', 'put', `${post(room, made[5]!.id)}/pin`, {
      pinned: true,
    }).expect(409);
    expect(full.body.error.code).toBe('conflict');
    expect(full.body.error.message).toMatch(/5/);
    await write('mod', 'put', `${post(room, made[0]!.id)}/pin`, { pinned: false }).expect(200);
    await write('owner', 'put', `${post(room, made[5]!.id)}/pin`, { pinned: true }).expect(200);

    const page = await getFeed('alice', room);
    expect(page.pinned.map((p) => p.id).sort()).toEqual(
      made
        .slice(1)
        .map((p) => p.id)
        .sort(),
    );
    expect(page.pinned[0]?.id).toBe(made[5]!.id); // most recently pinned first
    expect(page.posts.map((p) => p.id)).toEqual([made[0]!.id]);
    expect(page.pinned[0]?.abilities.pin).toBe(false);
    expect((await getFeed('mod', room)).pinned[0]?.abilities.pin).toBe(true);
  });

  it('pages newest first past the cached window (cursor), without duplicates', async () => {
    const room = await makeRoom({
      createdBy: ids.owner,
      members: [{ personId: ids.owner, role: 'owner' }],
    });
    const made: string[] = [];
    for (let i = 0; i < 37; i += 1) {
      made.push((await createPost('owner', room, { body: `Nr. ${i}` }).expect(201)).body.data.id);
    }
    const got: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `?limit=10${cursor ? `&before=${cursor}` : ''}`;
      const res = await s.owner.agent.get(feed(room) + q).expect(200);
      const page = res.body.data as FeedPageDTO;
      expect(res.body.nextCursor).toBe(page.nextCursor);
      got.push(...page.posts.map((p) => p.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(got).toEqual([...made].reverse());
    await s.owner.agent.get(feed(room) + '?before=a!b').expect(400);
    await s.owner.agent.get(feed(room) + '?limit=51').expect(400);
    await s.owner.agent.get(feed(room) + '?before=YWJj').expect(400);
  });

  it('mentions: members only (non-members dropped, never the writer)', async () => {
    const body = '@fralice und @frcarol und @frbob, ich @fralice bin @frmod? Nein: @niemand';
    const p = (await createPost('mod', open, { body }).expect(201)).body.data as PostDTO;
    const e = seen.find((x) => x.itemId === p.id && x.module === 'post');
    expect(new Set(e?.mentionedIds)).toEqual(new Set([ids.alice, ids.bob]));
    expect(p.body).toBe(body);
  });

  it('XSS: script tags and javascript: links come back as the plain text that was sent', async () => {
    const body =
      '<script>alert(1)</script> [klick](javascript:alert(1)) <img src=x onerror=alert(1)>';
    const res = await createPost('alice', open, { body }).expect(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.data.body).toBe(body);
    const got = await s.bob.agent.get(post(open, res.body.data.id)).expect(200);
    expect(got.body.data.body).toBe(body);
    // What the client renders: text nodes, and no link to a javascript: address.
    const hrefs: string[] = [];
    const walk = (nodes: MdInline[]) => {
      for (const n of nodes) {
        if (n.type === 'link') hrefs.push(n.href);
        if ('children' in n) walk(n.children);
      }
    };
    const blocks = (bs: MdBlock[]) => {
      for (const b of bs) {
        if (b.type === 'paragraph') walk(b.children);
        else if (b.type === 'quote') blocks(b.children);
        else if (b.type === 'list') b.items.forEach(walk);
      }
    };
    blocks(parseMarkdown(body));
    expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
  });
});

describe('room feed: reactions and comments', () => {
  it('reactions are a set per person: idempotent on and off', async () => {
    const p = (await createPost('alice', open, { body: 'Gefällt?' }).expect(201)).body
      .data as PostDTO;
    const url = `${post(open, p.id)}/reactions`;
    await write('bob', 'put', url, { reaction: 'like', on: true }).expect(200);
    const twice = await write('bob', 'put', url, { reaction: 'like', on: true }).expect(200);
    expect(twice.body.data.reactions[0]).toEqual({ reaction: 'like', count: 1, mine: true });
    const other = await write('alice', 'put', url, { reaction: 'like', on: true }).expect(200);
    expect(other.body.data.reactions[0]).toEqual({ reaction: 'like', count: 2, mine: true });
    await write('bob', 'put', url, { reaction: 'like', on: false }).expect(200);
    const gone = await write('bob', 'put', url, { reaction: 'like', on: false }).expect(200);
    expect(gone.body.data.reactions[0]).toEqual({ reaction: 'like', count: 1, mine: false });
    await write('bob', 'put', url, { reaction: 'wow', on: true }).expect(400);
    await write('carol', 'put', url, { reaction: 'like', on: true }).expect(403);
    const reactionEvents = seen.filter((e) => e.itemId === p.id && e.module === 'reaction');
    expect(reactionEvents.every((e) => !e.activity)).toBe(true);
    expect(reactionEvents).toHaveLength(3); // only real changes
  });

  it('keeps all of 20 parallel comments; feed shows the last 3, the post all', async () => {
    const p = (await createPost('alice', open, { body: 'Diskussion' }).expect(201)).body
      .data as PostDTO;
    const url = `${post(open, p.id)}/comments`;
    const who: Who[] = ['alice', 'bob', 'mod', 'owner'];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        write(who[i % who.length]!, 'post', url, { id: randomUUID(), body: `Kommentar ${i}` }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const full = (await s.bob.agent.get(post(open, p.id)).expect(200)).body.data as PostDTO;
    expect(full.commentCount).toBe(20);
    expect(full.comments).toHaveLength(20);
    expect(new Set(full.comments.map((c) => c.body)).size).toBe(20);
    const inFeed = (await getFeed('bob', open)).posts.find((x) => x.id === p.id);
    expect(inFeed?.commentCount).toBe(20);
    expect(inFeed?.comments.map((c) => c.id)).toEqual(full.comments.slice(-3).map((c) => c.id));
  });

  it('comments: idempotent by id, reuse 409, delete by author or moderator', async () => {
    const p = (await createPost('alice', open, { body: 'Fragen?' }).expect(201)).body
      .data as PostDTO;
    const url = `${post(open, p.id)}/comments`;
    const cid = randomUUID();
    const first = await write('bob', 'post', url, { id: cid, body: 'Ja, @fralice' }).expect(201);
    const c = first.body.data as PostCommentDTO;
    expect(c).toMatchObject({ id: cid, body: 'Ja, @fralice', abilities: { delete: true } });
    expect(c.author.id).toBe(ids.bob);
    await write('bob', 'post', url, { id: cid, body: 'Ja, @fralice' }).expect(200);
    const reused = await write('alice', 'post', url, { id: cid, body: 'x' }).expect(409);
    expect(reused.body.error.code).toBe('client_id_reused');
    const ev = seen.find(
      (e) => e.itemId === p.id && e.module === 'comment' && e.kind === 'created',
    );
    expect(ev).toMatchObject({ activity: true, mentionedIds: [ids.alice] });
    await write('bob', 'post', url, { id: randomUUID(), body: '' }).expect(400);
    await write('carol', 'post', url, { id: randomUUID(), body: 'x' }).expect(403);
    await write('bob', 'post', `${post(open, randomUUID())}/comments`, {
      id: randomUUID(),
      body: 'x',
    }).expect(404);

    await write('alice', 'delete', `${url}/${cid}`).expect(403);
    const del = await write('bob', 'delete', `${url}/${cid}`).expect(200);
    expect((del.body.data as PostDTO).commentCount).toBe(0);
    await write('bob', 'delete', `${url}/${cid}`).expect(404);
    const other = randomUUID();
    await write('alice', 'post', url, { id: other, body: 'noch was' }).expect(201);
    await write('mod', 'delete', `${url}/${other}`).expect(200);
    await write('mod', 'delete', `${url}/not-a-uuid`).expect(400);
  });
});
