import { createHash } from 'node:crypto';
import { Schema, model } from 'mongoose';

/** Buckets per article and round: a few hundred entries each at city scale, never one huge doc. */
export const ACK_BUCKETS = 16;

/**
 * Who confirmed a mandatory article ("Kenntnisnahme"), per round, spread over `ACK_BUCKETS`
 * documents with `_id` = `<articleId>:<round>:<bucket>` (bucket from a hash of the person id).
 * `acks.<personId>` is written with `$min`, so a repeated confirmation keeps the first time. Read
 * and written by `_id` only: the embedded engine has no other usable index.
 */
export interface AckBucket {
  _id: string;
  acks: Record<string, Date>;
}

const ackSchema = new Schema<AckBucket>(
  {
    _id: { type: String, required: true },
    // Keys are person ids (24 hex).
    acks: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

export const AckBucketModel = model<AckBucket>('NewsAckBucket', ackSchema, 'news_acks');

export const ackBucketOf = (personId: string): number =>
  createHash('sha1').update(personId).digest().readUInt16BE(0) % ACK_BUCKETS;

export const ackBucketId = (articleId: string, round: number, bucket: number) =>
  `${articleId}:${round}:${bucket}`;

/**
 * Markers of reminders already sent (`_id` = `<articleId>:<round>:<stage>`): inserted BEFORE the
 * reminder goes out, so a second instance or a restart never sends it again (duplicate `_id`).
 */
export interface ReminderMarker {
  _id: string;
  at: Date;
}

export const ReminderMarkerModel = model<ReminderMarker>(
  'NewsReminderMarker',
  new Schema<ReminderMarker>(
    { _id: { type: String, required: true }, at: { type: Date, required: true } },
    { versionKey: false },
  ),
  'news_reminders',
);
