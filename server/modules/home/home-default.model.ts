import { Schema, model, type Types } from 'mongoose';
import type { Audience } from '@shared/org/audience';
import type { WidgetPlacement } from '@shared/home/widgets';
import { placementSchema } from './home-layout.model';

/** An admin-defined default layout for an audience (a small collection, held in memory). */
export interface HomeDefaultDoc {
  _id: Types.ObjectId;
  name: string;
  audience: Audience;
  /** Lower wins when several defaults match a person. */
  priority: number;
  widgets: WidgetPlacement[];
  createdAt: Date;
  updatedAt: Date;
}

const audienceUnit = new Schema(
  { unitId: { type: Schema.Types.ObjectId, required: true }, withSubunits: Boolean },
  { _id: false },
);

const homeDefaultSchema = new Schema<HomeDefaultDoc>(
  {
    name: { type: String, required: true },
    audience: {
      units: { type: [audienceUnit], default: [] },
      roles: { type: [String], default: [] },
      locationIds: { type: [Schema.Types.ObjectId], default: [] },
    },
    priority: { type: Number, required: true, default: 100 },
    widgets: { type: [placementSchema], default: [] },
  },
  { timestamps: true, versionKey: false, minimize: false },
);

export const HomeDefaultModel = model<HomeDefaultDoc>(
  'HomeDefault',
  homeDefaultSchema,
  'home_defaults',
);
