import { Types } from 'mongoose';
import { toPlainText } from '@shared/chat/markdown';
import type { ChatReaction, ChannelVisibility, ConversationKind } from '@shared/chat/schemas';
import { fold } from '../../lib/text';
import {
  ChatKeyModel,
  ConversationModel,
  type Conversation,
} from '../../modules/chat/conversation.model';
import { InboxModel, type Inbox } from '../../modules/chat/inbox.model';
import { MessageModel, type Message } from '../../modules/chat/message.model';
import { lastMessageOf } from '../../modules/chat/message.content';
import type { PersonRow } from './build';

type Line = [
  who: string,
  body: string,
  extra?: { reactions?: Record<string, string[]>; reply?: number },
];

interface ConvSeed {
  kind: ConversationKind;
  name: string;
  topic: string;
  visibility: ChannelVisibility | null;
  owner: string;
  members: string[];
  lines: Line[];
  /** The employee has not read the newest messages (written by others), so badges show something. */
  unreadForEmployee?: number;
}

/** Demo conversations among the demo accounts (employee = Laura Schmid, employee2 = Jonas Becker …). */
const seeds: ConvSeed[] = [
  {
    kind: 'channel',
    name: 'Allgemein',
    topic: 'Für alle Beschäftigten: Hinweise, Fragen, Kaffeeküche',
    visibility: 'public',
    owner: 'admin',
    members: ['admin', 'employee', 'employee2', 'manager', 'editor', 'hr', 'mover'],
    lines: [
      [
        'admin',
        'Willkommen im neuen Chat des Mitarbeiterportals! :-)',
        { reactions: { tada: ['employee', 'editor', 'hr'], wave: ['mover'] } },
      ],
      ['hr', 'Erinnerung: Die Anmeldung zum Gesundheitstag läuft noch bis **Freitag**.'],
      ['employee2', 'Weiß jemand, ob die Kantine im Rathaus diese Woche geöffnet hat?'],
      ['mover', 'Ja, aber nur bis 13:30 Uhr wegen der Betriebsversammlung.', { reply: 3 }],
      [
        'employee2',
        'Danke, dann gehe ich früher.',
        { reply: 3, reactions: { thumbsup: ['mover'] } },
      ],
      [
        'editor',
        'Neuer Beitrag im Portal: Ergebnisse der Mitarbeitendenbefragung. Lesenswert!',
        { reactions: { eyes: ['employee', 'manager'] } },
      ],
      ['manager', '@channel Bitte denkt an die Zeiterfassung für den Monatsabschluss.'],
      [
        'employee',
        'Ist erledigt. Schönes Wochenende allen!',
        { reactions: { sun: ['employee2', 'hr'] } },
      ],
    ],
  },
  {
    kind: 'channel',
    name: 'Digital MoveS',
    topic: 'Digitalisierung der Stadtverwaltung: Austausch und Fragen',
    visibility: 'public',
    owner: 'editor',
    members: ['editor', 'employee', 'employee2', 'manager', 'admin'],
    unreadForEmployee: 2,
    lines: [
      ['editor', 'Die Schulungstermine für die E-Akte stehen fest: 12. und 19. des Monats.'],
      ['employee', 'Gibt es auch einen Termin am Nachmittag?'],
      ['editor', 'Ja, am 19. um 14 Uhr im Raum 2.104.', { reactions: { thumbsup: ['employee'] } }],
      ['admin', 'Die neue Version des Portals ist installiert. Rückmeldungen gern hier.'],
      [
        'employee2',
        'Die Suche im Telefonbuch ist deutlich schneller geworden 👍',
        { reactions: { rocket: ['admin', 'editor'] } },
      ],
      ['manager', 'Können wir die Vorlage für Vermerke auch digital bekommen?'],
      ['editor', 'Ist in Arbeit, ich melde mich bis Ende des Monats.'],
    ],
  },
  {
    kind: 'channel',
    name: 'Haushalt 2026',
    topic: 'Abstimmung Haushaltsplanung (intern)',
    visibility: 'private',
    owner: 'manager',
    members: ['manager', 'employee', 'employee2'],
    unreadForEmployee: 1,
    lines: [
      ['manager', 'Die Entwürfe der Ämter sollen bis zum 15. vorliegen.'],
      ['employee', 'Das Amt für Umweltschutz hat schon geliefert, drei fehlen noch.'],
      ['manager', '@employee kannst du bitte bei den fehlenden nachfragen?'],
      ['employee', 'Mache ich heute noch.', { reactions: { pray: ['manager'] } }],
      ['employee2', 'Die Tabelle mit den Investitionen liegt im Teamlaufwerk.'],
    ],
  },
  {
    kind: 'direct',
    name: '',
    topic: '',
    visibility: null,
    owner: 'employee',
    members: ['employee', 'employee2'],
    lines: [
      ['employee2', 'Hallo Laura, hast du kurz Zeit wegen der Vorlage?'],
      ['employee', 'Klar, in zehn Minuten?'],
      ['employee2', 'Passt. Ich rufe dich an.', { reactions: { thumbsup: ['employee'] } }],
      ['employee', 'Danke für die Hilfe vorhin!'],
    ],
  },
  {
    kind: 'direct',
    name: '',
    topic: '',
    visibility: null,
    owner: 'manager',
    members: ['manager', 'employee'],
    lines: [
      ['manager', 'Frau Schmid, könnten Sie morgen die Sitzung protokollieren?'],
      ['employee', 'Ja, gern. Um 9 Uhr im Sitzungssaal?'],
      ['manager', 'Genau, vielen Dank.'],
    ],
  },
];

/**
 * Demo chat: channels "Allgemein", "Digital MoveS", a private one and direct messages between
 * demo accounts, with a thread, reactions and a mention. Bulk inserts of finished documents
 * (sequence numbers, last message, thread summaries and inboxes computed here).
 */
export async function insertDemoChat(demo: { people: PersonRow[] }): Promise<void> {
  const byName = new Map(demo.people.map((p) => [p.username, p]));
  const id = (who: string) => {
    const p = byName.get(who);
    if (!p) throw new Error(`demo chat: unknown account ${who}`);
    return String(p._id);
  };
  if (!seeds.every((s) => s.members.every((m) => byName.has(m)))) return;
  const start = Date.now() - 2 * 86_400_000;
  const conversations: Conversation[] = [];
  const keys: { _id: string; conversationId: Types.ObjectId; createdAt: Date }[] = [];
  const messages: Message[] = [];
  const inboxes = new Map<string, Inbox>();
  let clock = start;

  for (const [ci, seed] of seeds.entries()) {
    const _id = new Types.ObjectId();
    const createdAt = new Date(clock);
    const list: Message[] = [];
    for (const [i, [who, body, extra]] of seed.lines.entries()) {
      clock += 17 * 60_000 + i * 60_000;
      const mentionIds = [...body.matchAll(/@([a-z0-9]+)/g)]
        .map((m) => m[1] as string)
        .filter((u) => u !== 'channel' && seed.members.includes(u))
        .map(id);
      const reactions: Message['reactions'] = {};
      for (const [r, people] of Object.entries(extra?.reactions ?? {}))
        reactions[r as ChatReaction] = people.map(id);
      const root = extra?.reply ? list[extra.reply - 1] : undefined;
      const msg: Message = {
        _id: `${id(who)}-seed-${ci}-${String(i + 1).padStart(4, '0')}`,
        conversationId: _id,
        seq: i + 1,
        senderId: new Types.ObjectId(id(who)),
        clientId: `seed-${ci}-${String(i + 1).padStart(4, '0')}`,
        body,
        searchText: fold(toPlainText(body)),
        attachments: [],
        threadId: root?._id ?? null,
        thread: null,
        mentionIds,
        mentionsAll: body.includes('@channel'),
        reactions,
        forwardedFrom: null,
        createdAt: new Date(clock),
        editedAt: null,
        deletedAt: null,
      };
      if (root) {
        const t = root.thread ?? {
          replyCount: 0,
          lastReplyAt: null,
          participantIds: [],
          followerIds: [String(root.senderId)],
        };
        const sender = id(who);
        root.thread = {
          replyCount: t.replyCount + 1,
          lastReplyAt: msg.createdAt,
          participantIds: [...t.participantIds.filter((p) => p !== sender), sender],
          followerIds: t.followerIds.includes(sender) ? t.followerIds : [...t.followerIds, sender],
        };
      }
      list.push(msg);
    }
    messages.push(...list);
    const last = list[list.length - 1] as Message;
    const memberIds = seed.members.map(id);
    conversations.push({
      _id,
      kind: seed.kind,
      visibility: seed.visibility,
      name: seed.name,
      topic: seed.topic,
      nameKey: fold(seed.name),
      roomId: null,
      createdById: new Types.ObjectId(id(seed.owner)),
      members: Object.fromEntries(
        memberIds.map((m) => [
          m,
          {
            role: m === id(seed.owner) && seed.kind === 'channel' ? 'owner' : 'member',
            joinedAt: createdAt,
          },
        ]),
      ),
      memberCount: memberIds.length,
      archived: false,
      archivedAt: null,
      lastSeq: last.seq,
      lastMessage: lastMessageOf(last),
      lastActivityAt: last.createdAt,
      createdAt,
      updatedAt: last.createdAt,
    });
    keys.push({
      _id:
        seed.kind === 'direct'
          ? `dm:${[...memberIds].sort().join(':')}`
          : `channel:${fold(seed.name)}`,
      conversationId: _id,
      createdAt,
    });
    for (const m of memberIds) {
      const inbox = inboxes.get(m) ?? {
        _id: new Types.ObjectId(m),
        conversations: {},
        readReceipts: true,
        presence: 'auto' as const,
      };
      const behind = m === id('employee') ? (seed.unreadForEmployee ?? 0) : 0;
      const mentions = list.filter(
        (x) =>
          x.seq > last.seq - behind &&
          String(x.senderId) !== m &&
          (x.mentionsAll || x.mentionIds.includes(m)),
      ).length;
      inbox.conversations[String(_id)] = {
        readSeq: Math.max(0, last.seq - behind),
        muted: false,
        favourite: seed.name === 'Allgemein',
        mentions,
        joinedAt: createdAt,
      };
      inboxes.set(m, inbox);
    }
  }
  await ConversationModel.insertMany(conversations, { lean: true });
  await ChatKeyModel.insertMany(keys, { lean: true });
  await MessageModel.insertMany(messages, { lean: true });
  await InboxModel.insertMany([...inboxes.values()], { lean: true });
}
