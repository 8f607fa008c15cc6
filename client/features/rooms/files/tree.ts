import type { RoomFolderDTO } from '@shared/rooms/types';

/** The largest upload the server takes (50 MB). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** "1,2 MB" / "340 KB" / "12 B" in the reader's language. */
export function formatSize(bytes: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
  return `${n} ${units[unit]}`;
}

/**
 * Folder choices for a move: every folder with its full path ("Protokolle / 2026"), by path.
 * `exclude` (a folder being moved) leaves out that folder and everything below it.
 */
export function folderChoices(
  folders: RoomFolderDTO[],
  exclude: string | null = null,
): { id: string; path: string }[] {
  const byId = new Map(folders.map((f) => [f.id, f]));
  const pathOf = (f: RoomFolderDTO): { names: string[]; ids: string[] } => {
    const names: string[] = [];
    const ids: string[] = [];
    for (let cur: RoomFolderDTO | undefined = f; cur && !ids.includes(cur.id);) {
      names.unshift(cur.name);
      ids.push(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    }
    return { names, ids };
  };
  return folders
    .map((f) => ({ f, p: pathOf(f) }))
    .filter(({ p }) => !exclude || !p.ids.includes(exclude))
    .map(({ f, p }) => ({ id: f.id, path: p.names.join(' / ') }))
    .sort((a, b) => a.path.localeCompare(b.path, 'de', { numeric: true }));
}

/** Files dropped or chosen: the ones too large are refused here already (no 50 MB round trip). */
export function splitBySize(files: File[]): { ok: File[]; tooLarge: File[] } {
  return {
    ok: files.filter((f) => f.size <= MAX_UPLOAD_BYTES),
    tooLarge: files.filter((f) => f.size > MAX_UPLOAD_BYTES),
  };
}
