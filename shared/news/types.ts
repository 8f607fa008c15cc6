import type { Audience } from '../org/audience';
import type { PersonRef } from '../people/types';
import type { NewsReaction, NewsStatus, NewsVariant } from './schemas';

export interface NewsChannelDTO {
  id: string;
  name: { de: string; en: string };
  description: { de: string; en: string };
  unit: { id: string; name: string } | null;
  editors: PersonRef[];
  requiresApproval: boolean;
  abilities: { update: boolean; publish: boolean };
}

export interface NewsImageDTO {
  fileId: string;
  /** Authorised download path under `/api/news/:id/files/:fileId`. */
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
}

export interface NewsAttachmentDTO {
  fileId: string;
  url: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface NewsVariantSummaryDTO {
  title: string;
  teaser: string;
}

export interface PlainReviewDTO {
  reviewedBy: PersonRef | null;
  reviewedAt: string | null;
}

/** What the viewer may do with an article (from `newsAbilities`). */
export interface NewsAbilities {
  update: boolean;
  submit: boolean;
  approve: boolean;
  publish: boolean;
  unpublish: boolean;
  delete: boolean;
  comment: boolean;
  react: boolean;
  acknowledge: boolean;
  moderate: boolean;
  viewDashboard: boolean;
  viewHistory: boolean;
}

/** The viewer's own relation to the article. */
export interface NewsViewerState {
  read: boolean;
  /** When the viewer confirmed the current acknowledgement round, if they did. */
  acknowledgedAt: string | null;
  reaction: NewsReaction | null;
}

/** An article in lists, feeds and widgets (no bodies). */
export interface NewsSummaryDTO {
  id: string;
  channel: { id: string; name: { de: string; en: string } };
  status: NewsStatus;
  /** `de` always; `en` and `plain` when written. */
  variants: Partial<Record<NewsVariant, NewsVariantSummaryDTO>> & { de: NewsVariantSummaryDTO };
  plainReview: PlainReviewDTO | null;
  cover: NewsImageDTO | null;
  author: PersonRef | null;
  unit: { id: string; name: string } | null;
  publishedAt: string | null;
  publishAt: string | null;
  expiresAt: string | null;
  updatedAt: string;
  pinned: boolean;
  highlighted: boolean;
  /** Present on mandatory articles: the deadline and the current round (raised by material edits). */
  mandatory: { deadline: string; round: number } | null;
  allowComments: boolean;
  allowReactions: boolean;
  commentCount: number;
  reactions: Partial<Record<NewsReaction, number>>;
  /** Revision number for optimistic concurrency. */
  rev: number;
  /** Only for those who may edit: the targeting rules. */
  audience: Audience | null;
  viewer: NewsViewerState;
  abilities: NewsAbilities;
}

export interface NewsHistoryEntryDTO {
  rev: number;
  at: string;
  by: PersonRef | null;
  /** `created`, `updated`, `submitted`, `approved`, `rejected`, `published`, `scheduled`, `unpublished`. */
  action: string;
  material: boolean;
  note: string;
}

/** `GET /api/news/:id`: the article with its sanitised bodies. */
export interface NewsArticleDTO extends NewsSummaryDTO {
  bodies: Partial<Record<NewsVariant, string>> & { de: string };
  attachments: NewsAttachmentDTO[];
  /** Editors only (empty for readers). */
  history: NewsHistoryEntryDTO[];
}

export interface NewsCommentDTO {
  id: string;
  parentId: string | null;
  author: PersonRef | null;
  /** Empty when hidden or deleted and the viewer may not moderate. */
  body: string;
  hidden: boolean;
  deleted: boolean;
  createdAt: string;
  editedAt: string | null;
  abilities: { update: boolean; delete: boolean; moderate: boolean };
}

/** `GET /api/news/:id/acknowledgements`: completion per office, and who is still missing. */
export interface AcknowledgementDashboardDTO {
  articleId: string;
  round: number;
  deadline: string;
  total: number;
  acknowledged: number;
  offices: { id: string; name: string; total: number; acknowledged: number }[];
  /** People in the audience who have not yet confirmed (alphabetical, capped at 500). */
  pending: PersonRef[];
  pendingTruncated: boolean;
}

/** `POST /api/news/:id/uploads` result (`:id` may be a new article not yet saved: client-generated id). */
export interface NewsUploadDTO {
  fileId: string;
  kind: 'image' | 'file';
  filename: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  /** Path to preview the upload (authorised to the uploader, later to the article's readers). */
  url: string;
}
