import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import type { JSONContent } from '@tiptap/core';
import type {
  DiffDTO,
  PageDTO,
  PageRefDTO,
  RevisionDTO,
  RevisionDetailDTO,
  SpaceDTO,
} from '@shared/wiki/types';
import { useTestDatabase } from '../../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../../test/app';
import { pageLinkHref } from '@shared/wiki/extensions';
import { setPageContent } from './revision.service';
import { RevisionModel } from './revision.model';
import { getPageBody } from './content.service';

useTestDatabase();

type Who = 'owner' | 'editor' | 'reader' | 'outsider' | 'admin2';
let app: Express;
const ids = {} as Record<Who, string>;
const s = {} as Record<Who, Session>;
let open: SpaceDTO;
let approval: SpaceDTO;
const W = '/api/wiki';

const send = (who: Who, path: string, body: object = {}) =>
  s[who].agent.post(path).set('X-CSRF-Token', s[who].csrf).send(body);
const get = (who: Who, path: string) => s[who].agent.get(path);
const doc = (text: string): JSONContent => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const newPage = async (space: SpaceDTO, title: string) =>
  (await send('owner', `${W}/pages`, { id: randomUUID(), spaceId: space.id, title }).expect(201))
    .body.data as PageDTO;
const revisions = async (who: Who, pageId: string) =>
  (await get(who, `${W}/pages/${pageId}/revisions`).expect(200)).body.data as RevisionDTO[];

beforeAll(async () => {
  app = makeTestApp();
  const owner = await makePerson({ username: 'ct-owner', roles: ['employee', 'editor'] });
  const unitId = owner.unitId;
  const people: Record<Who, { id: string }> = {
    owner,
    editor: await makePerson({ username: 'ct-editor', unitId }),
    reader: await makePerson({ username: 'ct-reader', unitId }),
    admin2: await makePerson({ username: 'ct-admin2', unitId }),
    outsider: await makePerson({ username: 'ct-outsider' }),
  };
  for (const [who, p] of Object.entries(people) as [Who, { id: string }][]) {
    ids[who] = p.id;
    s[who] = await session(app, `ct-${who}`);
  }
  const audience = { units: [{ unitId, withSubunits: true }], roles: [], locationIds: [] };
  for (const [key, approvalRequired] of [
    ['ct-open', false],
    ['ct-approval', true],
  ] as const) {
    const space = (
      await send('owner', `${W}/spaces`, {
        key,
        name: key,
        kind: 'topic',
        audience,
        approvalRequired,
      }).expect(201)
    ).body.data as SpaceDTO;
    for (const [who, role] of [
      ['editor', 'editor'],
      ['admin2', 'admin'],
    ] as const) {
      await s.owner.agent
        .put(`${W}/spaces/${space.id}/members`)
        .set('X-CSRF-Token', s.owner.csrf)
        .send({ personId: ids[who], role })
        .expect(200);
    }
    if (approvalRequired) approval = space;
    else open = space;
  }
});

describe('wiki content routes', () => {
  it('401 without a session, 404 for people who cannot read, on every S2 route', async () => {
    const page = await newPage(open, 'Geheim?');
    const [rev] = await revisions('owner', page.id);
    const p = `${W}/pages/${page.id}`;
    const gets = [
      `${p}/revisions`,
      `${p}/revisions/${rev!.id}`,
      `${p}/diff?from=${rev!.id}&to=${rev!.id}`,
      `${p}/export.html`,
      `${p}/export.md`,
    ];
    const posts = [
      `${p}/revisions`,
      `${p}/revisions/${rev!.id}/restore`,
      `${p}/review`,
      `${p}/review/approve`,
      `${p}/review/reject`,
    ];
    const anon = request(app);
    for (const path of [...gets, `${W}/reviews`]) await anon.get(path).expect(401);
    for (const path of posts) await s.outsider.agent.post(path).expect(403); // CSRF first
    for (const path of gets) await get('outsider', path).expect(404);
    for (const path of posts) {
      await send('outsider', path, path.includes('/review') ? { rev: 0 } : {}).expect(404);
    }
    expect((await get('outsider', `${W}/reviews`).expect(200)).body.data).toEqual([]);
  });

  it('readers read history and export but cannot save or restore; 400 on bad input', async () => {
    const page = await newPage(open, 'Öffnungszeiten <script>');
    await setPageContent(page.id, doc('Montag bis Freitag <b>8–16 Uhr</b>'), ids.editor);
    const [created] = await revisions('reader', page.id);
    await send('reader', `${W}/pages/${page.id}/revisions`, {}).expect(403);
    await send('reader', `${W}/pages/${page.id}/revisions/${created!.id}/restore`).expect(403);
    await get('reader', `${W}/pages/${page.id}/diff?from=${created!.id}`).expect(400);
    await get('reader', `${W}/pages/${page.id}/revisions/${'0'.repeat(24)}`).expect(404);
    await send('editor', `${W}/pages/${page.id}/revisions`, { note: 'x'.repeat(300) }).expect(400);

    const html = await get('reader', `${W}/pages/${page.id}/export.html`).expect(200);
    expect(html.headers['content-disposition']).toMatch(/^attachment; filename=/);
    expect(html.headers['x-content-type-options']).toBe('nosniff');
    expect(html.headers['content-security-policy']).toBe(
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    );
    expect(html.text).toContain('<title>Öffnungszeiten &#60;script&#62;</title>');
    expect(html.text).toContain('<p>Montag bis Freitag &lt;b&gt;8–16 Uhr&lt;/b&gt;</p>');
    const md = await get('reader', `${W}/pages/${page.id}/export.md`).expect(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.text).toBe(
      '# Öffnungszeiten \\<script\\>\n\nMontag bis Freitag \\<b\\>8–16 Uhr\\</b\\>\n',
    );
  });

  it('editors save versions, diff them and restore an old one', async () => {
    const page = await newPage(open, 'Ablauf');
    await setPageContent(page.id, doc('Die Sitzung ist am Montag.'), ids.editor);
    const saved = await send('editor', `${W}/pages/${page.id}/revisions`, { note: 'v1' }).expect(
      201,
    );
    const v1 = saved.body.data as RevisionDTO;
    expect(v1).toMatchObject({ kind: 'manual', note: 'v1', number: 2 });
    expect(v1.authors.map((a) => a.id)).toEqual([ids.editor]);
    await setPageContent(page.id, doc('Die Sitzung ist am Dienstag.'), ids.owner);
    const v2 = (await send('owner', `${W}/pages/${page.id}/revisions`, {}).expect(201)).body
      .data as RevisionDTO;

    const one = (await get('reader', `${W}/pages/${page.id}/revisions/${v1.id}`).expect(200)).body
      .data as RevisionDetailDTO;
    expect(one.html).toBe('<p>Die Sitzung ist am Montag.</p>');
    const diff = (
      await get('reader', `${W}/pages/${page.id}/diff?from=${v1.id}&to=${v2.id}`).expect(200)
    ).body.data as DiffDTO;
    expect(diff.blocks[0]!.parts).toEqual([
      { op: 'same', text: 'Die Sitzung ist am ' },
      { op: 'removed', text: 'Montag' },
      { op: 'added', text: 'Dienstag' },
      { op: 'same', text: '.' },
    ]);

    const restored = await send(
      'editor',
      `${W}/pages/${page.id}/revisions/${v1.id}/restore`,
    ).expect(200);
    expect((restored.body.data as RevisionDTO).kind).toBe('restore');
    expect((await getPageBody(page.id)).published?.html).toBe('<p>Die Sitzung ist am Montag.</p>');
    expect((await revisions('reader', page.id)).map((r) => r.kind)).toEqual([
      'restore',
      'manual',
      'manual',
      'created',
    ]);
    // Another page's revision is not found here.
    const other = await newPage(open, 'Anderes');
    await get('reader', `${W}/pages/${other.id}/revisions/${v1.id}`).expect(404);
  });
});

describe('wiki revision numbers', () => {
  it('skips a number another instance took for the same page (unique per page)', async () => {
    const page = await newPage(open, 'Zwei Instanzen');
    // Another instance kept version 2 at the same moment (its list entry is not here yet).
    await RevisionModel.create({
      pageId: page.id,
      number: 2,
      kind: 'idle',
      state: Buffer.from([0, 0]),
      json: JSON.stringify(doc('anderswo')),
    });
    const saved = (await send('editor', `${W}/pages/${page.id}/revisions`, {}).expect(201)).body
      .data as RevisionDTO;
    expect(saved.number).toBe(3);
  });
});

describe('wiki review flow', () => {
  it('hides history from readers, publishes only after approval; exactly one decision wins', async () => {
    const page = await newPage(approval, 'Dienstanweisung');
    await get('reader', `${W}/pages/${page.id}/revisions`).expect(403);
    await setPageContent(page.id, doc('Neue Fassung'), ids.editor);
    expect((await getPageBody(page.id)).published?.html).not.toContain('Neue Fassung');

    await send('reader', `${W}/pages/${page.id}/review`, { rev: page.rev }).expect(403);
    await send('editor', `${W}/pages/${page.id}/review`, { rev: page.rev + 5 }).expect(409);
    const submitted = await send('editor', `${W}/pages/${page.id}/review`, {
      rev: page.rev,
    }).expect(200);
    const rev = submitted.body.data.rev as number;
    await send('editor', `${W}/pages/${page.id}/review`, { rev }).expect(409);

    // The requester (here: an editor) cannot approve; space admins see it in their list.
    await send('editor', `${W}/pages/${page.id}/review/approve`, { rev }).expect(403);
    const waiting = (await get('admin2', `${W}/reviews`).expect(200)).body.data as { id: string }[];
    expect(waiting.map((w) => w.id)).toContain(page.id);

    const [a, b] = await Promise.all([
      send('owner', `${W}/pages/${page.id}/review/approve`, { rev }),
      send('admin2', `${W}/pages/${page.id}/review/reject`, { rev, comment: 'Nein' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error?.code ?? loser.body.code).toBe('invalid_transition');
    const published = (await getPageBody(page.id)).published?.html ?? '';
    if (a.status === 200) {
      expect(published).toContain('Neue Fassung');
      expect((await revisions('editor', page.id))[0]!.kind).toBe('approved');
    } else {
      expect(published).not.toContain('Neue Fassung');
    }
    expect((await get('admin2', `${W}/reviews`).expect(200)).body.data).toEqual([]);
  });

  it('backlinks from an unapproved draft reach editors, readers only after approval', async () => {
    const target = await newPage(approval, 'Reisekostenrichtlinie');
    const source = await newPage(approval, 'Dienstreise beantragen');
    const linking: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'Siehe Richtlinie',
              marks: [{ type: 'link', attrs: { href: pageLinkHref(target.id) } }],
            },
          ],
        },
      ],
    };
    await setPageContent(source.id, linking, ids.editor);
    const backlinks = async (who: Who) =>
      (
        (await get(who, `${W}/pages/${target.id}/backlinks`).expect(200)).body.data as PageRefDTO[]
      ).map((p) => p.id);
    expect(await backlinks('editor')).toEqual([source.id]);
    expect(await backlinks('reader')).toEqual([]);

    const submitted = await send('editor', `${W}/pages/${source.id}/review`, {
      rev: source.rev,
    }).expect(200);
    await send('owner', `${W}/pages/${source.id}/review/approve`, {
      rev: submitted.body.data.rev as number,
    }).expect(200);
    expect(await backlinks('reader')).toEqual([source.id]);
  });

  it('copying or templating in a space with approval never publishes an unapproved draft', async () => {
    const source = (
      await send('owner', `${W}/pages`, {
        id: randomUUID(),
        spaceId: approval.id,
        title: 'Vorlage Dienstreise',
        isTemplate: true,
      }).expect(201)
    ).body.data as { id: string };
    await setPageContent(source.id, doc('Ungeprüfter Entwurf'), ids.editor);
    const copy = (
      await send('editor', `${W}/pages/${source.id}/copy`, { id: randomUUID() }).expect(201)
    ).body.data as { id: string };
    const fromTemplate = (
      await send('editor', `${W}/pages`, {
        id: randomUUID(),
        spaceId: approval.id,
        title: 'Aus Vorlage',
        templateId: source.id,
      }).expect(201)
    ).body.data as { id: string };
    for (const id of [copy.id, fromTemplate.id]) {
      const body = await getPageBody(id);
      expect(body.draft?.html).toContain('Ungeprüfter Entwurf');
      expect(body.published?.html ?? '').not.toContain('Ungeprüfter Entwurf');
    }
  });

  it('submitting in a space without approval is a bad request', async () => {
    const page = await newPage(open, 'Ohne Freigabe');
    await send('editor', `${W}/pages/${page.id}/review`, { rev: page.rev }).expect(400);
  });
});
