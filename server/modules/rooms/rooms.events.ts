import type { RoomRole } from '@shared/rooms/schemas';

/**
 * Domain events of team rooms, published by the services after a successful write. Realtime
 * (invalidations to members' sockets), notifications, chat/wiki membership sync and the activity
 * log subscribe. Payloads carry ids only: subscribers present per recipient.
 */
export type RoomModuleChange =
  'post' | 'comment' | 'reaction' | 'file' | 'folder' | 'event' | 'task';

export interface RoomEvents {
  /** Created, settings changed, archived or restored. `accessChanged`: visibility, archive state or modules. */
  'rooms.room_changed': {
    roomId: string;
    actorId: string | null;
    change: 'created' | 'updated' | 'archived' | 'restored' | 'image';
    accessChanged: boolean;
  };
  /** Members joined, left, were added/removed, or changed role. Chat and wiki sync from here. */
  'rooms.members_changed': {
    roomId: string;
    actorId: string | null;
    added: string[];
    removed: string[];
    roles: { personId: string; role: RoomRole }[];
  };
  /** A join request was made, decided or withdrawn (moderators' lists; the requester). */
  'rooms.join_request_changed': {
    roomId: string;
    requestId: string;
    personId: string;
    status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
    actorId: string;
  };
  /** Something in a module changed (ids only). `activity`: counts as unread activity for others. */
  'rooms.content_changed': {
    roomId: string;
    actorId: string;
    module: RoomModuleChange;
    itemId: string;
    kind: 'created' | 'updated' | 'deleted';
    activity: boolean;
    /** For posts/comments: people mentioned with @username (already checked to be members). */
    mentionedIds?: string[];
    /** A moderator's announcement: every member is notified. */
    announcement?: boolean;
  };
  /** A room creation request was made or decided. */
  'rooms.room_request_changed': {
    requestId: string;
    requesterId: string;
    status: 'pending' | 'approved' | 'rejected';
    actorId: string;
    roomId: string | null;
  };
}
