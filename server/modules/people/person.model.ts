import { Schema, model, type InferSchemaType, type Types, type HydratedDocument } from 'mongoose';
import { roles } from '@shared/people/roles';
import { languages } from '@shared/people/schemas';
import { trackDirectoryChanges } from './directory-version';

const settingsSchema = new Schema(
  {
    language: { type: String, enum: languages, default: 'de' },
    textSize: { type: Number, enum: [100, 125, 150, 175, 200], default: 100 },
    contrast: { type: String, enum: ['standard', 'high'], default: 'standard' },
    reducedMotion: { type: Boolean, default: false },
  },
  { _id: false },
);

const personSchema = new Schema(
  {
    username: { type: String, required: true, lowercase: true, trim: true },
    givenName: { type: String, required: true },
    familyName: { type: String, required: true },
    displayName: { type: String, required: true },
    email: { type: String, required: true, lowercase: true },
    phone: { type: String, default: null },
    position: { type: String, default: null },
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    locationId: { type: Schema.Types.ObjectId, ref: 'Location', default: null },
    languages: { type: [String], default: [] },
    responsibilities: { type: [String], default: [] },
    roles: { type: [String], enum: roles, default: ['employee'] },
    deputyId: { type: Schema.Types.ObjectId, ref: 'Person', default: null },
    photoFileId: { type: Schema.Types.ObjectId, default: null },
    active: { type: Boolean, default: true },
    /** `scrypt$N$r$p$salt$hash`, null for SSO-only accounts. */
    passwordHash: { type: String, default: null, select: false },
    oidcSubject: { type: String, default: null },
    settings: { type: settingsSchema, default: () => ({}) },
    /** Folded words of name, position and responsibilities, for directory search. */
    searchTerms: { type: [String], default: [] },
    /** Folded "family given" for a stable alphabetical order. */
    sortKey: { type: String, required: true },
    failedLogins: { type: Number, default: 0 },
    lockedUntil: { type: Date, default: null },
    lastLoginAt: { type: Date, default: null },
  },
  { timestamps: true },
);

personSchema.index({ username: 1 }, { unique: true });
personSchema.index({ email: 1 });
personSchema.index({ oidcSubject: 1 }, { sparse: true });
personSchema.index({ unitId: 1, sortKey: 1 });
personSchema.index({ sortKey: 1, _id: 1 });
personSchema.index({ searchTerms: 1 });
personSchema.index({ roles: 1 });
trackDirectoryChanges(personSchema);

export type Person = InferSchemaType<typeof personSchema> & { _id: Types.ObjectId };
export type PersonDoc = HydratedDocument<Person>;
export const PersonModel = model('Person', personSchema, 'people');
