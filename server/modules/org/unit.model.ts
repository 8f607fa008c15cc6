import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { unitKinds } from '@shared/org/schemas';
import { STAMP, trackStamp } from '../../lib/stamps';

const unitSchema = new Schema(
  {
    name: { type: String, required: true },
    number: { type: String, default: null },
    kind: { type: String, enum: unitKinds, required: true },
    parentId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    /** Ancestor ids from the root down (materialised path): subtree queries without $graphLookup. */
    path: { type: [Schema.Types.ObjectId], default: [] },
    leaderId: { type: Schema.Types.ObjectId, ref: 'Person', default: null },
    locationId: { type: Schema.Types.ObjectId, ref: 'Location', default: null },
    sortKey: { type: String, required: true },
  },
  { timestamps: true },
);
unitSchema.index({ parentId: 1, sortKey: 1 });
unitSchema.index({ path: 1 });
unitSchema.index({ leaderId: 1 });
// Every write replaces the units stamp: the units read model (unit-index.ts) reloads everywhere.
trackStamp(unitSchema, STAMP.units);

export type Unit = InferSchemaType<typeof unitSchema> & { _id: Types.ObjectId };
export const UnitModel = model('Unit', unitSchema, 'units');
