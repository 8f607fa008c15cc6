import { z } from 'zod';
import { line, objectId, cursor, pageLimit } from '../http/fields';
import { roles } from './roles';

export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];

export const settingsSchema = z
  .object({
    language: z.enum(languages),
    /** Text size in percent of the base size. */
    textSize: z.union([
      z.literal(100),
      z.literal(125),
      z.literal(150),
      z.literal(175),
      z.literal(200),
    ]),
    contrast: z.enum(['standard', 'high']),
    reducedMotion: z.boolean(),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;
export const updateSettingsSchema = settingsSchema.partial().strict();
export type UpdateSettingsInput = z.infer<typeof updateSettingsSchema>;
export const defaultSettings: Settings = {
  language: 'de',
  textSize: 100,
  contrast: 'standard',
  reducedMotion: false,
};

const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, { message: 'invalid_username' });

export const directoryQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    unitId: objectId.optional(),
    includeSubunits: z.enum(['true', 'false']).optional(),
    locationId: objectId.optional(),
    role: z.enum(roles).optional(),
    active: z.enum(['true', 'false', 'all']).optional(),
    cursor: cursor.optional(),
    limit: pageLimit,
  })
  .strict();
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

const personFields = {
  givenName: line(80),
  familyName: line(80),
  email: z.string().trim().toLowerCase().max(200).email({ message: 'invalid_email' }),
  phone: line(40).optional().or(z.literal('')),
  position: line(120).optional().or(z.literal('')),
  unitId: objectId,
  locationId: objectId.optional().nullable(),
  languages: z.array(z.string().trim().min(2).max(40)).max(10).optional(),
  responsibilities: z.array(line(120)).max(20).optional(),
  roles: z.array(z.enum(roles)).min(1).max(roles.length).optional(),
};

export const createPersonSchema = z
  .object({ username, ...personFields, password: z.string().min(10).max(200).optional() })
  .strict();
export type CreatePersonInput = z.infer<typeof createPersonSchema>;

export const updatePersonSchema = z
  .object({ ...personFields, active: z.boolean(), deputyId: objectId.nullable() })
  .partial()
  .strict();
export type UpdatePersonInput = z.infer<typeof updatePersonSchema>;

/** What a person may change on their own profile. */
export const updateOwnProfileSchema = z
  .object({
    phone: personFields.phone,
    languages: personFields.languages,
    responsibilities: personFields.responsibilities,
    deputyId: objectId.nullable(),
  })
  .partial()
  .strict();
export type UpdateOwnProfileInput = z.infer<typeof updateOwnProfileSchema>;

/** Admin password reset: without `password` the server generates a one-time password. */
export const resetPasswordSchema = z
  .object({ password: z.string().min(10).max(200).optional() })
  .strict();
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

/** Route parameter `:id` of a person, unit or location. */
export const idParamsSchema = z.object({ id: objectId }).strict();
