import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { Types } from 'mongoose';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, session, type Session } from '../../test/app';
import { AuditModel } from '../audit/audit.model';
import { makeArticle, makeNewsOrg, type NewsOrg } from './engagement.fixtures';

useTestDatabase();

let app: Express;
let org: NewsOrg;
let mandatory: string;
let plain: string;
const s: Record<string, Session> = {};
const deadline = new Date(Date.now() + 7 * 24 * 3_600_000);

beforeAll(async () => {
  app = makeTestApp();
  org = await makeNewsOrg();
  mandatory = await makeArticle(org, { mandatory: { deadline, round: 1 } });
  plain = await makeArticle(org, { allowReactions: false });
  for (const name of ['editor', 'chaned', 'readera', 'readera2', 'readerb']) {
    s[name] = await session(app, name);
  }
});

const ack = (who: string, id: string) =>
  s[who]!.agent.post(`/api/news/${id}/acknowledge`).set('X-CSRF-Token', s[who]!.csrf);
const dashboard = (who: string, id: string) =>
  s[who]!.agent.get(`/api/news/${id}/acknowledgements`);
const csv = (who: string, id: string) => s[who]!.agent.get(`/api/news/${id}/acknowledgements.csv`);
const react = (who: string, id: string, reaction?: string) =>
  reaction
    ? s[who]!.agent.put(`/api/news/${id}/reaction`)
        .set('X-CSRF-Token', s[who]!.csrf)
        .send({ reaction })
    : s[who]!.agent.delete(`/api/news/${id}/reaction`).set('X-CSRF-Token', s[who]!.csrf);

describe('acknowledge', () => {
  it('401 / 400 / 404 for anonymous, malformed and unknown', async () => {
    await request(app).post(`/api/news/${mandatory}/acknowledge`).expect(403); // CSRF first
    await request(app).get(`/api/news/${mandatory}/acknowledgements`).expect(401);
    await ack('readera', 'x').expect(400);
    await ack('readera', String(new Types.ObjectId())).expect(404);
  });

  it('is idempotent: a repeat answers 200 with the first time', async () => {
    const first = await ack('readera', mandatory).expect(200);
    expect(first.body.data).toMatchObject({ articleId: mandatory, round: 1 });
    const again = await ack('readera', mandatory).expect(200);
    expect(again.body.data.acknowledgedAt).toBe(first.body.data.acknowledgedAt);
  });

  it('refuses people outside the audience (404) and articles without acknowledgement (403)', async () => {
    await ack('readerb', mandatory).expect(404);
    await ack('readera', plain).expect(403);
    // The editor may see the article but is not in its audience: nothing to confirm.
    await ack('editor', mandatory).expect(403);
  });
});

describe('acknowledgement dashboard', () => {
  it('shows editors the completion per office and who is missing', async () => {
    const res = await dashboard('chaned', mandatory).expect(200);
    const d = res.body.data;
    expect(d).toMatchObject({ articleId: mandatory, round: 1, total: 3, acknowledged: 1 });
    expect(d.deadline).toBe(deadline.toISOString());
    expect(d.offices).toEqual([
      {
        id: String(org.units.officeA._id),
        name: 'Amt für Digitalisierung',
        total: 3,
        acknowledged: 1,
      },
    ]);
    expect(d.pending.map((p: { id: string }) => p.id).sort()).toEqual(
      [org.people.readerA2.id, org.people.chanEd.id].sort(),
    );
    expect(d.pendingTruncated).toBe(false);
    expect(await AuditModel.countDocuments({ action: 'news.acknowledgements.export' })).toBe(1);
  });

  it('is refused to readers (403), outsiders and unknown ids (404), plain articles (404)', async () => {
    await dashboard('readera', mandatory).expect(403);
    await dashboard('readerb', mandatory).expect(404);
    await dashboard('editor', String(new Types.ObjectId())).expect(404);
    await dashboard('editor', plain).expect(404);
    await csv('readera', mandatory).expect(403);
    await csv('readerb', mandatory).expect(404);
  });

  it('exports CSV with a BOM, formula-safe cells, and an audit entry', async () => {
    const res = await csv('editor', mandatory).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="kenntnisnahme-/);
    const text = res.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('name;unit;office;acknowledgedAt');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.startsWith('Test Aal'))).toMatch(
      /^Test Aal;Abteilung Service;Amt für Digitalisierung;\d{4}-\d\d-\d\dT/,
    );
    // Defused and quoted: `'=HYPERLINK("x") Formel`, pending (empty time).
    expect(lines).toContain(
      `"'=HYPERLINK(""x"") Formel";Abteilung Service;Amt für Digitalisierung;`,
    );
    expect(
      await AuditModel.countDocuments({
        action: 'news.acknowledgements.export',
        'detail.format': 'csv',
      }),
    ).toBe(1);
  });
});

describe('reactions', () => {
  it('one reaction per person, totals follow changes, repeats change nothing', async () => {
    const a = await react('readera', mandatory, 'like').expect(200);
    expect(a.body.data).toEqual({ reaction: 'like', reactions: { like: 1 } });
    await react('readera', mandatory, 'like').expect(200);
    const b = await react('readera2', mandatory, 'like').expect(200);
    expect(b.body.data.reactions).toEqual({ like: 2 });
    const c = await react('readera', mandatory, 'thanks').expect(200);
    expect(c.body.data.reactions).toEqual({ like: 1, thanks: 1 });
    const d = await react('readera', mandatory).expect(200);
    expect(d.body.data).toEqual({ reaction: null, reactions: { like: 1 } });
  });

  it('401, 400, 403 when reactions are off, 404 outside the audience', async () => {
    await request(app).delete(`/api/news/${mandatory}/reaction`).expect(403); // CSRF
    await react('readera', mandatory, 'love').expect(400);
    await react('readera', plain, 'like').expect(403);
    await react('readerb', mandatory, 'like').expect(404);
  });
});

describe('acknowledgement rounds', () => {
  it('switching the requirement off and on again asks everyone anew', async () => {
    const id = await makeArticle(org, { mandatory: { deadline, round: 1 } });
    await ack('readera', id).expect(200);
    const fields = (mandatoryOn: boolean, rev: number) => ({
      channelId: String(org.channel._id),
      variants: { de: { title: 'Neue Regeln', teaser: '', body: '<p>Text</p>' } },
      audience: {
        units: [{ unitId: String(org.units.officeA._id), withSubunits: true }],
        roles: [],
        locationIds: [],
      },
      mandatory: mandatoryOn ? { deadline: deadline.toISOString() } : null,
      rev,
    });
    const edit = (body: object) =>
      s.editor!.agent.patch(`/api/news/${id}`).set('X-CSRF-Token', s.editor!.csrf).send(body);
    const off = await edit(fields(false, 0)).expect(200);
    expect(off.body.data.mandatory).toBeNull();
    const on = await edit(fields(true, off.body.data.rev as number)).expect(200);
    expect(on.body.data.mandatory.round).toBe(2);
    const seen = await s.readera!.agent.get(`/api/news/${id}`).expect(200);
    expect(seen.body.data.viewer.acknowledgedAt).toBeNull();
    const again = await ack('readera', id).expect(200);
    expect(again.body.data.round).toBe(2);
  });
});
