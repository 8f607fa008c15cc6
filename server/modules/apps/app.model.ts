import { Schema, model, type Types } from 'mongoose';
import type { Audience } from '@shared/org/audience';
import { appIcons } from '@shared/apps/schemas';

/** One entry of the app catalogue (a small collection: read through `apps.catalogue.ts`). */
export interface AppDoc {
  _id: Types.ObjectId;
  name: { de: string; en: string };
  description: { de: string; en: string };
  url: string;
  icon: (typeof appIcons)[number];
  audience: Audience;
  suggested: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const pair = (required: boolean) => ({
  de: { type: String, required, default: required ? undefined : '' },
  en: { type: String, required, default: required ? undefined : '' },
});

const audienceUnit = new Schema(
  { unitId: { type: Schema.Types.ObjectId, required: true }, withSubunits: Boolean },
  { _id: false },
);

const appSchema = new Schema<AppDoc>(
  {
    name: pair(true),
    description: pair(false),
    url: { type: String, required: true },
    icon: { type: String, enum: appIcons, required: true },
    audience: {
      units: { type: [audienceUnit], default: [] },
      roles: { type: [String], default: [] },
      locationIds: { type: [Schema.Types.ObjectId], default: [] },
    },
    suggested: { type: Boolean, default: false },
  },
  { timestamps: true, versionKey: false, minimize: false },
);

export const AppModel = model<AppDoc>('App', appSchema, 'apps');
