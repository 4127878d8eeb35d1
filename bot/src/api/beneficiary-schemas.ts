/**
 * The zod schemas of the /api/v1/beneficiaries routes: what they accept and what they publish. The
 * body of a PUT is checked by the schema `guichet import` applies (`beneficiaryInputSchema`), so an
 * operator's file and an admin's call accept exactly the same beneficiaries.
 */
import { z } from 'zod';
import {
  BENEFICIARY_KINDS,
  beneficiaryInputSchema,
  type BeneficiaryKind,
} from '../domain/beneficiaries/beneficiary';
import { ZONE_SLUGS, type ZoneSlug } from '../domain/calendar/zones';
import type { BeneficiaryDoc } from '../store/beneficiary-repository';
import type { Stored } from '../store/port';
import type { StaffMember } from '../store/staff-repository';
import { documentedAs } from './api-route';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KINDS = Object.keys(BENEFICIARY_KINDS) as [BeneficiaryKind, ...BeneficiaryKind[]];
const ZONES = ZONE_SLUGS as [ZoneSlug, ...ZoneSlug[]];

/** `/api/v1/beneficiaries/{siret}`. */
export const beneficiaryPath = z.object({
  siret: z
    .string()
    .regex(/^\d{14}$/, { error: 'le SIRET doit compter exactement 14 chiffres' })
    .describe('Le SIRET du bénéficiaire (14 chiffres)'),
});

/** `/api/v1/beneficiaries/{siret}/approvers/{objectId}`. */
export const approverPath = beneficiaryPath.extend({
  objectId: z
    .string()
    .regex(GUID, { error: "identifiant d'objet Entra invalide (GUID attendu)" })
    .transform((id) => id.toLowerCase())
    .describe("L'identifiant d'objet Entra ID du valideur"),
});

/** Filters and paging of the list. */
export const beneficiaryListQuery = z.object({
  zone: z.enum(ZONES, { error: `zone inconnue (valeurs possibles : ${ZONES.join(', ')})` }).optional(),
  active: z
    .enum(['true', 'false'], { error: 'actif : true ou false' })
    .transform((v) => v === 'true')
    .optional()
    .describe('Seulement les conventions actives (true) ou inactives (false)'),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Début du SIRET (chiffres) ou du nom tel qu’il est écrit (majuscules et accents comptent)'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  continuationToken: z.string().min(1).max(16384).optional().describe('Jeton de la page suivante'),
});

/** The body of a PUT as openapi.json shows it; the handler parses it after the access check. */
export const beneficiaryBody = documentedAs(
  z.unknown(),
  beneficiaryInputSchema.omit({ siret: true }).extend({
    siret: z.string().optional().describe('Facultatif ; s’il est donné, le même SIRET que le chemin'),
  }),
);

/** A beneficiary as the API publishes it, with the version to send back in If-Match. */
export const beneficiaryView = z.object({
  siret: z.string(),
  name: z.string(),
  kind: z.enum(KINDS),
  kindLabel: z.string().describe('Le type en clair'),
  zone: z.enum(ZONES),
  modality: z.union([z.literal(1), z.literal(2)]).describe('Modalité de support (1 ou 2)'),
  conventionDate: z.string(),
  active: z.boolean(),
  tenantIds: z.array(z.string()).describe('Locataires Entra ID depuis lesquels ses agents se connectent'),
  group: z.string().optional().describe('Le groupement dont il est membre'),
  closingDays: z.array(z.string()),
  etag: z.string().describe('Version de la fiche : à renvoyer dans If-Match pour la modifier'),
  updatedAt: z.string().describe('Dernière écriture (UTC)'),
});

/** One page of beneficiaries. */
export const beneficiaryPage = z.object({
  items: z.array(beneficiaryView),
  continuationToken: z.string().optional().describe('Absent sur la dernière page'),
});

/** The body of an approver designation. */
export const approverBody = z.strictObject({
  name: z.string().trim().min(2).max(200).describe('Nom complet du valideur'),
  email: z.email().max(254).describe('Son adresse e-mail'),
  tenantId: z
    .string()
    .regex(GUID)
    .transform((id) => id.toLowerCase())
    .optional()
    .describe('Son locataire Entra ID, parmi ceux du bénéficiaire (facultatif s’il n’en a qu’un)'),
});

/** An approver as the API publishes it. */
export const approverView = z.object({
  tenantId: z.string(),
  objectId: z.string(),
  name: z.string(),
  email: z.string().optional(),
});

/** The approvers of one beneficiary. */
export const approverList = z.object({ items: z.array(approverView) });

/** The answer of a removal. */
export const approverRemoval = z.object({ removed: z.boolean() });

/** The published view of a stored beneficiary. */
export function viewOf(doc: Stored<BeneficiaryDoc>): z.input<typeof beneficiaryView> {
  return { ...doc, kindLabel: BENEFICIARY_KINDS[doc.kind], etag: doc._etag, updatedAt: doc._ts };
}

/** The published view of an approver's registry entry. */
export function approverViewOf(member: StaffMember): z.input<typeof approverView> {
  return {
    tenantId: member.tenantId,
    objectId: member.objectId,
    name: member.displayName,
    ...(member.email ? { email: member.email } : {}),
  };
}
