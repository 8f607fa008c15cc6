import { Schema, model, type Types } from 'mongoose';

/** A person's own app arrangement; `_id` = person id (no document = the suggested apps). */
export interface AppPinsDoc {
  _id: Types.ObjectId;
  appIds: Types.ObjectId[];
  updatedAt: Date;
}

const appPinsSchema = new Schema<AppPinsDoc>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    appIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { timestamps: { createdAt: false, updatedAt: true }, versionKey: false, minimize: false },
);

export const AppPinsModel = model<AppPinsDoc>('AppPins', appPinsSchema, 'app_pins');
