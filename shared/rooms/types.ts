import type { PersonRef } from '../people/types';
import type {
  AttendanceAnswer,
  PostReaction,
  RoomModules,
  RoomRole,
  RoomTemplateKey,
  RoomVisibility,
  TaskStatus,
} from './schemas';

/** What the viewer may do in a room: computed by the ONE room policy, for every module. */
export interface RoomAbilities {
  /** See name, description, member count (secret rooms: members only). */
  view: boolean;
  /** Read the room's content: feed, files, events, tasks, members, chat, wiki (members only). */
  read: boolean;
  join: boolean;
  requestJoin: boolean;
  leave: boolean;
  /** Posts, comments, reactions, uploads, events, tasks (members; not in archived rooms). */
  contribute: boolean;
  /** Announcements, pins, deleting others' posts/files/events/tasks, folders. */
  moderate: boolean;
  /** Invite people and units, remove members, decide join requests (moderators; owners for owners). */
  manageMembers: boolean;
  /** Name, description, image. */
  update: boolean;
  /** Visibility, modules, review date, roles incl. owner hand-over, archive and restore. */
  administer: boolean;
  archive: boolean;
  restore: boolean;
}

export interface RoomSummaryDTO {
  id: string;
  name: string;
  description: string;
  visibility: RoomVisibility;
  template: RoomTemplateKey;
  modules: RoomModules;
  /** `/api/rooms/<id>/image?v=<rev>` or null. */
  imageUrl: string | null;
  memberCount: number;
  archived: boolean;
  reviewBy: string | null;
  myRole: RoomRole | null;
  /** I asked to join and nobody has decided yet. */
  requestPending: boolean;
  /** Activity by others since I last opened the room (members only; 0 otherwise). */
  unread: number;
  lastActivityAt: string | null;
  abilities: RoomAbilities;
}

export interface RoomDTO extends RoomSummaryDTO {
  rev: number;
  conversationId: string | null;
  wikiSpaceId: string | null;
  owners: PersonRef[];
  createdAt: string;
  /** Pending join requests (moderators only; 0 otherwise). */
  pendingRequests: number;
  /** The review date has passed: owners are asked to archive or extend. */
  reviewDue: boolean;
}

export interface RoomMemberDTO {
  person: PersonRef;
  /** For `@username` mentions (the feed composer's autocomplete inserts it). */
  username?: string;
  role: RoomRole;
  joinedAt: string;
  abilities: { remove: boolean; changeRole: boolean };
}

export interface RoomInviteResultDTO {
  /** People who became members now (already members are not counted). */
  added: number;
  alreadyMembers: number;
  /** Inactive or unknown people left out. */
  skipped: number;
}

export type JoinRequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export interface JoinRequestDTO {
  id: string;
  roomId: string;
  person: PersonRef;
  message: string;
  status: JoinRequestStatus;
  createdAt: string;
  decidedBy: PersonRef | null;
  reason: string;
}

export interface RoomRequestDTO {
  id: string;
  name: string;
  description: string;
  visibility: RoomVisibility;
  template: RoomTemplateKey;
  reason: string;
  requester: PersonRef;
  status: 'pending' | 'approved' | 'rejected';
  decidedBy: PersonRef | null;
  decisionReason: string;
  /** The room created on approval. */
  roomId: string | null;
  createdAt: string;
  abilities: { decide: boolean };
}

// ---- Feed ---------------------------------------------------------------------------------

export interface RoomFileRefDTO {
  id: string;
  name: string;
  contentType: string;
  size: number;
  /** Images: shown inline. */
  isImage: boolean;
  url: string;
}

export interface PostCommentDTO {
  id: string;
  author: PersonRef;
  body: string;
  createdAt: string;
  abilities: { delete: boolean };
}

export interface PostDTO {
  id: string;
  roomId: string;
  author: PersonRef;
  /** Markdown subset of the chat (rendered as React elements, never HTML). */
  body: string;
  announcement: boolean;
  pinned: boolean;
  files: RoomFileRefDTO[];
  reactions: { reaction: PostReaction; count: number; mine: boolean }[];
  comments: PostCommentDTO[];
  commentCount: number;
  createdAt: string;
  editedAt: string | null;
  rev: number;
  abilities: { edit: boolean; delete: boolean; pin: boolean; comment: boolean; react: boolean };
}

export interface FeedPageDTO {
  /** Pinned posts (first page only). */
  pinned: PostDTO[];
  posts: PostDTO[];
  nextCursor: string | null;
}

// ---- Files --------------------------------------------------------------------------------

export interface RoomFolderDTO {
  id: string;
  name: string;
  parentId: string | null;
  abilities: { rename: boolean; delete: boolean };
}

export interface RoomFileVersionDTO {
  version: number;
  size: number;
  uploadedBy: PersonRef;
  uploadedAt: string;
  url: string;
}

export interface RoomFileDTO {
  id: string;
  name: string;
  folderId: string | null;
  contentType: string;
  size: number;
  version: number;
  /** image or pdf: the browser can show it (`previewUrl` serves inline). */
  preview: 'image' | 'pdf' | null;
  url: string;
  previewUrl: string | null;
  uploadedBy: PersonRef;
  updatedAt: string;
  versions: RoomFileVersionDTO[];
  abilities: { rename: boolean; delete: boolean; newVersion: boolean };
}

export interface RoomFilesDTO {
  folder: RoomFolderDTO | null;
  /** From the top down to `folder`. */
  breadcrumbs: { id: string; name: string }[];
  folders: RoomFolderDTO[];
  files: RoomFileDTO[];
}

// ---- Events -------------------------------------------------------------------------------

export interface RoomEventDTO {
  id: string;
  roomId: string;
  title: string;
  description: string;
  start: string;
  end: string;
  allDay: boolean;
  place: string;
  videoUrl: string | null;
  createdBy: PersonRef;
  attendance: Record<AttendanceAnswer, number>;
  myAnswer: AttendanceAnswer | null;
  rev: number;
  abilities: { edit: boolean; delete: boolean; answer: boolean };
}

export interface AttendeeDTO {
  person: PersonRef;
  answer: AttendanceAnswer;
}

// ---- Tasks --------------------------------------------------------------------------------

export interface TaskDTO {
  id: string;
  roomId: string;
  title: string;
  description: string;
  status: TaskStatus;
  /** Position in its column (0 = top). */
  order: number;
  assignees: PersonRef[];
  due: string | null;
  overdue: boolean;
  createdBy: PersonRef;
  updatedAt: string;
  rev: number;
  abilities: { edit: boolean; move: boolean; delete: boolean };
}

export interface TaskBoardDTO {
  columns: Record<TaskStatus, TaskDTO[]>;
}

// ---- Start page ---------------------------------------------------------------------------

export interface RoomsWidgetDTO {
  /** My rooms, with unread activity first, then by last activity. */
  rooms: Pick<RoomSummaryDTO, 'id' | 'name' | 'imageUrl' | 'unread' | 'lastActivityAt' | 'archived'>[];
  total: number;
  /** Join requests waiting for my decision, across rooms. */
  pendingRequests: number;
}
