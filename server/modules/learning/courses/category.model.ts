import { Schema, model, type Types } from 'mongoose';

/** A course category (tiny collection: read whole, cached in memory). */
const categorySchema = new Schema(
  {
    name: {
      type: new Schema({ de: String, en: String }, { _id: false }),
      required: true,
    },
  },
  { timestamps: true },
);

export interface Category {
  _id: Types.ObjectId;
  name: { de: string; en: string };
  createdAt: Date;
  updatedAt: Date;
}

export const CategoryModel = model('LearningCategory', categorySchema, 'learning_categories');
