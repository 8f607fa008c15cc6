import type { RoomCreateInput, RoomRole } from '@shared/rooms/schemas';
import { addDays } from '@shared/leave/days';
import type { CurrentUser } from '../../modules/auth/current-user';
import { todayInBerlin } from '../../modules/leave/holidays';
import { syncRoomChannelMembers } from '../../modules/chat/room-channel';
import { createRoom } from '../../modules/rooms/room.service';
import { changeRoomMembers } from '../../modules/rooms/member.store';
import { roomIndex } from '../../modules/rooms/room-index';
import { channelMembersOf } from '../../modules/rooms/integrations/provision';
import { uuidV5 } from '../../modules/rooms/integrations/uuid5';
import {
  addComment,
  createPost,
  pinPost,
  reactToPost,
} from '../../modules/rooms/feed/post.service';
import { recordActivity } from '../../modules/rooms/activity/activity';
import { createFolder } from '../../modules/rooms/files/folder.service';
import { uploadRoomFile } from '../../modules/rooms/files/file.service';
import { fileTree } from '../../modules/rooms/files/file-tree';
import { createEvent, setAttendance } from '../../modules/rooms/events/events.service';
import { createTask } from '../../modules/rooms/tasks/tasks.service';
import { createJoinRequest } from '../../modules/rooms/members/join-requests.service';
import { createRoomRequest } from '../../modules/rooms/requests/room-requests.service';
import type { PersonRow, UnitRow } from './build';
import {
  agilePosts,
  buergerEvents,
  buergerPosts,
  buergerTasks,
  demoPdf,
  demoPng,
  hauptamtPosts,
  opendataPosts,
  type EventSeed,
  type PostSeed,
} from './rooms-content';

/**
 * The demo team rooms, written through the rooms' own services (so rooms, members, chat channels,
 * wiki spaces, posts, files, events and tasks are exactly what the app writes). Idempotent: every
 * room, post, comment, event, task and request has a fixed id derived from its key; folders and
 * files are looked up by name first; reactions, pins and answers are set semantics.
 *
 * Runs before the server's subscribers are registered, so it does itself what they would do:
 * the chat channel gets the room's members, and new posts, comments and files count as unread.
 */
const NAMESPACE = '3c1d9a52-7e4b-4f0a-9d2e-6b8f1a0c5e77';
export const demoRoomId = (key: string) => uuidV5(`demo-room:${key}`, NAMESPACE);
const itemId = (key: string) => uuidV5(`demo-room-item:${key}`, NAMESPACE);

/** Sign-in accounts (README "Demo accounts"): never part of a room's anonymous crew. */
const DEMO_ACCOUNTS = new Set([
  'admin',
  'editor',
  'mover',
  'hr',
  'manager',
  'employee',
  'employee2',
]);

type Demo = { people: PersonRow[]; units: UnitRow[] };
type Actor = Pick<CurrentUser, 'id' | 'roles'>;

/** `${day}T${hh}:${mm}` in Stuttgart as an ISO date-time with its offset (summer or winter). */
function berlinTime(day: string, [h, m]: [number, number]): string {
  const noon = new Date(`${day}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en', {
    timeZone: 'Europe/Berlin',
    timeZoneName: 'longOffset',
  })
    .formatToParts(noon)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') || '+00:00';
  return `${day}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00${offset}`;
}

export async function insertDemoRooms(demo: Demo): Promise<void> {
  const byName = new Map(demo.people.map((p) => [p.username, p]));
  const unitNumber = new Map(demo.units.map((u) => [String(u._id), u.number ?? '']));
  const accountOf = (name: string): PersonRow => {
    const p = byName.get(name);
    if (!p) throw new Error(`demo rooms: no person ${name}`);
    return p;
  };
  /** People of an office (by number) who are not demo accounts, by user name (stable order). */
  const colleagues = (office: string, n: number) =>
    demo.people
      .filter(
        (p) =>
          !DEMO_ACCOUNTS.has(p.username) &&
          (unitNumber.get(String(p.unitId)) ?? '').split('-')[0] === office,
      )
      .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0))
      .slice(0, n);
  const actor = (p: PersonRow): Actor => ({ id: String(p._id), roles: p.roles });
  const today = todayInBerlin();

  /** One room with its people: `crew` are the `@0`…`@n` of the room's content. */
  async function room(
    key: string,
    creator: string,
    owner: string,
    input: Omit<RoomCreateInput, 'clientId'>,
    members: [string, RoomRole][],
    crew: PersonRow[],
  ) {
    const ownerRow = accountOf(owner);
    const { roomId } = await createRoom(
      actor(accountOf(creator)),
      { ...input, clientId: demoRoomId(key) },
      { ownerId: String(ownerRow._id) },
    );
    const add = [
      ...members.map(([name, role]) => ({ personId: String(accountOf(name)._id), role })),
      ...crew.map((p) => ({ personId: String(p._id), role: 'member' as RoomRole })),
    ];
    await changeRoomMembers(roomId, String(ownerRow._id), { add });
    const meta = (await roomIndex()).rooms.get(roomId);
    if (meta?.conversationId) {
      await syncRoomChannelMembers(
        roomId,
        meta.conversationId,
        String(ownerRow._id),
        channelMembersOf(meta),
      );
    }
    const who = (name: string): PersonRow =>
      name.startsWith('@') ? (crew[Number(name.slice(1))] as PersonRow) : accountOf(name);
    return { roomId, who, ownerId: String(ownerRow._id) };
  }

  async function posts(
    roomKey: string,
    roomId: string,
    who: (n: string) => PersonRow,
    list: PostSeed[],
    pinner: string,
  ) {
    for (const seed of list) {
      const author = actor(who(seed.author));
      const id = itemId(`${roomKey}:post:${seed.key}`);
      const made = await createPost(author, roomId, {
        id,
        body: seed.body,
        announcement: seed.announcement ?? false,
        fileIds: [],
      });
      if (made.created)
        await recordActivity(roomId, {
          kind: 'post',
          at: new Date(),
          actorId: author.id,
          itemId: id,
        });
      for (const [i, [by, body]] of (seed.comments ?? []).entries()) {
        const c = await addComment(actor(who(by)), roomId, id, {
          id: itemId(`${roomKey}:comment:${seed.key}:${i}`),
          body,
        });
        if (c.created)
          await recordActivity(roomId, {
            kind: 'comment',
            at: new Date(),
            actorId: String(who(by)._id),
            itemId: id,
          });
      }
      for (const [reaction, names] of Object.entries(seed.reactions ?? {})) {
        for (const name of names ?? []) {
          await reactToPost(actor(who(name)), roomId, id, {
            reaction: reaction as 'like',
            on: true,
          });
        }
      }
      if (seed.pinned) await pinPost(actor(who(pinner)), roomId, id, true);
    }
  }

  // ---- Digitale Bürgerdienste: the full project room ----------------------------------------
  const buerger = await room(
    'buergerdienste',
    'mover',
    'mover',
    {
      name: 'Digitale Bürgerdienste',
      description:
        'Projektraum für die Digitalisierung der Bürgerbüros: Online-Terminvergabe, digitale Anträge und kürzere Wartezeiten.',
      visibility: 'closed',
      template: 'project',
      reviewBy: addDays(today, 180),
    },
    [
      ['manager', 'moderator'],
      ['employee', 'member'],
      ['hr', 'member'],
    ],
    [...colleagues('32', 5), ...colleagues('62', 5)],
  );
  await posts('buergerdienste', buerger.roomId, buerger.who, buergerPosts, 'mover');
  await buergerFiles(buerger.roomId, actor(accountOf('mover')), actor(buerger.who('@5')));
  await buergerEventsAndTasks(buerger.roomId, buerger.who, today);
  await createJoinRequest(actor(accountOf('employee2')), buerger.roomId, {
    message: 'Ich betreue im Jugendamt die Online-Anträge und würde gern mitarbeiten.',
  });

  // ---- Agiles Arbeiten: an open community with ~20 members ----------------------------------
  const agile = await room(
    'agiles-arbeiten',
    'mover',
    'mover',
    {
      name: 'Agiles Arbeiten – Community of Practice',
      description:
        'Austausch zu Scrum, Kanban, Retrospektiven und neuen Arbeitsformen in der Stadtverwaltung.',
      visibility: 'open',
      template: 'community',
      reviewBy: null,
    },
    [
      ['employee', 'member'],
      ['manager', 'member'],
    ],
    ['32', '50', '51', '12', '20', '63'].flatMap((o) => colleagues(o, 3)),
  );
  await posts('agiles-arbeiten', agile.roomId, agile.who, agilePosts, 'mover');

  // ---- Team Haupt- und Personalamt: secret office room (not editor, employee2 or admin) ----
  const office10 = colleagues('10', 12);
  const hauptamt = await room(
    'hauptamt',
    'admin',
    'hr',
    {
      name: 'Team Haupt- und Personalamt',
      description: 'Interner Teamraum des Haupt- und Personalamts (Amt 10).',
      visibility: 'secret',
      template: 'office',
      reviewBy: null,
    },
    [],
    office10,
  );
  await posts('hauptamt', hauptamt.roomId, hauptamt.who, hauptamtPosts, 'hr');

  // ---- Open Data Stuttgart: open project past its end date (owners see the review banner) --
  const opendata = await room(
    'open-data',
    'editor',
    'editor',
    {
      name: 'Open Data Stuttgart',
      description: 'Offene Daten der Stadt: Datensätze auswählen, aufbereiten und veröffentlichen.',
      visibility: 'open',
      template: 'project',
      reviewBy: addDays(today, -10),
    },
    [['employee2', 'member']],
    colleagues('12', 2),
  );
  await posts('open-data', opendata.roomId, opendata.who, opendataPosts, 'editor');

  // ---- A room request by employee for mover/admin to decide --------------------------------
  await createRoomRequest(actor(accountOf('employee')), {
    clientId: demoRoomId('request:haushalt'),
    name: 'Haushaltsplanung digital',
    description: 'Abstimmung der Fachämter zur digitalen Haushaltsplanung.',
    visibility: 'closed',
    template: 'project',
    reason: 'Wir stimmen die Haushaltsanmeldungen bisher per E-Mail mit zwölf Ämtern ab.',
  });
}

async function buergerFiles(roomId: string, mover: Actor, mapper: Actor): Promise<void> {
  const folderId = async (name: string): Promise<string> => {
    const found = [...(await fileTree(roomId)).folders.values()].find(
      (f) => f.name === name && !f.parentId,
    );
    return found?._id ?? (await createFolder(mover, roomId, { name, parentId: null })).id;
  };
  const docs = await folderId('Projektunterlagen');
  const images = await folderId('Bilder');
  const fileIn = async (folder: string, name: string) =>
    [...(await fileTree(roomId)).files.values()].find(
      (f) => f.folderId === folder && f.name === name,
    );
  const upload = async (user: Actor, folder: string, name: string, buffer: Buffer) => {
    if (await fileIn(folder, name)) return;
    const { file } = await uploadRoomFile(user, roomId, {
      buffer,
      originalName: name,
      folderId: folder,
    });
    await recordActivity(roomId, {
      kind: 'file',
      at: new Date(),
      actorId: user.id,
      itemId: file.id,
    });
  };
  await upload(
    mover,
    docs,
    'Projektauftrag.pdf',
    demoPdf('Projektauftrag Digitale Buergerdienste - Entwurf'),
  );
  const pdf = await fileIn(docs, 'Projektauftrag.pdf');
  if (pdf && pdf.versions.length < 2) {
    await uploadRoomFile(mover, roomId, {
      buffer: demoPdf('Projektauftrag Digitale Buergerdienste - Version 2'),
      originalName: 'Projektauftrag.pdf',
      fileId: pdf._id,
    });
  }
  await upload(mapper, images, 'Prozesslandkarte.png', await demoPng());
}

async function buergerEventsAndTasks(
  roomId: string,
  who: (n: string) => PersonRow,
  today: string,
): Promise<void> {
  const actor = (name: string): Actor => ({ id: String(who(name)._id), roles: who(name).roles });
  const mover = actor('mover');
  for (const e of buergerEvents as EventSeed[]) {
    const day = addDays(today, e.inDays);
    const id = itemId(`buergerdienste:event:${e.key}`);
    await createEvent(mover, roomId, {
      id,
      title: e.title,
      description: e.description,
      start: e.from ? berlinTime(day, e.from) : `${day}T00:00:00Z`,
      end: e.to ? berlinTime(day, e.to) : `${day}T00:00:00Z`,
      allDay: !e.from,
      place: e.place,
      videoUrl: e.videoUrl,
    });
    for (const [name, answer] of Object.entries(e.answers))
      await setAttendance(actor(name), roomId, id, answer);
  }
  for (const t of buergerTasks) {
    await createTask(mover, roomId, {
      id: itemId(`buergerdienste:task:${t.key}`),
      title: t.title,
      description: '',
      status: t.status,
      assigneeIds: t.assignees.map((n) => String(who(n)._id)),
      due: t.dueInDays === null ? null : addDays(today, t.dueInDays),
    });
  }
}
