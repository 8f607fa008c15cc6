import { z } from 'zod';

/** Plain strings only: an object such as `{ "$ne": "" }` fails here with 400 (NoSQL injection). */
export const loginSchema = z
  .object({
    username: z.string().trim().toLowerCase().min(1).max(64),
    password: z.string().min(1).max(200),
  })
  .strict();
export type LoginInput = z.infer<typeof loginSchema>;

export const oidcStartQuerySchema = z.object({ returnTo: z.string().max(500).optional() }).strict();

export { safeReturnTo } from './return-to';

export interface AuthConfigDTO {
  localLogin: boolean;
  oidc: { enabled: boolean; label: string | null };
}
