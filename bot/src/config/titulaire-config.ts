/**
 * The Titulaire's identity as printed on quotes and order forms: from the environment, or the demo
 * company when none is configured (never in production).
 */
import { z } from 'zod';
import { isValidSiret, normaliseSiret } from '../domain/beneficiaries/siret';
import { DEMO_TITULAIRE, type TitulaireIdentity } from '../documents/titulaire-identity';
import { optional } from './env-schemas';

/** The environment variables of the Titulaire's identity (part of the service's schema). */
export const TITULAIRE_ENV = {
  TITULAIRE_NAME: optional(z.string().trim().min(2, { error: 'raison sociale trop courte' })),
  TITULAIRE_SIRET: optional(
    z
      .string()
      .transform(normaliseSiret)
      .refine(isValidSiret, { error: 'SIRET invalide (14 chiffres, clé de Luhn)' }),
  ),
  /** Registered address, lines separated by « | ». */
  TITULAIRE_ADDRESS: optional(z.string().min(3)),
  TITULAIRE_LEGAL_FORM: optional(z.string().min(2)),
  TITULAIRE_VAT_NUMBER: optional(
    z.string().regex(/^FR[0-9A-Z]{2}\d{9}$/, {
      error: 'numéro de TVA intracommunautaire français attendu (FRxx123456789)',
    }),
  ),
  TITULAIRE_REGISTRATION: optional(z.string().min(3)),
  TITULAIRE_EMAIL: optional(z.email({ error: 'adresse e-mail de service attendue' })),
};

type TitulaireEnv = z.infer<z.ZodObject<typeof TITULAIRE_ENV>>;

/** The Titulaire's identity from the environment; the demo company when none is configured. */
export function titulaireOf(e: TitulaireEnv): TitulaireIdentity {
  if (!e.TITULAIRE_NAME && !e.TITULAIRE_SIRET) return DEMO_TITULAIRE;
  return {
    name: e.TITULAIRE_NAME ?? '',
    siret: e.TITULAIRE_SIRET ?? '',
    address: (e.TITULAIRE_ADDRESS ?? '')
      .split('|')
      .map((l) => l.trim())
      .filter(Boolean),
    legalForm: e.TITULAIRE_LEGAL_FORM,
    vatNumber: e.TITULAIRE_VAT_NUMBER,
    registration: e.TITULAIRE_REGISTRATION,
    email: e.TITULAIRE_EMAIL,
  };
}

/** A printed quote must name the real contractor: in production its identity is required and whole. */
export function titulaireProblems(e: TitulaireEnv, production: boolean): string[] {
  const configured = !!(e.TITULAIRE_NAME || e.TITULAIRE_SIRET || e.TITULAIRE_ADDRESS);
  if (!production && !configured) return [];
  const missing = (['TITULAIRE_NAME', 'TITULAIRE_SIRET', 'TITULAIRE_ADDRESS'] as const).filter((k) => !e[k]);
  return missing.map(
    (k) =>
      `${k} : obligatoire ${production ? 'en production' : 'avec les autres TITULAIRE_*'} (identité imprimée sur les devis et bons de commande)`,
  );
}
