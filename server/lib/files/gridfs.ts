import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose from 'mongoose';
import type { Db, GridFSBucket, GridFSBucketReadStream, GridFSFile } from 'mongodb';
import { conflict } from '../errors';

/** Bucket for general uploads; features may use their own (`photos`, `attachments` …). */
export const DEFAULT_BUCKET = 'uploads';

/** What a stored file belongs to: downloads are authorised against this parent. */
export interface FileOwner {
  /** The parent's kind, e.g. `person`, `news`, `message`, `room`. */
  ownerType: string;
  ownerId: string;
  /** Person id of the uploader. */
  uploadedBy: string;
  /** Client-generated id: a retried upload with the same id is stored once. */
  uploadId?: string;
}

export interface StoredFile {
  id: string;
  filename: string;
  contentType: string;
  length: number;
  uploadedAt: Date;
  metadata: FileOwner;
}

export interface SaveFileInput {
  /** Exactly one of `buffer` and `stream`. */
  buffer?: Buffer;
  stream?: Readable;
  filename: string;
  /** The sniffed type (never the one the client declared). */
  contentType: string;
  metadata: FileOwner;
  bucket?: string;
}

type FileMetadata = FileOwner & { contentType: string };
const ObjectId = mongoose.Types.ObjectId;

function database(): Db {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database not connected');
  return db;
}

const buckets = new WeakMap<Db, Map<string, Promise<GridFSBucket>>>();

/**
 * The bucket on the current connection, with our indexes (created once per connection):
 * unique `metadata.uploadId` (sparse: only uploads that carry one) and the owner lookup.
 */
export function getBucket(name = DEFAULT_BUCKET): Promise<GridFSBucket> {
  const db = database();
  let perDb = buckets.get(db);
  if (!perDb) buckets.set(db, (perDb = new Map()));
  let bucket = perDb.get(name);
  if (!bucket) {
    bucket = (async () => {
      const files = db.collection(`${name}.files`);
      await files.createIndex(
        { 'metadata.uploadId': 1 },
        { unique: true, sparse: true, name: 'uploadId_unique' },
      );
      await files.createIndex(
        { 'metadata.ownerType': 1, 'metadata.ownerId': 1 },
        { name: 'owner' },
      );
      return new mongoose.mongo.GridFSBucket(db, { bucketName: name });
    })();
    bucket.catch(() => perDb.delete(name)); // retry index creation next time
    perDb.set(name, bucket);
  }
  return bucket;
}

function toObjectId(id: string): InstanceType<typeof ObjectId> | null {
  return /^[0-9a-f]{24}$/i.test(id) ? new ObjectId(id) : null;
}

function present(doc: GridFSFile): StoredFile {
  const meta = (doc.metadata ?? {}) as Partial<FileMetadata>;
  return {
    id: String(doc._id),
    filename: doc.filename,
    contentType: meta.contentType ?? 'application/octet-stream',
    length: doc.length,
    uploadedAt: doc.uploadDate,
    metadata: {
      ownerType: meta.ownerType ?? '',
      ownerId: meta.ownerId ?? '',
      uploadedBy: meta.uploadedBy ?? '',
      ...(meta.uploadId ? { uploadId: meta.uploadId } : {}),
    },
  };
}

/** The file's record, or null when the id is malformed or nothing is stored under it. */
export async function findFile(id: string, bucket = DEFAULT_BUCKET): Promise<StoredFile | null> {
  const _id = toObjectId(id);
  if (!_id) return null;
  const [doc] = await (await getBucket(bucket)).find({ _id }, { limit: 1 }).toArray();
  return doc ? present(doc) : null;
}

async function findByUploadId(bucket: string, uploadId: string): Promise<StoredFile | null> {
  const [doc] = await (
    await getBucket(bucket)
  )
    .find({ 'metadata.uploadId': uploadId }, { limit: 1 })
    .toArray();
  return doc ? present(doc) : null;
}

/** A retry must come from the same uploader for the same parent, or it is someone else's id. */
function sameUpload(existing: StoredFile, meta: FileOwner): StoredFile {
  const m = existing.metadata;
  if (
    m.uploadedBy !== meta.uploadedBy ||
    m.ownerType !== meta.ownerType ||
    m.ownerId !== meta.ownerId
  ) {
    throw conflict('This upload id is already in use.');
  }
  return existing;
}

/**
 * Stores a file. With `metadata.uploadId`, a retry of the same upload returns the file stored the
 * first time (`created: false`) instead of storing it twice, even when both attempts race.
 */
export async function saveFile(input: SaveFileInput): Promise<StoredFile & { created: boolean }> {
  const name = input.bucket ?? DEFAULT_BUCKET;
  const bucket = await getBucket(name);
  const { uploadId } = input.metadata;
  if (uploadId) {
    const existing = await findByUploadId(name, uploadId);
    if (existing) return { ...sameUpload(existing, input.metadata), created: false };
  }
  if (!input.buffer === !input.stream)
    throw new Error('saveFile needs exactly one of buffer and stream');
  const metadata: FileMetadata = {
    ownerType: input.metadata.ownerType,
    ownerId: input.metadata.ownerId,
    uploadedBy: input.metadata.uploadedBy,
    contentType: input.contentType,
    ...(uploadId ? { uploadId } : {}), // absent, never null: the unique index is sparse
  };
  const upload = bucket.openUploadStream(input.filename, { metadata });
  const source = input.stream ?? Readable.from([input.buffer as Buffer]);
  try {
    await pipeline(source, upload);
  } catch (err) {
    // The chunks are written before the files document; remove what this attempt left behind.
    await bucket.delete(upload.id).catch(() => undefined);
    if (uploadId && err instanceof mongoose.mongo.MongoServerError && err.code === 11000) {
      const winner = await findByUploadId(name, uploadId);
      if (winner) return { ...sameUpload(winner, input.metadata), created: false };
    }
    throw err;
  }
  const stored = await findFile(String(upload.id), name);
  if (!stored) throw new Error('stored file vanished');
  return { ...stored, created: true };
}

/** A stream of the file's bytes, or null when there is no such file. */
export async function openDownload(
  id: string,
  bucket = DEFAULT_BUCKET,
): Promise<{ file: StoredFile; stream: GridFSBucketReadStream } | null> {
  const file = await findFile(id, bucket);
  if (!file) return null;
  const stream = (await getBucket(bucket)).openDownloadStream(new ObjectId(file.id));
  return { file, stream };
}

/** Reads a whole (small) file into memory. */
export async function readFile(id: string, bucket = DEFAULT_BUCKET): Promise<Buffer | null> {
  const download = await openDownload(id, bucket);
  if (!download) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of download.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Deletes the file and its chunks. Idempotent: false when there was nothing to delete. */
export async function deleteFile(id: string, bucket = DEFAULT_BUCKET): Promise<boolean> {
  const _id = toObjectId(id);
  if (!_id) return false;
  try {
    await (await getBucket(bucket)).delete(_id);
    return true;
  } catch (err) {
    if (err instanceof mongoose.mongo.MongoRuntimeError && /not found/i.test(err.message))
      return false;
    throw err;
  }
}
