import { z } from 'zod';
import { line, objectId, cursor } from '../http/fields';
import { audienceSchema } from '../org/audience';

/**
 * The wiki: spaces hold a tree of pages. Page content is a Yjs document edited over `/collab`;
 * the server keeps a sanitised snapshot (HTML + outline + links) for reading, search and export.
 */

/** Space roles, weakest first. A role includes every right of the roles before it. */
export const spaceRoles = ['reader', 'commenter', 'editor', 'admin'] as const;
export type SpaceRole = (typeof spaceRoles)[number];
export const roleRank = (r: SpaceRole | null): number => (r ? spaceRoles.indexOf(r) + 1 : 0);
export const atLeast = (r: SpaceRole | null, min: SpaceRole): boolean =>
  roleRank(r) >= roleRank(min);

/** `org`: for the whole city; `office`: one office's knowledge; `topic`: anything else; `room`: owned by a team room (issue 6). */
export const spaceKinds = ['org', 'office', 'topic', 'room'] as const;
export type SpaceKind = (typeof spaceKinds)[number];

/** A page's id is the client's UUID of the create (idempotent create, like chat and leave). */
export const pageId = z.string().uuid({ message: 'invalid_id' });
export const spaceKey = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'invalid_key' });

export const spaceCreateSchema = z
  .object({
    key: spaceKey,
    name: line(80),
    description: z.string().trim().max(500).default(''),
    kind: z.enum(['org', 'office', 'topic']),
    /** Who may read (role `reader`, or `defaultRole`); empty = everyone. */
    audience: audienceSchema.default({ units: [], roles: [], locationIds: [] }),
    /** The role everyone in the audience gets without an explicit membership. */
    defaultRole: z.enum(['reader', 'commenter', 'editor']).default('reader'),
    /** Edits go live only after a space admin approves them. */
    approvalRequired: z.boolean().default(false),
  })
  .strict();
export type SpaceCreateInput = z.input<typeof spaceCreateSchema>;

export const spaceUpdateSchema = z
  .object({
    rev: z.number().int().min(0),
    name: line(80).optional(),
    description: z.string().trim().max(500).optional(),
    audience: audienceSchema.optional(),
    defaultRole: z.enum(['reader', 'commenter', 'editor']).optional(),
    approvalRequired: z.boolean().optional(),
  })
  .strict();

/** Set (role) or remove (null) one person's explicit role in a space. */
export const spaceMemberSchema = z
  .object({ personId: objectId, role: z.enum(spaceRoles).nullable() })
  .strict();

/** Narrows who may read (and edit) a page and its sub-pages; null = as the space says. */
export const pageRestrictionSchema = z
  .object({
    /** Only these people (plus space admins) may read; editing still needs the editor role. */
    personIds: z.array(objectId).max(200),
    /** …and members of these units (with sub-units). */
    unitIds: z.array(objectId).max(50),
  })
  .strict();
export type PageRestriction = z.infer<typeof pageRestrictionSchema>;

export const pageCreateSchema = z
  .object({
    id: pageId,
    spaceId: objectId,
    parentId: pageId.nullable().default(null),
    title: line(200),
    /** Start from this template's content (a template page of the same space or of `org` spaces). */
    templateId: pageId.nullable().default(null),
    isTemplate: z.boolean().default(false),
  })
  .strict();
export type PageCreateInput = z.input<typeof pageCreateSchema>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date' });

export const pageUpdateSchema = z
  .object({
    rev: z.number().int().min(0),
    title: line(200).optional(),
    ownerId: objectId.optional(),
    /** The owner is reminded on this day to check the page; null = no review date. */
    reviewBy: isoDay.nullable().optional(),
    restriction: pageRestrictionSchema.nullable().optional(),
  })
  .strict();

/** Move within the same space: under `parentId` (null = top level) at position `index` among its visible siblings. */
export const pageMoveSchema = z
  .object({
    rev: z.number().int().min(0),
    parentId: pageId.nullable(),
    index: z.number().int().min(0).max(10_000),
  })
  .strict();

export const pageCopySchema = z
  .object({ id: pageId, title: line(200).optional(), withChildren: z.boolean().default(false) })
  .strict();

export const revisionCreateSchema = z.object({ note: line(200).optional() }).strict();
export const diffQuerySchema = z.object({ from: objectId, to: objectId }).strict();
export const revisionListQuerySchema = z.object({ cursor: cursor.optional() }).strict();

export const commentCreateSchema = z
  .object({
    /** Client UUID: a retried post is stored once. */
    id: z.string().uuid({ message: 'invalid_id' }),
    body: z.string().trim().min(1).max(4000),
    /** Reply to a top-level comment (one level of threads). */
    parentId: z.string().uuid().nullable().default(null),
  })
  .strict();
export const commentUpdateSchema = z
  .object({
    body: z.string().trim().min(1).max(4000).optional(),
    resolved: z.boolean().optional(),
  })
  .strict();

export const reviewDecisionSchema = z
  .object({ rev: z.number().int().min(0), comment: z.string().trim().max(1000).optional() })
  .strict();

export const wikiSearchQuerySchema = z
  .object({
    q: z.string().trim().min(1).max(200),
    spaceId: objectId.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

export const spaceListQuerySchema = z.object({ q: z.string().trim().max(100).optional() }).strict();

/** Name of a page's Yjs document on `/collab`. */
export const collabDocName = (id: string) => `wiki-page:${id}`;
export const parseCollabDocName = (name: string): string | null => {
  const m = /^wiki-page:([0-9a-f-]{36})$/i.exec(name);
  return m ? (m[1] as string).toLowerCase() : null;
};
/** The Yjs XML fragment the editor binds to. */
export const COLLAB_FIELD = 'default';
