import type { z } from 'zod';
import { describeIssues, HttpError } from './errors.js';

/** Validates a request part against its schema; a mismatch is a 400 naming every field that is wrong. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, root: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, 'invalid_request', describeIssues(result.error.issues, root));
  return result.data;
}
