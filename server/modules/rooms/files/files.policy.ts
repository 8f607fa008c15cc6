import path from 'node:path';
import type { RoomAbilities } from '@shared/rooms/types';

/**
 * Rights on room files and folders, derived from the room's abilities (the one room policy):
 * - create folders, upload, add a version: contribute (members, room not archived);
 * - rename / move a file or folder: its author, or a moderator;
 * - delete a file: its author or a moderator; delete a folder: moderators only.
 * Mirrors `roomItemAbilities` (edit = contribute && author; delete = contribute && (author || moderate)).
 */
type Abilities = Pick<RoomAbilities, 'contribute' | 'moderate'>;

export function fileAbilities(room: Abilities, viewerId: string, authorId: string) {
  const own = viewerId === authorId;
  return {
    rename: room.contribute && (own || room.moderate),
    delete: room.contribute && (own || room.moderate),
    newVersion: room.contribute,
  };
}

export function folderAbilities(room: Abilities, viewerId: string, authorId: string) {
  return {
    rename: room.contribute && (viewerId === authorId || room.moderate),
    delete: room.moderate,
  };
}

export const PREVIEW_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/** What the browser may show inline: raster images and PDF only (never HTML, SVG, text). */
export function previewKind(contentType: string): 'image' | 'pdf' | null {
  if (PREVIEW_IMAGE_TYPES.includes(contentType)) return 'image';
  if (contentType === 'application/pdf') return 'pdf';
  return null;
}

/** A new version must be the same kind of file (same sniffed type; text counts as one type). */
export function sameKind(current: string, next: string): boolean {
  const base = (t: string) => t.split(';')[0]?.trim().toLowerCase() ?? '';
  return base(current) === base(next);
}

/** The case-insensitive key names are unique by. */
export const nameKey = (name: string): string => name.normalize('NFC').toLocaleLowerCase('de');

/** "Bericht.pdf" → "Bericht (2).pdf", "Bericht (3).pdf" … the first one not taken. */
export function uniqueName(name: string, taken: (key: string) => boolean): string {
  if (!taken(nameKey(name))) return name;
  const { name: base, ext } = path.parse(name);
  const stem = base.replace(/ \(\d+\)$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!taken(nameKey(candidate))) return candidate;
  }
}

/**
 * A renamed file keeps the extension of its real type: "x.pdf" renamed "x.html" becomes
 * "x.html.pdf", so a name never claims another type than the bytes have.
 */
export function keepExtension(newName: string, currentName: string): string {
  const ext = path.extname(currentName);
  if (!ext) return newName;
  return path.extname(newName).toLowerCase() === ext.toLowerCase() ? newName : `${newName}${ext}`;
}

/** True when `candidateId` is `folderId` itself or lies below it (`parentOf` walks up). */
export function isSelfOrDescendant(
  folderId: string,
  candidateId: string | null,
  parentOf: (id: string) => string | null | undefined,
): boolean {
  const seen = new Set<string>();
  for (let id = candidateId; id; id = parentOf(id) ?? null) {
    if (id === folderId) return true;
    if (seen.has(id)) return true; // a cycle in stored data: refuse rather than loop
    seen.add(id);
  }
  return false;
}
