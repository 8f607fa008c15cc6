import { Schema, model } from 'mongoose';

/**
 * Room files: folders and file metadata per room; the bytes live in the GridFS bucket
 * `room_files` (one GridFS file per version). Read per room through the tree cache
 * (`file-tree.ts`), never per request. Names are unique among siblings, case-insensitively:
 * `parentKey` + `nameKey` carry a unique index (root = ''), so two instances cannot both win.
 */
export interface RoomFolder {
  _id: string;
  roomId: string;
  parentId: string | null;
  /** `parentId ?? ''`: a string, so the unique index never compares nulls. */
  parentKey: string;
  name: string;
  /** Lower-cased name; `deleted:<id>` while a delete is under way. */
  nameKey: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface RoomFileVersion {
  gridId: string;
  size: number;
  contentType: string;
  uploadedBy: string;
  at: Date;
}

export interface RoomFile {
  _id: string;
  roomId: string;
  folderId: string | null;
  parentKey: string;
  name: string;
  nameKey: string;
  /** Oldest first; the last one is the current version (number = index + 1). */
  versions: RoomFileVersion[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Set while a delete removes the GridFS data (then the document goes too). */
  deletedAt: Date | null;
}

const folderSchema = new Schema<RoomFolder>(
  {
    _id: { type: String, required: true },
    roomId: { type: String, required: true },
    parentId: { type: String, default: null },
    parentKey: { type: String, default: '' },
    name: { type: String, required: true },
    nameKey: { type: String, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
folderSchema.index({ roomId: 1, parentKey: 1, nameKey: 1 }, { unique: true });

const fileSchema = new Schema<RoomFile>(
  {
    _id: { type: String, required: true },
    roomId: { type: String, required: true },
    folderId: { type: String, default: null },
    parentKey: { type: String, default: '' },
    name: { type: String, required: true },
    nameKey: { type: String, required: true },
    versions: { type: Schema.Types.Mixed, default: [] },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    deletedAt: { type: Date, default: null },
  },
  { versionKey: false, minimize: false },
);
fileSchema.index({ roomId: 1, parentKey: 1, nameKey: 1 }, { unique: true });

export const RoomFolderModel = model<RoomFolder>('RoomFolder', folderSchema, 'room_folders');
export const RoomFileModel = model<RoomFile>('RoomFile', fileSchema, 'room_files');

/** GridFS bucket of the versions' bytes (`metadata.ownerType` room-file, `ownerId` room id). */
export const ROOM_FILES_BUCKET = 'room_files';
export const ROOM_FILE_OWNER_TYPE = 'room-file';
