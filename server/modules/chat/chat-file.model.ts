import { Schema, model } from 'mongoose';

/** A message showing the file (a forwarded file is shown by several, in several conversations). */
export interface ChatFileUse {
  messageId: string;
  conversationId: string;
}

/**
 * What the chat knows about an uploaded file beyond its GridFS record (`_id` = the GridFS id in
 * the `chat` bucket). Read by `_id` only. `uses` empty = uploaded but not sent yet: only the
 * uploader may fetch or attach it. A download needs membership of a conversation in `uses`
 * (so it ends when the message is deleted or the person leaves).
 */
export interface ChatFile {
  _id: string;
  /** Where it was uploaded (a send may attach it there only). */
  conversationId: string;
  /** Every conversation it was sent to (uploaded one + forward targets). */
  conversationIds: string[];
  uploaderId: string;
  name: string;
  size: number;
  contentType: string;
  image: { previewId: string; width: number; height: number } | null;
  uses: ChatFileUse[];
  createdAt: Date;
}

const chatFileSchema = new Schema<ChatFile>(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true },
    conversationIds: { type: [String], default: [] },
    uploaderId: { type: String, required: true },
    name: { type: String, required: true },
    size: { type: Number, required: true },
    contentType: { type: String, required: true },
    image: { type: Schema.Types.Mixed, default: null },
    uses: { type: Schema.Types.Mixed, default: [] },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);

export const ChatFileModel = model<ChatFile>('ChatFile', chatFileSchema, 'chat_files');
