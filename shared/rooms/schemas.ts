import { z } from 'zod';
import { cursor, line, objectId } from '../http/fields';

/**
 * Team rooms: cross-office project rooms. A room bundles a feed, its chat channel, its wiki space,
 * files, events and a task board; one membership decides every right in all of them.
 */

/** Room roles, weakest first. */
export const roomRoles = ['member', 'moderator', 'owner'] as const;
export type RoomRole = (typeof roomRoles)[number];
export const roomRoleRank = (r: RoomRole | null): number => (r ? roomRoles.indexOf(r) + 1 : 0);
export const roomRoleAtLeast = (r: RoomRole | null, min: RoomRole): boolean =>
  roomRoleRank(r) >= roomRoleRank(min);

/** open: anyone joins; closed: request to join, moderators decide; secret: members only even see it. */
export const roomVisibilities = ['open', 'closed', 'secret'] as const;
export type RoomVisibility = (typeof roomVisibilities)[number];

/** The parts a room can switch on (templates preset them; owners change them). */
export const roomModules = ['feed', 'chat', 'wiki', 'files', 'events', 'tasks'] as const;
export type RoomModule = (typeof roomModules)[number];
export const roomModulesSchema = z
  .object({
    feed: z.boolean(),
    chat: z.boolean(),
    wiki: z.boolean(),
    files: z.boolean(),
    events: z.boolean(),
    tasks: z.boolean(),
  })
  .strict();
export type RoomModules = z.infer<typeof roomModulesSchema>;

export const roomTemplateKeys = ['project', 'office', 'community', 'blank'] as const;
export type RoomTemplateKey = (typeof roomTemplateKeys)[number];

/** An ISO calendar day (yyyy-mm-dd). */
export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date' });

const description = z.string().trim().max(1000);

export const roomCreateSchema = z
  .object({
    /** The client's id for this create: repeating it returns the same room (idempotent). */
    clientId: z.string().uuid({ message: 'invalid_id' }),
    name: line(80, 3),
    description: description.default(''),
    visibility: z.enum(roomVisibilities),
    template: z.enum(roomTemplateKeys),
    /** Defaults to the template's modules. */
    modules: roomModulesSchema.optional(),
    /** End / review date: afterwards the owners are asked to archive or extend. */
    reviewBy: isoDay.nullable().default(null),
  })
  .strict();
export type RoomCreateInput = z.input<typeof roomCreateSchema>;

export const roomUpdateSchema = z
  .object({
    rev: z.number().int().min(0),
    name: line(80, 3).optional(),
    description: description.optional(),
    visibility: z.enum(roomVisibilities).optional(),
    modules: roomModulesSchema.optional(),
    reviewBy: isoDay.nullable().optional(),
  })
  .strict();
export type RoomUpdateInput = z.infer<typeof roomUpdateSchema>;

/** Archive (read-only) or restore; `reviewBy` extends the end date when restoring. */
export const roomArchiveSchema = z.object({ rev: z.number().int().min(0) }).strict();

export const roomListQuerySchema = z
  .object({
    /** `mine`: rooms I am a member of; `discover`: open and closed rooms I may join. */
    scope: z.enum(['mine', 'discover']).default('discover'),
    q: z.string().trim().max(100).optional(),
    template: z.enum(roomTemplateKeys).optional(),
    visibility: z.enum(['open', 'closed']).optional(),
    archived: z.enum(['true', 'false']).optional(),
    cursor: cursor.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(24),
  })
  .strict();
export type RoomListQuery = z.infer<typeof roomListQuerySchema>;

export const roomIdParams = z.object({ roomId: objectId }).strict();

// ---- Members ------------------------------------------------------------------------------

/** Add people and whole units (everyone active in the unit, optionally with sub-units). */
export const roomInviteSchema = z
  .object({
    personIds: z.array(objectId).max(200).default([]),
    unitIds: z.array(objectId).max(20).default([]),
    withSubunits: z.boolean().default(false),
  })
  .strict();
export type RoomInviteInput = z.input<typeof roomInviteSchema>;

export const roomMemberRoleSchema = z.object({ role: z.enum(roomRoles) }).strict();
export const roomMemberParams = z.object({ roomId: objectId, personId: objectId }).strict();
export const roomMembersQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    role: z.enum(roomRoles).optional(),
    cursor: cursor.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

/** Closed rooms: ask to join (one pending request per person and room). */
export const joinRequestSchema = z
  .object({ message: z.string().trim().max(500).default('') })
  .strict();
export const joinDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(500).default(''),
  })
  .strict();
export const joinRequestParams = z.object({ roomId: objectId, requestId: z.string().max(60) }).strict();

/** People without the right to create rooms ask for one; admins and digital movers decide. */
export const roomRequestCreateSchema = z
  .object({
    clientId: z.string().uuid({ message: 'invalid_id' }),
    name: line(80, 3),
    description: description.default(''),
    visibility: z.enum(roomVisibilities),
    template: z.enum(roomTemplateKeys),
    reason: z.string().trim().min(1).max(1000),
  })
  .strict();
export const roomRequestDecisionSchema = joinDecisionSchema;
export const roomRequestParams = z.object({ requestId: objectId }).strict();

// ---- Feed ---------------------------------------------------------------------------------

/** A post's text is the chat's markdown subset (`@username` mentions); files come from uploads. */
export const postCreateSchema = z
  .object({
    id: z.string().uuid({ message: 'invalid_id' }),
    body: z.string().trim().min(1).max(10_000),
    /** Moderators only: notifies every member. */
    announcement: z.boolean().default(false),
    /** Uploaded room files to show with the post (images inline, others as attachments). */
    fileIds: z.array(objectId).max(10).default([]),
  })
  .strict();
export type PostCreateInput = z.input<typeof postCreateSchema>;

export const postUpdateSchema = z
  .object({ rev: z.number().int().min(0), body: z.string().trim().min(1).max(10_000) })
  .strict();
export const postPinSchema = z.object({ pinned: z.boolean() }).strict();
export const postParams = z.object({ roomId: objectId, postId: z.string().uuid() }).strict();
export const feedQuerySchema = z
  .object({ before: cursor.optional(), limit: z.coerce.number().int().min(1).max(50).default(20) })
  .strict();

export const postReactions = ['like', 'thanks', 'idea', 'question'] as const;
export type PostReaction = (typeof postReactions)[number];
export const postReactSchema = z
  .object({ reaction: z.enum(postReactions), on: z.boolean() })
  .strict();

export const postCommentSchema = z
  .object({
    id: z.string().uuid({ message: 'invalid_id' }),
    body: z.string().trim().min(1).max(4000),
  })
  .strict();
export const postCommentParams = z
  .object({ roomId: objectId, postId: z.string().uuid(), commentId: z.string().uuid() })
  .strict();

// ---- Files --------------------------------------------------------------------------------

export const folderCreateSchema = z
  .object({ name: line(120), parentId: objectId.nullable().default(null) })
  .strict();
export const folderUpdateSchema = z
  .object({ name: line(120).optional(), parentId: objectId.nullable().optional() })
  .strict();
export const folderParams = z.object({ roomId: objectId, folderId: objectId }).strict();
export const fileParams = z.object({ roomId: objectId, fileId: objectId }).strict();
export const fileVersionParams = z
  .object({ roomId: objectId, fileId: objectId, version: z.coerce.number().int().min(1) })
  .strict();
export const fileListQuerySchema = z
  .object({ folderId: objectId.optional() })
  .strict();
/** Upload fields (multipart): a new file in a folder, or a new version of `fileId`. */
export const fileUploadFieldsSchema = z
  .object({
    folderId: objectId.optional(),
    fileId: objectId.optional(),
    /** Client-generated: a retried upload with the same id is stored once. */
    uploadId: z.string().uuid({ message: 'invalid_id' }).optional(),
  })
  .strict();
export const fileUpdateSchema = z
  .object({ name: line(200).optional(), folderId: objectId.nullable().optional() })
  .strict();

// ---- Events -------------------------------------------------------------------------------

export const attendanceAnswers = ['yes', 'no', 'maybe'] as const;
export type AttendanceAnswer = (typeof attendanceAnswers)[number];

const httpsUrl = z
  .string()
  .trim()
  .max(500)
  .url({ message: 'invalid_url' })
  .refine((u) => /^https:\/\//i.test(u), { message: 'invalid_url' });

export const eventCreateSchema = z
  .object({
    id: z.string().uuid({ message: 'invalid_id' }),
    title: line(160),
    description: z.string().trim().max(4000).default(''),
    /** ISO date-times with offset; `end` after `start`. */
    start: z.string().datetime({ offset: true }),
    end: z.string().datetime({ offset: true }),
    allDay: z.boolean().default(false),
    place: z.string().trim().max(200).default(''),
    videoUrl: httpsUrl.nullable().default(null),
  })
  .strict();
export type EventCreateInput = z.input<typeof eventCreateSchema>;
/** Only the fields sent change (no defaults here: `.partial()` would keep the create defaults). */
export const eventUpdateSchema = z
  .object({
    rev: z.number().int().min(0),
    title: line(160).optional(),
    description: z.string().trim().max(4000).optional(),
    start: z.string().datetime({ offset: true }).optional(),
    end: z.string().datetime({ offset: true }).optional(),
    allDay: z.boolean().optional(),
    place: z.string().trim().max(200).optional(),
    videoUrl: httpsUrl.nullable().optional(),
  })
  .strict();
export const eventParams = z.object({ roomId: objectId, eventId: z.string().uuid() }).strict();
export const eventListQuerySchema = z
  .object({ past: z.enum(['true', 'false']).default('false') })
  .strict();
export const attendanceSchema = z.object({ answer: z.enum(attendanceAnswers) }).strict();

// ---- Tasks --------------------------------------------------------------------------------

export const taskStatuses = ['todo', 'doing', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskCreateSchema = z
  .object({
    id: z.string().uuid({ message: 'invalid_id' }),
    title: line(200),
    description: z.string().trim().max(4000).default(''),
    status: z.enum(taskStatuses).default('todo'),
    assigneeIds: z.array(objectId).max(10).default([]),
    due: isoDay.nullable().default(null),
  })
  .strict();
export type TaskCreateInput = z.input<typeof taskCreateSchema>;
export const taskUpdateSchema = z
  .object({
    rev: z.number().int().min(0),
    title: line(200).optional(),
    description: z.string().trim().max(4000).optional(),
    assigneeIds: z.array(objectId).max(10).optional(),
    due: isoDay.nullable().optional(),
  })
  .strict();
/** Move on the board: to a column and a position in it (0 = top). Rev-guarded. */
export const taskMoveSchema = z
  .object({
    rev: z.number().int().min(0),
    status: z.enum(taskStatuses),
    index: z.number().int().min(0).max(10_000),
  })
  .strict();
export const taskParams = z.object({ roomId: objectId, taskId: z.string().uuid() }).strict();
