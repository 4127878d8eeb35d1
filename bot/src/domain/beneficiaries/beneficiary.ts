/**
 * A beneficiary of the agreement (DESIGN.md, "Beneficiaries"): a public body that signed a convention
 * with the CANUT. Its SIRET is its identity and its partition key in the store.
 */
import { z } from 'zod';
import { ZONE_SLUGS, type ZoneSlug } from '../calendar/zones';
import { normaliseSiret, siretProblem } from './siret';

export const BENEFICIARY_KINDS = {
  commune: 'Commune',
  epci: 'Intercommunalité (EPCI)',
  departement: 'Département',
  region: 'Région',
  sdis: "Service départemental d'incendie et de secours",
  'etablissement-scolaire': 'Établissement scolaire',
  universite: 'Université',
  // Public health establishments (CHU, CH…): a 50-day payment delay (payment-delay.ts).
  'etablissement-sante': 'Établissement public de santé',
  'etablissement-sante-armees': 'Établissement du service de santé des armées',
  'etablissement-public': 'Établissement public',
  collectivite: "Collectivité d'outre-mer",
  autre: 'Autre organisme public',
} as const;
export type BeneficiaryKind = keyof typeof BENEFICIARY_KINDS;

const isoDate = z.iso.date({ error: 'date attendue au format AAAA-MM-JJ' });
const tenantId = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    error: 'identifiant de locataire Entra invalide (GUID attendu)',
  });

const siret = z
  .string({ error: 'SIRET manquant' })
  .transform(normaliseSiret)
  .superRefine((value, ctx) => {
    const problem = siretProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Schema of a beneficiary as entered by an operator (import file, admin form). */
export const beneficiaryInputSchema = z.object({
  siret,
  name: z.string({ error: 'nom manquant' }).trim().min(2, { error: 'nom trop court' }).max(200),
  kind: z.enum(Object.keys(BENEFICIARY_KINDS) as [BeneficiaryKind, ...BeneficiaryKind[]], {
    error: `type inconnu (valeurs possibles : ${Object.keys(BENEFICIARY_KINDS).join(', ')})`,
  }),
  zone: z.enum(ZONE_SLUGS as [ZoneSlug, ...ZoneSlug[]], {
    error: `zone inconnue (valeurs possibles : ${ZONE_SLUGS.join(', ')})`,
  }),
  modality: z.union([z.literal(1), z.literal(2)], { error: 'modalité de support : 1 ou 2' }),
  conventionDate: isoDate,
  active: z.boolean({ error: 'actif : true ou false' }).default(true),
  tenantIds: z.array(tenantId).min(1, { error: 'au moins un identifiant de locataire Entra' }),
  group: z.string().trim().min(1).max(200).optional(),
  closingDays: z.array(isoDate).default([]),
});

export type BeneficiaryInput = z.input<typeof beneficiaryInputSchema>;
export type Beneficiary = z.output<typeof beneficiaryInputSchema>;
