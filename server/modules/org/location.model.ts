import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

const locationSchema = new Schema(
  {
    name: { type: String, required: true },
    street: { type: String, default: null },
    postalCode: { type: String, default: null },
    city: { type: String, default: null },
  },
  { timestamps: true },
);
locationSchema.index({ name: 1 });

export type Location = InferSchemaType<typeof locationSchema> & { _id: Types.ObjectId };
export const LocationModel = model('Location', locationSchema, 'locations');
