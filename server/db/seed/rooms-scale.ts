import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import type { PostReaction, RoomTemplateKey, RoomVisibility } from '@shared/rooms/schemas';
import { roomTemplates } from '@shared/rooms/templates';
import { RoomModel } from '../../modules/rooms/room.model';
import { RoomMembersModel, type RoomMemberEntry } from '../../modules/rooms/member.model';
import { RoomPostModel, type StoredPost } from '../../modules/rooms/feed/post.model';
import { RoomActivityModel, type ActivityEntry } from '../../modules/rooms/activity/activity.model';
import { ACTIVITY_KEEP } from '../../modules/rooms/activity/activity';

/**
 * Team rooms at city scale for the benchmark: bulk inserts in exactly the stored format of the
 * models (`rooms`, `room_members`, `room_posts`, `room_activity`). Chat channels and wiki spaces
 * are not provisioned (the feed does not touch them), so the rooms have those modules off.
 */
export interface RoomsScaleOptions {
  rooms: number;
  members: number;
  posts: number;
  /** Person ids to draw members from. */
  people: string[];
  seed?: number;
  log?: (msg: string) => void;
}

export interface RoomsScaleResult {
  roomIds: string[];
  /** Members of each room (by room id), for picking (member, room) pairs. */
  membersOf: Map<string, string[]>;
  posts: number;
  comments: number;
  ms: number;
}

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const topics = [
  'E-Akte',
  'Bürgerbüro',
  'Wohngeld digital',
  'Schulsanierung',
  'Radverkehr',
  'Klimaneutral 2035',
  'Kita-Platzvergabe',
  'Open Data',
  'Baugenehmigung online',
  'Personalgewinnung',
  'Stadtfest',
  'Friedhofsverwaltung',
];
const kinds: [RoomTemplateKey, RoomVisibility, string][] = [
  ['project', 'closed', 'Projekt'],
  ['project', 'open', 'Projekt'],
  ['community', 'open', 'Community'],
  ['office', 'secret', 'Team'],
];
const sentences = [
  'Kurzer Stand aus unserem Team: die Abstimmung mit dem Fachamt läuft.',
  'Bitte denkt an die Rückmeldung bis Freitag.',
  'Das Protokoll der letzten Sitzung liegt in den Dateien.',
  'Wer kann beim nächsten Termin die Moderation übernehmen?',
  'Danke für die schnelle Hilfe gestern!',
  'Die Vorlage für den Gemeinderat ist abgestimmt.',
];
const reactionKeys: PostReaction[] = ['like', 'thanks', 'idea'];
const DAY = 86_400_000;

export async function seedRoomsScale(opts: RoomsScaleOptions): Promise<RoomsScaleResult> {
  const started = Date.now();
  const rand = prng(opts.seed ?? 42);
  const pickIndex = (n: number) => Math.floor(rand() * n);
  const log = opts.log ?? (() => undefined);
  const now = Date.now();
  const roomIds: string[] = [];
  const membersOf = new Map<string, string[]>();
  let posts = 0;
  let comments = 0;
  let batch = {
    rooms: [] as object[],
    members: [] as object[],
    posts: [] as object[],
    activity: [] as object[],
  };
  const flush = async () => {
    if (batch.rooms.length === 0) return;
    await RoomModel.collection.insertMany(batch.rooms as never[], { ordered: false });
    await RoomMembersModel.collection.insertMany(batch.members as never[], { ordered: false });
    if (batch.posts.length) await RoomPostModel.collection.insertMany(batch.posts as never[]);
    if (batch.activity.length) {
      await RoomActivityModel.collection.insertMany(batch.activity as never[]);
    }
    batch = { rooms: [], members: [], posts: [], activity: [] };
  };

  for (let r = 0; r < opts.rooms; r++) {
    const _id = new Types.ObjectId();
    const roomId = String(_id);
    const [template, visibility, label] = kinds[r % kinds.length] as (typeof kinds)[number];
    // Distinct random people: owner first, then two moderators, then members.
    const chosen = new Set<string>();
    while (chosen.size < Math.min(opts.members, opts.people.length)) {
      chosen.add(opts.people[pickIndex(opts.people.length)] as string);
    }
    const ids = [...chosen];
    const created = new Date(now - (30 + pickIndex(300)) * DAY);
    const members: Record<string, RoomMemberEntry> = {};
    ids.forEach((id, i) => {
      members[id] = {
        role: i === 0 ? 'owner' : i < 3 ? 'moderator' : 'member',
        joinedAt: new Date(created.getTime() + i * 60_000),
      };
    });
    const modules = { ...roomTemplates[template].modules, chat: false, wiki: false };
    batch.rooms.push({
      _id,
      clientId: randomUUID(),
      name: `${label} ${topics[r % topics.length]} ${r + 1}`,
      description: `Raum ${r + 1} für ${topics[r % topics.length]}: Abstimmung, Termine und Dateien.`,
      visibility,
      template,
      modules,
      imageId: null,
      conversationId: null,
      wikiSpaceId: null,
      reviewBy: null,
      reviewRemindedFor: null,
      archived: false,
      archivedAt: null,
      archivedBy: null,
      createdBy: new Types.ObjectId(ids[0]),
      memberCount: ids.length,
      rev: 0,
      createdAt: created,
      updatedAt: created,
    });
    batch.members.push({ _id, members });
    roomIds.push(roomId);
    membersOf.set(roomId, ids);

    const entries: ActivityEntry[] = [];
    for (let p = 0; p < opts.posts; p++) {
      const at = new Date(now - (opts.posts - p) * (DAY / 3) - pickIndex(3_600_000));
      const authorId = ids[pickIndex(ids.length)] as string;
      const postId = randomUUID();
      const postComments = Array.from({ length: pickIndex(4) }, (_, c) => ({
        id: randomUUID(),
        authorId: ids[pickIndex(ids.length)] as string,
        body: sentences[(p + c + 1) % sentences.length] as string,
        createdAt: new Date(at.getTime() + (c + 1) * 600_000),
      }));
      const reactions: StoredPost['reactions'] = {};
      for (const key of reactionKeys) {
        if (rand() < 0.5) continue;
        reactions[key] = Array.from(
          { length: 1 + pickIndex(8) },
          () => ids[pickIndex(ids.length)] as string,
        ).filter((v, i, all) => all.indexOf(v) === i);
      }
      const pinned = p === 0 && r % 5 === 0;
      const post: StoredPost = {
        _id: postId,
        roomId,
        authorId,
        body: `${sentences[p % sentences.length] as string} (${topics[r % topics.length]}, Beitrag ${p + 1})`,
        announcement: p === 0 && r % 7 === 0,
        pinned,
        pinnedAt: pinned ? at : null,
        fileIds: [],
        files: [],
        reactions,
        comments: postComments,
        createdAt: at,
        editedAt: null,
        deletedAt: null,
        deletedBy: null,
        rev: 0,
        seq: postComments.length,
      };
      batch.posts.push(post);
      posts += 1;
      comments += postComments.length;
      entries.push({ kind: 'post', at, actorId: authorId, itemId: postId });
      for (const c of postComments) {
        entries.push({ kind: 'comment', at: c.createdAt, actorId: c.authorId, itemId: postId });
      }
    }
    if (entries.length) {
      entries.sort((a, b) => a.at.getTime() - b.at.getTime());
      batch.activity.push({ _id: roomId, entries: entries.slice(-ACTIVITY_KEEP) });
    }
    if (batch.rooms.length >= 100) {
      await flush();
      if ((r + 1) % 500 === 0) log(`rooms: ${r + 1} / ${opts.rooms}`);
    }
  }
  await flush();
  return { roomIds, membersOf, posts, comments, ms: Date.now() - started };
}
