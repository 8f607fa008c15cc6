import type { PersonRef } from '@shared/people/types';
import type { RoomAbilities, RoomFileDTO, RoomFolderDTO } from '@shared/rooms/types';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import type { RoomFile, RoomFolder } from './files.model';
import { fileAbilities, folderAbilities, previewKind } from './files.policy';

type Viewer = { id: string; abilities: Pick<RoomAbilities, 'contribute' | 'moderate'> };

const base = (roomId: string, fileId: string) => `/api/rooms/${roomId}/files/${fileId}`;
export const fileUrls = (roomId: string, fileId: string) => ({
  download: `${base(roomId, fileId)}/download`,
  preview: `${base(roomId, fileId)}/preview`,
  version: (n: number) => `${base(roomId, fileId)}/versions/${n}`,
});

/** Shown for uploaders no longer in the directory. */
const unknownPerson = (id: string): PersonRef => ({
  id,
  displayName: '—',
  position: null,
  unitId: null,
  initials: '?',
  photoUrl: null,
});

/** Person refs of everyone who uploaded a version of these files (from the directory read model). */
export async function uploaderRefs(files: RoomFile[]): Promise<Map<string, PersonRef>> {
  const ids = [...new Set(files.flatMap((f) => f.versions.map((v) => v.uploadedBy)))];
  const people = await peopleFromDirectory(ids);
  return new Map(people.map((p) => [String(p._id), presentPersonRef(p)]));
}

export function presentFolder(f: RoomFolder, viewer: Viewer): RoomFolderDTO {
  return {
    id: f._id,
    name: f.name,
    parentId: f.parentId,
    abilities: folderAbilities(viewer.abilities, viewer.id, f.createdBy),
  };
}

export function presentFile(
  f: RoomFile,
  viewer: Viewer,
  refs: ReadonlyMap<string, PersonRef>,
): RoomFileDTO {
  const urls = fileUrls(f.roomId, f._id);
  const ref = (id: string) => refs.get(id) ?? unknownPerson(id);
  const current = f.versions[f.versions.length - 1];
  const contentType = current?.contentType ?? 'application/octet-stream';
  const preview = previewKind(contentType);
  return {
    id: f._id,
    name: f.name,
    folderId: f.folderId,
    contentType,
    size: current?.size ?? 0,
    version: f.versions.length,
    preview,
    url: urls.download,
    previewUrl: preview ? `${urls.preview}?v=${f.versions.length}` : null,
    uploadedBy: ref(current?.uploadedBy ?? f.createdBy),
    updatedAt: new Date(current?.at ?? f.updatedAt).toISOString(),
    versions: f.versions
      .map((v, i) => ({
        version: i + 1,
        size: v.size,
        uploadedBy: ref(v.uploadedBy),
        uploadedAt: new Date(v.at).toISOString(),
        url: urls.version(i + 1),
      }))
      .reverse(),
    abilities: fileAbilities(viewer.abilities, viewer.id, f.createdBy),
  };
}
