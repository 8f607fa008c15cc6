import type { SpaceDTO, SpaceMemberDTO } from '@shared/wiki/types';
import { peopleFromDirectory } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import type { SpaceAccess } from './access';
import type { SpaceMeta, WikiIndex } from './page-index';

export function presentSpace(access: SpaceAccess, index: WikiIndex): SpaceDTO {
  const s = access.space;
  return {
    id: s.id,
    key: s.key,
    name: s.name,
    description: s.description,
    kind: s.kind,
    roomId: s.roomId,
    audience: s.audience,
    defaultRole: s.defaultRole,
    approvalRequired: s.approvalRequired,
    myRole: access.role,
    pageCount: index.pagesOf(s.id).filter((p) => !p.archived).length,
    updatedAt: s.updatedAt.toISOString(),
    rev: s.rev,
    abilities: access.abilities,
  };
}

/** Explicit members (people still in the directory), admins first, then by name. */
export async function presentMembers(space: SpaceMeta): Promise<SpaceMemberDTO[]> {
  const people = await peopleFromDirectory(space.members.map((m) => m.personId));
  const byId = new Map(people.map((p) => [String(p._id), p]));
  const rank = { admin: 0, editor: 1, commenter: 2, reader: 3 } as const;
  return space.members
    .flatMap((m) => {
      const p = byId.get(m.personId);
      return p ? [{ person: presentPersonRef(p), role: m.role }] : [];
    })
    .sort(
      (a, b) =>
        rank[a.role] - rank[b.role] ||
        a.person.displayName.localeCompare(b.person.displayName, 'de'),
    );
}
