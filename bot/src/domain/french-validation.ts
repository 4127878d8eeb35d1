/**
 * Zod's French messages, for the validations whose fields carry no message of their own (a missing
 * field, a wrong type): every bad input a user or an operator sees is explained in French.
 */
import { z } from 'zod';

const french = z.locales.fr();

/** The option to give `safeParse` so that zod's default messages are French. */
export const FRENCH_MESSAGES = { error: french.localeError } as const;
