import type { z } from 'zod';
import type { FieldIssue } from '@shared/http/errors';
import { badRequest } from '../lib/errors';

/** Maps zod issues to field issues whose `code` the client translates (`validation.<code>`). */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const custom = typeof issue.message === 'string' && /^[a-z_]+$/.test(issue.message);
    return {
      path: issue.path.map(String).join('.'),
      code: custom ? issue.message : issue.code,
      message: issue.message,
    };
  });
}

/** Parses input with a shared schema; 400 with field issues when it does not fit. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw badRequest('The request is not valid.', toFieldIssues(parsed.error));
  return parsed.data;
}
