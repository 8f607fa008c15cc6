import { createKeyedCache } from '../../../lib/keyed-cache';
import { withKeyLock } from '../../../lib/keyed-lock';
import { RoomFileModel, RoomFolderModel, type RoomFile, type RoomFolder } from './files.model';

/**
 * A room's folders and files in memory (keyed cache per room id): the list, breadcrumbs and
 * downloads answer from here. A miss loads the room with two queries; `warmRoomFiles` fills all
 * rooms from two bulk reads after start. Writers change a copy under `treeLock` and `set` it.
 */
export interface FileTree {
  folders: ReadonlyMap<string, RoomFolder>;
  files: ReadonlyMap<string, RoomFile>;
}

const normFolder = (f: RoomFolder): RoomFolder => ({
  ...f,
  _id: String(f._id),
  parentId: f.parentId ?? null,
  parentKey: f.parentKey ?? '',
});
/** A stored file document as the tree keeps it (string ids, defaults filled). */
export const normFile = (f: RoomFile): RoomFile => ({
  ...f,
  _id: String(f._id),
  folderId: f.folderId ?? null,
  parentKey: f.parentKey ?? '',
  versions: f.versions ?? [],
  deletedAt: f.deletedAt ?? null,
});

function build(folders: RoomFolder[], files: RoomFile[]): FileTree {
  return {
    folders: new Map(folders.map((f) => [String(f._id), normFolder(f)])),
    files: new Map(
      files.filter((f) => !f.deletedAt).map((f) => [String(f._id), normFile(f)] as const),
    ),
  };
}

const trees = createKeyedCache<FileTree>({
  name: 'room-file-trees',
  max: 5_000,
  load: async (roomId) => {
    const [folders, files] = await Promise.all([
      RoomFolderModel.find({ roomId }).lean<RoomFolder[]>(),
      RoomFileModel.find({ roomId }).lean<RoomFile[]>(),
    ]);
    return build(folders, files);
  },
});

export const fileTree = (roomId: string): Promise<FileTree> => trees.get(roomId);

/** Serialises the writes of one room's tree in this process (names, moves, deletes). */
export const treeLock = <T>(roomId: string, fn: () => Promise<T>): Promise<T> =>
  withKeyLock(`room-files:${roomId}`, fn);

/** Applies a change to a copy of the tree (after the database write) and stores it. */
export async function updateTree(
  roomId: string,
  change: (t: { folders: Map<string, RoomFolder>; files: Map<string, RoomFile> }) => void,
): Promise<void> {
  const current = await trees.get(roomId);
  const next = { folders: new Map(current.folders), files: new Map(current.files) };
  change(next);
  trees.set(roomId, next);
}

/** After a write whose outcome is unknown: reload on next use (here and on other instances). */
export const forgetTree = (roomId: string): void => trees.invalidate(roomId);

/** Fills the trees of these rooms from two bulk reads (rooms without files get empty trees). */
export async function warmRoomFiles(roomIds: Iterable<string>): Promise<void> {
  await trees.prime(async () => {
    const [folders, files] = await Promise.all([
      RoomFolderModel.find({}).lean<RoomFolder[]>(),
      RoomFileModel.find({}).lean<RoomFile[]>(),
    ]);
    const byRoom = new Map<string, { folders: RoomFolder[]; files: RoomFile[] }>();
    const of = (id: string) => {
      let r = byRoom.get(id);
      if (!r) byRoom.set(id, (r = { folders: [], files: [] }));
      return r;
    };
    for (const id of roomIds) of(id);
    for (const f of folders) of(f.roomId).folders.push(f);
    for (const f of files) of(f.roomId).files.push(f);
    return [...byRoom].map(([id, r]) => [id, build(r.folders, r.files)] as [string, FileTree]);
  });
}

/** Test helper: drop every cached tree of this process. */
export const clearFileTrees = (): void => trees.clear();

/** Root first, down to and including `folderId`. */
export function folderPath(tree: FileTree, folderId: string | null): RoomFolder[] {
  const chain: RoomFolder[] = [];
  const seen = new Set<string>();
  for (let id = folderId; id && !seen.has(id);) {
    seen.add(id);
    const f = tree.folders.get(id);
    if (!f) break;
    chain.unshift(f);
    id = f.parentId;
  }
  return chain;
}

/** Every folder below `folderId` (not itself) and every file in it or below. */
export function subtree(tree: FileTree, folderId: string) {
  const folders: RoomFolder[] = [];
  const queue = [folderId];
  const inside = new Set([folderId]);
  while (queue.length) {
    const parent = queue.shift() as string;
    for (const f of tree.folders.values()) {
      if (f.parentId === parent && !inside.has(f._id)) {
        inside.add(f._id);
        folders.push(f);
        queue.push(f._id);
      }
    }
  }
  const files = [...tree.files.values()].filter((f) => f.folderId && inside.has(f.folderId));
  return { folders, files };
}
