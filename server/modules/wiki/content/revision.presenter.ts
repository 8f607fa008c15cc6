import type { RevisionDTO } from '@shared/wiki/types';
import type { PersonRef } from '@shared/people/types';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import type { RevisionMeta } from './revision.model';

/** Revisions as DTOs: authors and creator as person references from the directory (one lookup). */
export async function presentRevisions(
  pageId: string,
  rows: RevisionMeta[],
): Promise<RevisionDTO[]> {
  const ids = new Set<string>();
  for (const r of rows) {
    r.authorIds.forEach((a) => ids.add(a));
    if (r.createdBy) ids.add(r.createdBy);
  }
  const people = new Map<string, PersonRef>(
    (await peopleFromDirectory([...ids])).map((p) => [String(p._id), presentPersonRef(p)]),
  );
  return rows.map((r) => ({
    id: r.id,
    pageId,
    number: r.number,
    kind: r.kind,
    note: r.note ?? null,
    authors: r.authorIds.flatMap((a) => people.get(a) ?? []),
    createdAt: new Date(r.createdAt).toISOString(),
    createdBy: (r.createdBy && people.get(r.createdBy)) || null,
    title: r.title,
  }));
}

export const metaOf = (r: {
  _id: { toString(): string };
  number: number;
  kind: RevisionMeta['kind'];
  note: string | null;
  authorIds: string[];
  createdBy: string | null;
  createdAt: Date;
  title: string;
}): RevisionMeta => ({
  id: String(r._id),
  number: r.number,
  kind: r.kind,
  note: r.note ?? null,
  authorIds: r.authorIds ?? [],
  createdBy: r.createdBy ?? null,
  createdAt: r.createdAt,
  title: r.title,
});
