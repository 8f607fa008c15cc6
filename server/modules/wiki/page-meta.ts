import type { Audience } from '@shared/org/audience';
import type { PageRestriction, SpaceKind, SpaceRole } from '@shared/wiki/schemas';
import type { ReviewState } from '@shared/wiki/types';
import type { Page } from './page.model';
import type { Space } from './space.model';

/** The rows of the wiki's read model (plain strings for ids), built from stored documents. */
export interface SpaceMeta {
  id: string;
  key: string;
  name: string;
  description: string;
  kind: SpaceKind;
  roomId: string | null;
  audience: Audience;
  defaultRole: Exclude<SpaceRole, 'admin'>;
  approvalRequired: boolean;
  members: { personId: string; role: SpaceRole }[];
  createdBy: string | null;
  updatedAt: Date;
  rev: number;
}

export interface PageMeta {
  id: string;
  spaceId: string;
  parentId: string | null;
  order: number;
  title: string;
  ownerId: string | null;
  reviewBy: string | null;
  reviewRemindedFor: string | null;
  restriction: PageRestriction | null;
  archived: boolean;
  archivedAt: Date | null;
  archivedBy: string | null;
  archiveRootId: string | null;
  isTemplate: boolean;
  review: {
    state: ReviewState;
    requestedBy: string | null;
    requestedAt: Date | null;
    comment: string | null;
  };
  publishedAt: Date | null;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string | null;
  links: string[];
  rev: number;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function toSpaceMeta(d: Space): SpaceMeta {
  const a = d.audience ?? { units: [], roles: [], locationIds: [] };
  return {
    id: String(d._id),
    key: d.key,
    name: d.name,
    description: d.description ?? '',
    kind: d.kind as SpaceKind,
    roomId: str(d.roomId),
    audience: {
      units: (a.units ?? []).map((u) => ({
        unitId: String(u.unitId),
        withSubunits: !!u.withSubunits,
      })),
      roles: (a.roles ?? []) as Audience['roles'],
      locationIds: (a.locationIds ?? []).map(String),
    },
    defaultRole: (d.defaultRole ?? 'reader') as SpaceMeta['defaultRole'],
    approvalRequired: !!d.approvalRequired,
    members: (d.members ?? []).map((m) => ({
      personId: String(m.personId),
      role: m.role as SpaceRole,
    })),
    createdBy: str(d.createdBy),
    updatedAt: d.updatedAt,
    rev: d.rev ?? 0,
  };
}

export function toPageMeta(d: Page): PageMeta {
  const r = d.restriction;
  return {
    id: String(d._id),
    spaceId: String(d.spaceId),
    parentId: str(d.parentId),
    order: d.order ?? 0,
    title: d.title,
    ownerId: str(d.ownerId),
    reviewBy: d.reviewBy ?? null,
    reviewRemindedFor: d.reviewRemindedFor ?? null,
    restriction: r
      ? { personIds: (r.personIds ?? []).map(String), unitIds: (r.unitIds ?? []).map(String) }
      : null,
    archived: !!d.archived,
    archivedAt: d.archivedAt ?? null,
    archivedBy: str(d.archivedBy),
    archiveRootId: d.archiveRootId ?? null,
    isTemplate: !!d.isTemplate,
    review: {
      state: (d.review?.state ?? 'none') as ReviewState,
      requestedBy: str(d.review?.requestedBy),
      requestedAt: d.review?.requestedAt ?? null,
      comment: d.review?.comment ?? null,
    },
    publishedAt: d.publishedAt ?? null,
    createdAt: d.createdAt,
    createdBy: String(d.createdBy),
    updatedAt: d.updatedAt,
    updatedBy: str(d.updatedBy),
    links: (d.links ?? []).map(String),
    rev: d.rev ?? 0,
  };
}
