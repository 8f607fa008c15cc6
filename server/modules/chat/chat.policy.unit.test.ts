import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import type { ConversationKind, ChannelVisibility, MemberRole } from '@shared/chat/schemas';
import type { ConversationAbilities, MessageAbilities } from '@shared/chat/types';
import type { Conversation } from './conversation.model';
import {
  MENTION_ALL_OPEN_UP_TO,
  conversationAbilities,
  memberViewAbilities,
  messageAbilities,
} from './chat.policy';

const viewerId = new Types.ObjectId().toString();
const otherId = new Types.ObjectId().toString();
const joinedAt = new Date('2026-03-01T10:00:00Z');

type Kind = 'direct' | 'group' | 'public' | 'private';
type Role = MemberRole | 'none';

interface Case {
  kind: Kind;
  role: Role;
  archived: boolean;
  room: boolean;
  /** Other owners besides the viewer (channels). */
  otherOwner: boolean;
  memberCount: number;
}

function conversation(c: Case) {
  const kind: ConversationKind = c.kind === 'public' || c.kind === 'private' ? 'channel' : c.kind;
  const visibility: ChannelVisibility | null =
    kind === 'channel' ? (c.kind as ChannelVisibility) : null;
  const members: Conversation['members'] = {
    [otherId]: { role: c.otherOwner ? 'owner' : 'member', joinedAt },
  };
  if (c.role !== 'none') members[viewerId] = { role: c.role, joinedAt };
  return {
    kind,
    visibility,
    members,
    memberCount: c.memberCount,
    archived: c.archived,
    roomId: c.room ? new Types.ObjectId() : null,
  };
}

/** The rules as the product describes them, written out once more for the table. */
function expected(c: Case): ConversationAbilities {
  const member = c.role !== 'none';
  const owner = c.role === 'owner';
  const channel = c.kind === 'public' || c.kind === 'private';
  const lastOwner = channel && owner && !c.otherOwner && c.memberCount > 1;
  const post = member && !c.archived;
  return {
    // Members only, public channels included; nobody else (administrators neither).
    read: member,
    post,
    join: c.kind === 'public' && !c.archived && !c.room && !member,
    leave: member && c.kind !== 'direct' && !c.room && !lastOwner,
    addMembers:
      member &&
      !c.archived &&
      !c.room &&
      (c.kind === 'group'
        ? c.memberCount < 50
        : c.kind === 'public'
          ? true
          : c.kind === 'private'
            ? owner
            : false),
    removeMembers: channel && owner && !c.archived && !c.room,
    update: !c.archived && ((channel && owner) || (c.kind === 'group' && member)),
    archive: channel && owner && !c.room,
    mentionAll: post && c.kind !== 'direct' && (c.memberCount <= MENTION_ALL_OPEN_UP_TO || owner),
  };
}

const kinds: Kind[] = ['direct', 'group', 'public', 'private'];
const roles: Role[] = ['owner', 'member', 'none'];
const bools = [false, true];

describe('chat policy table: kind × visibility × role × archived × room-owned', () => {
  for (const kind of kinds) {
    for (const role of roles) {
      for (const archived of bools) {
        for (const room of bools) {
          for (const otherOwner of bools) {
            for (const memberCount of [2, 50, 51]) {
              const c: Case = { kind, role, archived, room, otherOwner, memberCount };
              const label = `${kind} · ${role} · ${archived ? 'archived' : 'active'} · ${
                room ? 'room' : 'free'
              } · ${otherOwner ? 'co-owner' : 'sole'} · ${memberCount}`;
              it(label, () => {
                expect(conversationAbilities({ id: viewerId }, conversation(c))).toEqual(
                  expected(c),
                );
              });
            }
          }
        }
      }
    }
  }

  it('spot checks written by hand', () => {
    const base: Case = {
      kind: 'public',
      role: 'none',
      archived: false,
      room: false,
      otherOwner: true,
      memberCount: 2,
    };
    const outsider = conversationAbilities({ id: viewerId }, conversation(base));
    expect(outsider).toMatchObject({ read: false, post: false, join: true, addMembers: false });
    const roomChannel = conversationAbilities(
      { id: viewerId },
      conversation({ ...base, role: 'owner', room: true }),
    );
    expect(roomChannel).toMatchObject({
      join: false,
      leave: false,
      removeMembers: false,
      archive: false,
      update: true,
    });
    const lastOwner = conversationAbilities(
      { id: viewerId },
      conversation({ ...base, role: 'owner', otherOwner: false }),
    );
    expect(lastOwner.leave).toBe(false);
    const alone = conversationAbilities(
      { id: viewerId },
      conversation({ ...base, role: 'owner', otherOwner: false, memberCount: 1 }),
    );
    expect(alone.leave).toBe(true);
    const dm = conversationAbilities(
      { id: viewerId },
      conversation({ ...base, kind: 'direct', role: 'member' }),
    );
    expect(dm).toMatchObject({
      read: true,
      post: true,
      leave: false,
      addMembers: false,
      update: false,
      mentionAll: false,
    });
  });
});

type MsgCase = {
  sender: boolean;
  deleted: boolean;
  reply: boolean;
  role: Role;
  archived: boolean;
  kind: Kind;
};

function expectedMessage(m: MsgCase): MessageAbilities {
  const member = m.role !== 'none';
  const post = member && !m.archived;
  const live = !m.deleted;
  const channelOwner = (m.kind === 'public' || m.kind === 'private') && m.role === 'owner';
  return {
    edit: post && m.sender && live,
    delete: post && live && (m.sender || channelOwner),
    react: post && live,
    reply: post && live && !m.reply,
    forward: member && live,
  };
}

describe('message policy table: sender × deleted × reply × role × archived × kind', () => {
  for (const kind of kinds) {
    for (const role of roles) {
      for (const archived of bools) {
        for (const sender of bools) {
          for (const deleted of bools) {
            for (const reply of bools) {
              const m: MsgCase = { sender, deleted, reply, role, archived, kind };
              it(`${kind} · ${role} · ${archived ? 'archived' : 'active'} · ${
                sender ? 'own' : 'other'
              } · ${deleted ? 'deleted' : 'live'} · ${reply ? 'reply' : 'root'}`, () => {
                const conv = conversation({
                  kind,
                  role,
                  archived,
                  room: false,
                  otherOwner: true,
                  memberCount: 5,
                });
                const msg = {
                  senderId: new Types.ObjectId(sender ? viewerId : otherId),
                  deletedAt: deleted ? new Date() : null,
                  threadId: reply ? `${otherId}-abcdefgh` : null,
                };
                expect(messageAbilities({ id: viewerId }, conv, msg)).toEqual(expectedMessage(m));
                if (role === 'member' && !sender) {
                  // Live copies for the room carry exactly an ordinary member's abilities.
                  expect(memberViewAbilities(conv, msg)).toEqual(expectedMessage(m));
                }
              });
            }
          }
        }
      }
    }
  }
});
