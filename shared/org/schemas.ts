import { z } from 'zod';
import { cursor, line, objectId, pageLimit } from '../http/fields';

export const unitKinds = ['office', 'department', 'enterprise', 'team'] as const;
export type UnitKind = (typeof unitKinds)[number];

export const createUnitSchema = z
  .object({
    name: line(160),
    number: z
      .string()
      .trim()
      .max(20)
      .regex(/^[0-9A-Za-z./-]*$/)
      .optional(),
    kind: z.enum(unitKinds),
    parentId: objectId.nullable().optional(),
    leaderId: objectId.nullable().optional(),
    locationId: objectId.nullable().optional(),
  })
  .strict();
export type CreateUnitInput = z.infer<typeof createUnitSchema>;
export const updateUnitSchema = createUnitSchema.partial().strict();
export type UpdateUnitInput = z.infer<typeof updateUnitSchema>;

export const createLocationSchema = z
  .object({
    name: line(160),
    street: line(160).optional(),
    postalCode: z
      .string()
      .trim()
      .regex(/^[0-9]{5}$/)
      .optional(),
    city: line(80).optional(),
  })
  .strict();
export type CreateLocationInput = z.infer<typeof createLocationSchema>;
export const updateLocationSchema = createLocationSchema.partial().strict();
export type UpdateLocationInput = z.infer<typeof updateLocationSchema>;

/** Members page of `GET /api/units/:id`. */
export const unitMembersQuerySchema = z
  .object({ cursor: cursor.optional(), limit: pageLimit })
  .strict();
