/**
 * Building blocks of the environment's schema, shared by the configuration's parts.
 */
import { z } from 'zod';

/** An Entra object or application id. */
export const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
  error: 'doit être un identifiant Entra (GUID)',
});

/** An optional variable; set but empty counts as unset (a blank line in `.env`). */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
