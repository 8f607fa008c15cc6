import type { PersonRef } from '../people/types';
import type { Audience } from '../org/audience';
import type { PageRestriction, SpaceKind, SpaceRole } from './schemas';

export interface SpaceAbilities {
  read: boolean;
  comment: boolean;
  /** Create, edit, move, copy, archive pages; manage templates. */
  edit: boolean;
  /** Settings, members, approving reviews, restoring archived pages of others. */
  manage: boolean;
}

export interface SpaceDTO {
  id: string;
  key: string;
  name: string;
  description: string;
  kind: SpaceKind;
  /** The team room that owns it (issue 6), else null. */
  roomId: string | null;
  audience: Audience;
  defaultRole: Exclude<SpaceRole, 'admin'>;
  approvalRequired: boolean;
  /** The viewer's effective role. */
  myRole: SpaceRole | null;
  pageCount: number;
  updatedAt: string;
  rev: number;
  abilities: SpaceAbilities;
}

export interface SpaceMemberDTO {
  person: PersonRef;
  role: SpaceRole;
}

/** One node of a space's tree, as the viewer may see it (restricted pages they cannot read are absent, with their sub-pages). */
export interface TreeNodeDTO {
  id: string;
  parentId: string | null;
  title: string;
  /** Position among siblings (0-based, contiguous in the viewer's tree). */
  index: number;
  hasChildren: boolean;
  restricted: boolean;
  isTemplate: boolean;
  /** A review is pending for this page's latest edits. */
  reviewPending: boolean;
  rev: number;
}

export interface SpaceTreeDTO {
  spaceId: string;
  nodes: TreeNodeDTO[];
}

export interface PageAbilities {
  read: boolean;
  comment: boolean;
  /** Edit content (co-editing) and title. */
  edit: boolean;
  /** Move, copy, archive, set owner / review date. */
  organise: boolean;
  /** Set the page restriction. */
  restrict: boolean;
  /** Approve or reject a pending review. */
  review: boolean;
  /** See the draft (latest edits) when the space requires approval. */
  viewDraft: boolean;
  restore: boolean;
}

export interface TocEntryDTO {
  level: 1 | 2 | 3 | 4;
  text: string;
  /** Anchor id in the snapshot HTML (`h-<n>`). */
  anchor: string;
}

export interface BreadcrumbDTO {
  id: string;
  title: string;
}

export type ReviewState = 'none' | 'pending' | 'rejected';

export interface PageDTO {
  id: string;
  spaceId: string;
  spaceName: string;
  parentId: string | null;
  title: string;
  breadcrumbs: BreadcrumbDTO[];
  /**
   * Sanitised HTML to read: the published version (what readers see). With approval off it is
   * the latest snapshot of the shared document.
   */
  html: string;
  toc: TocEntryDTO[];
  /** Present when the viewer may see the draft and it differs from the published version. */
  draftHtml: string | null;
  owner: PersonRef | null;
  reviewBy: string | null;
  restriction: PageRestriction | null;
  /** The restriction in force here, set on this page or an ancestor (null = none). */
  restrictedBy: BreadcrumbDTO | null;
  archived: boolean;
  isTemplate: boolean;
  review: {
    state: ReviewState;
    requestedBy: PersonRef | null;
    requestedAt: string | null;
    comment: string | null;
  };
  watching: boolean;
  commentCount: number;
  updatedAt: string;
  updatedBy: PersonRef | null;
  publishedAt: string | null;
  rev: number;
  abilities: PageAbilities;
}

export interface PageRefDTO {
  id: string;
  spaceId: string;
  spaceName: string;
  title: string;
  breadcrumbs: BreadcrumbDTO[];
  updatedAt: string;
}

export interface StalePageDTO extends PageRefDTO {
  owner: PersonRef | null;
  reviewBy: string | null;
  /** `review_due`: the review date has passed; `untouched`: not edited for 12 months. */
  reason: 'review_due' | 'untouched';
}

export interface WikiSearchHitDTO extends PageRefDTO {
  /** Plain-text excerpt around the match (no HTML). */
  excerpt: string;
}

export interface RevisionDTO {
  id: string;
  pageId: string;
  /** Monotonic per page. */
  number: number;
  kind: 'idle' | 'manual' | 'restore' | 'approved' | 'created';
  note: string | null;
  authors: PersonRef[];
  createdAt: string;
  createdBy: PersonRef | null;
  title: string;
}

export interface RevisionDetailDTO extends RevisionDTO {
  html: string;
}

/** A readable diff: blocks of the two versions aligned; changed blocks carry word-level parts. */
export interface DiffBlockDTO {
  kind: 'same' | 'added' | 'removed' | 'changed';
  /** The block type (paragraph, heading, list item, table row, code, …) for display. */
  block: string;
  parts: { op: 'same' | 'added' | 'removed'; text: string }[];
}
export interface DiffDTO {
  from: RevisionDTO;
  to: RevisionDTO;
  blocks: DiffBlockDTO[];
  titleChanged: { from: string; to: string } | null;
}

export interface WikiCommentAbilities {
  edit: boolean;
  resolve: boolean;
  delete: boolean;
  reply: boolean;
}

export interface WikiCommentDTO {
  id: string;
  pageId: string;
  parentId: string | null;
  author: PersonRef;
  /** Plain text (rendered as text, never as HTML). */
  body: string;
  resolved: boolean;
  resolvedBy: PersonRef | null;
  deleted: boolean;
  createdAt: string;
  editedAt: string | null;
  abilities: WikiCommentAbilities;
}

export interface WikiFileDTO {
  id: string;
  name: string;
  size: number;
  contentType: string;
  /** Authorised download URL (`/api/wiki/pages/<pageId>/files/<fileId>`). */
  url: string;
  isImage: boolean;
}

/** A page waiting for the viewer's review decision. */
export interface ReviewItemDTO extends PageRefDTO {
  requestedBy: PersonRef | null;
  requestedAt: string;
  rev: number;
}

/** The start page widget "Wiki": what changed lately among watched and readable pages. */
export interface WikiWidgetDTO {
  /** Pages the viewer watches, most recently changed first (up to 5). */
  watched: PageRefDTO[];
  /** Other readable pages changed lately, newest first (up to 5). */
  recent: PageRefDTO[];
  /** Pages waiting for the viewer's review decision. */
  reviews: number;
}
