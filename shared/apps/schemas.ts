import { z } from 'zod';
import { line, objectId } from '../http/fields';
import { audienceSchema } from '../org/audience';

/** Icons the catalogue offers (drawn by the client; no image uploads, no external hosts). */
export const appIcons = [
  'app',
  'mail',
  'calendar',
  'folder',
  'document',
  'chart',
  'people',
  'money',
  'phone',
  'help',
  'book',
  'map',
  'shield',
  'clock',
  'tool',
] as const;

/** http(s) URLs only: a `javascript:` or `data:` link can never be stored. */
export const appUrl = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: 'invalid_url' });

export const appInputSchema = z
  .object({
    name: z.object({ de: line(60), en: line(60) }).strict(),
    description: z.object({ de: line(200, 0), en: line(200, 0) }).strict(),
    url: appUrl,
    icon: z.enum(appIcons),
    audience: audienceSchema,
    /** Pinned for everyone in the audience who has not arranged their own apps. */
    suggested: z.boolean().default(false),
  })
  .strict();
export type AppInput = z.input<typeof appInputSchema>;

/** `PUT /api/apps/pins`: the person's pinned apps in order. */
export const pinsSchema = z
  .object({ appIds: z.array(objectId).max(30) })
  .strict()
  .refine((p) => new Set(p.appIds).size === p.appIds.length, { message: 'duplicate_app' });
export type PinsInput = z.infer<typeof pinsSchema>;

export const appIdParams = z.object({ id: objectId }).strict();

/** `PATCH /api/apps/:id`: any subset of the fields (no defaults filled in, so nothing is reset). */
export const appPatchSchema = appInputSchema
  .extend({ suggested: z.boolean() })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'empty_patch' });
export type AppPatch = z.infer<typeof appPatchSchema>;
