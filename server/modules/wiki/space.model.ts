import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { spaceKinds, spaceRoles } from '@shared/wiki/schemas';
import { trackStamp, STAMP } from '../../lib/stamps';

const audienceSchema = new Schema(
  {
    units: {
      type: [
        new Schema(
          { unitId: { type: Schema.Types.ObjectId, required: true }, withSubunits: Boolean },
          { _id: false },
        ),
      ],
      default: [],
    },
    roles: { type: [String], default: [] },
    locationIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { _id: false },
);

const memberSchema = new Schema(
  {
    personId: { type: Schema.Types.ObjectId, ref: 'Person', required: true },
    role: { type: String, enum: spaceRoles, required: true },
  },
  { _id: false },
);

/** A wiki space (small collection: all of it lives in memory, see `page-index.ts`). */
const spaceSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    description: { type: String, default: '' },
    kind: { type: String, enum: spaceKinds, required: true },
    /** The team room that owns the space (issue 6); its roles come from the room. */
    roomId: { type: Schema.Types.ObjectId, default: null },
    audience: { type: audienceSchema, default: () => ({}) },
    defaultRole: { type: String, enum: ['reader', 'commenter', 'editor'], default: 'reader' },
    approvalRequired: { type: Boolean, default: false },
    members: { type: [memberSchema], default: [] },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    /** Bumped by every write: edits are guarded by it. */
    rev: { type: Number, default: 0 },
  },
  { timestamps: true },
);

// Spaces are few: every write bumps the stamp and every instance reloads all of them.
trackStamp(spaceSchema, STAMP.wiki);

export type Space = InferSchemaType<typeof spaceSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const SpaceModel = model('WikiSpace', spaceSchema, 'wiki_spaces');
