import { Schema, model, type Types } from 'mongoose';

/** A news channel (a handful per city): small, so any query on it is cheap even on the embedded engine. */
export interface Channel {
  _id: Types.ObjectId;
  name: { de: string; en: string };
  description: { de: string; en: string };
  /** The office the channel belongs to, or null for city-wide channels. */
  unitId: Types.ObjectId | null;
  /** Office editors: may write and publish in this channel only. */
  editorIds: Types.ObjectId[];
  requiresApproval: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const localized = { de: { type: String, default: '' }, en: { type: String, default: '' } };

const channelSchema = new Schema<Channel>(
  {
    name: localized,
    description: localized,
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    editorIds: { type: [Schema.Types.ObjectId], default: [] },
    requiresApproval: { type: Boolean, default: false },
  },
  { timestamps: true },
);

export const ChannelModel = model<Channel>('NewsChannel', channelSchema, 'news_channels');
