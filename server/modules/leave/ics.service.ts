import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import mongoose, { Schema, model } from 'mongoose';
import { createKeyedCache } from '../../lib/keyed-cache';
import { withKeyLock } from '../../lib/keyed-lock';
import { peopleFromDirectory } from '../people/directory-index';
import { leaveTypes } from './leave-type.model';
import { leaveIndex } from './request-index';
import { writeIcs, type IcsEvent } from './ics';

/**
 * The personal leave feed (`/api/leave/feed/<token>.ics`): the token is the only credential, so
 * it is long, per person, revocable, and never stored in plain. The per-person document (`_id` =
 * person id) holds a random nonce and the SHA-256 of the token; the token itself is an HMAC of
 * person id and nonce under a server key (generated once into `system`), so `GET /ics` can show
 * the link again while a copy of the collection alone cannot be used to read anyone's feed.
 * `POST /ics` draws a new nonce: the old link stops working at once.
 */
interface IcsDoc {
  _id: string;
  nonce: string;
  hash: string;
}
const icsSchema = new Schema<IcsDoc>(
  {
    _id: { type: String, required: true },
    nonce: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { timestamps: true, _id: false },
);
export const LeaveIcsModel = model<IcsDoc>('LeaveIcs', icsSchema, 'leave_ics');

const cache = createKeyedCache<IcsDoc | null>({
  name: 'leave-ics',
  max: 5000,
  load: (personId) => LeaveIcsModel.findById(personId).lean<IcsDoc>().exec(),
});

let keyPromise: Promise<Buffer> | null = null;
function serverKey(): Promise<Buffer> {
  keyPromise ??= (async () => {
    const db = mongoose.connection.db;
    if (!db) throw new Error('database not connected');
    const col = db.collection<{ _id: string; value: string }>('system');
    await col.updateOne(
      { _id: 'leave-ics-key' },
      { $setOnInsert: { value: randomBytes(32).toString('base64url') } },
      { upsert: true },
    );
    const doc = await col.findOne({ _id: 'leave-ics-key' });
    if (!doc) throw new Error('ics key missing');
    return Buffer.from(doc.value, 'base64url');
  })().catch((err: unknown) => {
    keyPromise = null;
    throw err;
  });
  return keyPromise;
}

/** Tests (each file has its own database): forget the key and the cached documents. */
export function resetIcsState(): void {
  keyPromise = null;
  cache.clear();
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const tokenOf = (key: Buffer, personId: string, nonce: string) =>
  `${personId}.${createHmac('sha256', key).update(`${personId}:${nonce}`).digest('base64url')}`;

async function writeToken(personId: string): Promise<string> {
  const key = await serverKey();
  const nonce = randomBytes(16).toString('hex');
  const token = tokenOf(key, personId, nonce);
  const doc: IcsDoc = { _id: personId, nonce, hash: sha256(token) };
  await LeaveIcsModel.updateOne(
    { _id: personId },
    { $set: { nonce, hash: doc.hash } },
    { upsert: true },
  );
  cache.set(personId, doc);
  return token;
}

/** The person's feed token (created on first use). */
export function icsToken(personId: string): Promise<string> {
  return withKeyLock(`leave-ics:${personId}`, async () => {
    const doc = await cache.get(personId);
    if (!doc) return writeToken(personId);
    return tokenOf(await serverKey(), personId, doc.nonce);
  });
}

/** A new token; the previous link no longer works. */
export function renewIcsToken(personId: string): Promise<string> {
  return withKeyLock(`leave-ics:${personId}`, () => writeToken(personId));
}

/** The person a token belongs to, or null (unknown, replaced, malformed). */
export async function personOfToken(token: string): Promise<string | null> {
  const personId = token.split('.')[0] ?? '';
  if (!/^[0-9a-f]{24}$/.test(personId)) return null;
  const doc = await cache.get(personId);
  if (!doc) return null;
  const a = Buffer.from(sha256(token), 'hex');
  const b = Buffer.from(doc.hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b) ? personId : null;
}

/** The feed: the person's approved leave (also while a cancellation waits), type as summary. */
export async function icsFeed(personId: string): Promise<string | null> {
  const [person] = await peopleFromDirectory([personId]);
  if (!person || person.active === false) return null;
  const [index, types] = await Promise.all([leaveIndex(), leaveTypes()]);
  const typeById = new Map(types.map((t) => [t.id, t]));
  const events: IcsEvent[] = index
    .byPerson(personId)
    .filter((r) => r.status === 'approved' || r.status === 'cancel_requested')
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .map((r) => {
      const type = typeById.get(r.typeId);
      const halves = [
        r.halfStart ? `Erster Tag: nur nachmittags` : '',
        r.halfEnd ? `Letzter Tag: nur vormittags` : '',
      ].filter(Boolean);
      return {
        uid: `leave-${r.id}@mitarbeiterportal.stuttgart`,
        from: r.from,
        to: r.to,
        summary: type?.name.de ?? 'Urlaub',
        description: [`${r.days} Arbeitstage`, ...halves].join('\n'),
        stamp: r.doc.updatedAt ?? r.createdAt,
      };
    });
  return writeIcs({ name: `Urlaub – ${person.displayName}`, events });
}
