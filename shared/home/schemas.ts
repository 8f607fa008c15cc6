import { z } from 'zod';
import { line, objectId } from '../http/fields';
import { audienceSchema } from '../org/audience';
import { widgetIds, widgetSizes } from './widgets';

export const widgetPlacementSchema = z
  .object({ id: z.enum(widgetIds), size: z.enum(widgetSizes) })
  .strict();

/** A layout: each widget at most once, in display order. */
export const layoutSchema = z
  .array(widgetPlacementSchema)
  .max(widgetIds.length)
  .refine((l) => new Set(l.map((w) => w.id)).size === l.length, { message: 'duplicate_widget' });

/** `PUT /api/home/layout`: the person's layout and the revision it was based on (409 if stale). */
export const saveLayoutSchema = z
  .object({ widgets: layoutSchema, rev: z.number().int().min(0) })
  .strict();
export type SaveLayoutInput = z.infer<typeof saveLayoutSchema>;

/**
 * An admin-defined default layout for people matching an audience (by role, office, location).
 * The first matching default by `priority` (lower first) applies; else the built-in layout.
 */
export const defaultLayoutInputSchema = z
  .object({
    name: line(80),
    audience: audienceSchema,
    priority: z.number().int().min(0).max(1000).default(100),
    widgets: layoutSchema,
  })
  .strict();
export type DefaultLayoutInput = z.input<typeof defaultLayoutInputSchema>;
export const defaultLayoutIdParams = z.object({ id: objectId }).strict();

/** `PATCH /api/home/defaults/:id`: any subset of the fields (no defaults filled in). */
export const defaultLayoutPatchSchema = defaultLayoutInputSchema
  .extend({ priority: z.number().int().min(0).max(1000) })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'empty_patch' });
export type DefaultLayoutPatch = z.infer<typeof defaultLayoutPatchSchema>;
