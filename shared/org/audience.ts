import { z } from 'zod';
import { objectId } from '../http/fields';
import { roles } from '../people/roles';

/** Roles an audience can target: the assigned roles plus `manager` (leads a unit). */
export const audienceRoles = [...roles, 'manager'] as const;
export type AudienceRole = (typeof audienceRoles)[number];

/**
 * Who something is for, as rules over the organisation. A person belongs to the audience when
 * every non-empty part matches: one of `units` (the unit itself, or with its sub-units), one of
 * `roles`, one of `locationIds`. All parts empty = everyone. Used by news, apps, home layouts and
 * later wiki spaces and courses: one matcher on the server decides (`server/modules/org/audience.ts`).
 */
export const audienceSchema = z
  .object({
    units: z
      .array(z.object({ unitId: objectId, withSubunits: z.boolean() }).strict())
      .max(100)
      .default([]),
    roles: z.array(z.enum(audienceRoles)).max(audienceRoles.length).default([]),
    locationIds: z.array(objectId).max(50).default([]),
  })
  .strict();
export type Audience = z.infer<typeof audienceSchema>;
export type AudienceInput = z.input<typeof audienceSchema>;

export const everyone: Audience = { units: [], roles: [], locationIds: [] };

export const isEveryone = (a: Audience) =>
  a.units.length === 0 && a.roles.length === 0 && a.locationIds.length === 0;

/** `POST /api/audience/preview`: how many active people an audience reaches, per office. */
export interface AudiencePreviewDTO {
  total: number;
  /** Top-level units (offices) with how many of their people are reached, largest first. */
  offices: { id: string; name: string; count: number }[];
}
