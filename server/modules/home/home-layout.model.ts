import { Schema, model, type Types } from 'mongoose';
import { widgetIds, widgetSizes, type WidgetPlacement } from '@shared/home/widgets';

/** A person's own start-page layout; `_id` = person id (no document = a default applies). */
export interface HomeLayoutDoc {
  _id: Types.ObjectId;
  widgets: WidgetPlacement[];
  /** Rises with every save (optimistic concurrency between tabs and devices). */
  rev: number;
  updatedAt: Date;
}

export const placementSchema = new Schema<WidgetPlacement>(
  {
    id: { type: String, enum: widgetIds, required: true },
    size: { type: String, enum: widgetSizes, required: true },
  },
  { _id: false },
);

const homeLayoutSchema = new Schema<HomeLayoutDoc>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    widgets: { type: [placementSchema], default: [] },
    rev: { type: Number, required: true, min: 1 },
  },
  { timestamps: { createdAt: false, updatedAt: true }, versionKey: false, minimize: false },
);

export const HomeLayoutModel = model<HomeLayoutDoc>('HomeLayout', homeLayoutSchema, 'home_layouts');
