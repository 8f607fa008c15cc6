import type { RoomModules, RoomRole, RoomTemplateKey, RoomVisibility } from '@shared/rooms/schemas';
import { cluster } from '../../lib/cluster';
import { logger } from '../../lib/logger';
import { fold } from '../../lib/text';
import { RoomMembersModel, type RoomMemberEntry, type RoomMembers } from './member.model';
import { RoomModel, type Room } from './room.model';

/**
 * Every room and every membership in memory (2,000 rooms × 200 members = 400k entries: fine).
 * Reason: on the embedded engine every filtered query decodes a whole collection, and room
 * access is checked on every request of every room module.
 *
 * Loaded once at first use (two bulk reads). Kept fresh row by row: the writer applies what it
 * wrote (`putRoomDoc` / `putRoomMembers`), other instances reload that ONE room by `_id`
 * (cluster topic), and everything reloads every 10 minutes as a safety net.
 */
export interface RoomMemberInfo {
  role: RoomRole;
  joinedAt: Date;
}

export interface RoomMeta {
  id: string;
  clientId: string;
  name: string;
  description: string;
  /** Folded name + description (umlauts, case) for search. */
  searchKey: string;
  visibility: RoomVisibility;
  template: RoomTemplateKey;
  modules: RoomModules;
  imageId: string | null;
  conversationId: string | null;
  wikiSpaceId: string | null;
  reviewBy: string | null;
  reviewRemindedFor: string | null;
  archived: boolean;
  archivedAt: Date | null;
  archivedBy: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  rev: number;
  /** = members.size (the stored count follows the same writes). */
  memberCount: number;
  ownerCount: number;
  members: Map<string, RoomMemberInfo>;
}

export interface RoomIndex {
  rooms: Map<string, RoomMeta>;
}

const TOPIC = 'rooms-room:changed';
const FULL_RELOAD_MS = 10 * 60_000;
const idOrNull = (v: unknown) => (v ? String(v) : null);

function toMembers(
  doc: Pick<RoomMembers, 'members'> | null | undefined,
): Map<string, RoomMemberInfo> {
  const out = new Map<string, RoomMemberInfo>();
  for (const [personId, m] of Object.entries(doc?.members ?? {})) {
    if (!m) continue;
    out.set(personId, { role: m.role, joinedAt: new Date(m.joinedAt) });
  }
  return out;
}

const countOwners = (members: Map<string, RoomMemberInfo>) => {
  let n = 0;
  for (const m of members.values()) if (m.role === 'owner') n += 1;
  return n;
};

function toMeta(doc: Room, members: Map<string, RoomMemberInfo>): RoomMeta {
  return {
    id: String(doc._id),
    clientId: doc.clientId,
    name: doc.name,
    description: doc.description ?? '',
    searchKey: fold(`${doc.name} ${doc.description ?? ''}`),
    visibility: doc.visibility,
    template: doc.template,
    modules: {
      feed: !!doc.modules?.feed,
      chat: !!doc.modules?.chat,
      wiki: !!doc.modules?.wiki,
      files: !!doc.modules?.files,
      events: !!doc.modules?.events,
      tasks: !!doc.modules?.tasks,
    },
    imageId: idOrNull(doc.imageId),
    conversationId: idOrNull(doc.conversationId),
    wikiSpaceId: idOrNull(doc.wikiSpaceId),
    reviewBy: doc.reviewBy ?? null,
    reviewRemindedFor: doc.reviewRemindedFor ?? null,
    archived: !!doc.archived,
    archivedAt: doc.archivedAt ?? null,
    archivedBy: idOrNull(doc.archivedBy),
    createdBy: String(doc.createdBy),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    rev: doc.rev ?? 0,
    memberCount: members.size,
    ownerCount: countOwners(members),
    members,
  };
}

class RoomStore {
  rooms = new Map<string, RoomMeta>();
  /** Members of rooms whose room document is not (yet) known here. */
  orphanMembers = new Map<string, Map<string, RoomMemberInfo>>();
  byPerson = new Map<string, Set<string>>();

  private link(roomId: string, members: Map<string, RoomMemberInfo>) {
    for (const p of members.keys()) {
      let set = this.byPerson.get(p);
      if (!set) this.byPerson.set(p, (set = new Set()));
      set.add(roomId);
    }
  }

  private unlink(roomId: string, members: Map<string, RoomMemberInfo>) {
    for (const p of members.keys()) {
      const set = this.byPerson.get(p);
      set?.delete(roomId);
      if (set?.size === 0) this.byPerson.delete(p);
    }
  }

  putRoom(doc: Room, force = false): void {
    const id = String(doc._id);
    const old = this.rooms.get(id);
    if (old && !force && old.rev > (doc.rev ?? 0)) return;
    const members = old?.members ?? this.orphanMembers.get(id) ?? new Map();
    this.orphanMembers.delete(id);
    if (!old) this.link(id, members);
    this.rooms.set(id, toMeta(doc, members));
  }

  putMembers(roomId: string, members: Map<string, RoomMemberInfo>): void {
    const old = this.rooms.get(roomId);
    if (!old) {
      this.orphanMembers.set(roomId, members);
      return;
    }
    this.unlink(roomId, old.members);
    this.link(roomId, members);
    this.rooms.set(roomId, {
      ...old,
      members,
      memberCount: members.size,
      ownerCount: countOwners(members),
    });
  }

  drop(roomId: string): void {
    const old = this.rooms.get(roomId);
    if (old) this.unlink(roomId, old.members);
    this.rooms.delete(roomId);
    this.orphanMembers.delete(roomId);
  }
}

type Pending =
  | { kind: 'room'; doc: Room; force: boolean }
  | { kind: 'members'; roomId: string; members: Map<string, RoomMemberInfo> };

let store: RoomStore | null = null;
let loadedAt = 0;
let loading: Promise<RoomStore> | null = null;
let during: Pending[] | null = null;

async function fullLoad(): Promise<RoomStore> {
  during = [];
  try {
    const [rooms, memberDocs] = await Promise.all([
      RoomModel.find({}).lean<Room[]>(),
      RoomMembersModel.find({}).lean<RoomMembers[]>(),
    ]);
    const next = new RoomStore();
    for (const m of memberDocs) next.putMembers(String(m._id), toMembers(m));
    for (const r of rooms) next.putRoom(r, true);
    for (const p of during) {
      if (p.kind === 'room') next.putRoom(p.doc, p.force);
      else next.putMembers(p.roomId, p.members);
    }
    store = next;
    loadedAt = Date.now();
    return next;
  } finally {
    during = null;
  }
}

function reload(): Promise<RoomStore> {
  loading ??= fullLoad().finally(() => {
    loading = null;
  });
  return loading;
}

async function roomStore(): Promise<RoomStore> {
  if (!store) return reload();
  if (Date.now() - loadedAt > FULL_RELOAD_MS && !loading) {
    reload().catch((err: unknown) => logger.warn({ err }, 'room index reload failed'));
  }
  return store;
}

/** The read model (loads at first use; afterwards memory only). */
export async function roomIndex(): Promise<RoomIndex> {
  const s = await roomStore();
  return { rooms: s.rooms };
}

/** Loads the index now (server start), so the first request does not wait. */
export async function warmRoomIndex(): Promise<void> {
  await roomStore();
}

/** SYNC, from the last loaded index (null when not loaded yet, unknown room or not a member). */
export function roomRoleOf(roomId: string, personId: string): RoomRole | null {
  return store?.rooms.get(roomId)?.members.get(personId)?.role ?? null;
}

/** SYNC: the rooms this person is a member of (archived included), from the last loaded index. */
export function roomsOf(personId: string): string[] {
  return [...(store?.byPerson.get(personId) ?? [])];
}

/** SYNC: one room from the last loaded index. */
export function roomMetaOf(roomId: string): RoomMeta | undefined {
  return store?.rooms.get(roomId);
}

function applyRoom(doc: Room, force: boolean): void {
  store?.putRoom(doc, force);
  during?.push({ kind: 'room', doc, force });
}

function applyMembers(roomId: string, members: Map<string, RoomMemberInfo>): void {
  store?.putMembers(roomId, members);
  during?.push({ kind: 'members', roomId, members });
}

/** After a write of the room document on this instance (the stored result): here and elsewhere. */
export function putRoomDoc(doc: Room): void {
  applyRoom(doc, false);
  cluster.broadcast(TOPIC, String(doc._id));
}

/** After a write of the room's members on this instance (the stored result). */
export function putRoomMembers(roomId: string, members: Record<string, RoomMemberEntry>): void {
  applyMembers(roomId, toMembers({ members }));
  cluster.broadcast(TOPIC, roomId);
}

/** Reads one room + its members by `_id` into the index (no broadcast). */
export async function refreshRoom(roomId: string): Promise<RoomMeta | undefined> {
  const [doc, members] = await Promise.all([
    RoomModel.findById(roomId).lean<Room>(),
    RoomMembersModel.findById(roomId).lean<RoomMembers>(),
  ]);
  if (!doc) {
    store?.drop(roomId);
    return undefined;
  }
  applyMembers(roomId, toMembers(members));
  applyRoom(doc, true);
  return store?.rooms.get(roomId);
}

/** Reload one room by `_id` here and on every other instance (after a write with an unknown result). */
export async function rememberRoom(roomId: string): Promise<RoomMeta | undefined> {
  const row = await refreshRoom(roomId);
  cluster.broadcast(TOPIC, roomId);
  return row;
}

cluster.on(TOPIC, (payload) => {
  if (typeof payload !== 'string' || !store) return;
  refreshRoom(payload).catch((err: unknown) => logger.warn({ err }, 'room reload failed'));
});

/** Tests: forget everything (the next use loads from the database). */
export function resetRoomIndex(): void {
  store = null;
  loadedAt = 0;
}
