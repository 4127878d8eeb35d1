/**
 * A line of the price schedule (BPU, bordereau des prix unitaires): what a unit of a given service
 * by a given profile level costs, excluding VAT. Day lines carry a profile level; the 24/7 support
 * option is sold by the month and carries none. Rows come from JSON or CSV imports, so every field
 * is read leniently (case, accents, French decimals) and refused with a French message.
 */
import { z } from 'zod';
import { MAX_AMOUNT_CENTS, formatEuros, parseEurosToCents } from './money';

/** The kinds of service of the agreement, as slugs. */
export const SERVICE_KINDS = [
  'conseil-audit',
  'integration',
  'pilotage',
  'accompagnement-formation',
  'assistance',
] as const;
/** One kind of service. */
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** French labels of the kinds of service of the agreement. */
export const SERVICE_KIND_LABELS: Readonly<Record<ServiceKind, string>> = Object.freeze({
  'conseil-audit': 'Conseil et audit',
  integration: 'Intégration',
  pilotage: 'Pilotage de projet',
  'accompagnement-formation': 'Accompagnement et formation',
  assistance: 'Assistance',
});

/** Profile levels of the contract, stored without accents. */
export const PROFILE_LEVELS = ['JUNIOR', 'CONFIRME', 'EXPERT'] as const;
/** One profile level. */
export type ProfileLevel = (typeof PROFILE_LEVELS)[number];

/** Levels as the contract writes them (stored without the accent, shown with it). */
export const PROFILE_LEVEL_LABELS: Readonly<Record<ProfileLevel, string>> = Object.freeze({
  JUNIOR: 'JUNIOR',
  CONFIRME: 'CONFIRMÉ',
  EXPERT: 'EXPERT',
});

/** Units a price line is sold by. */
export const PRICE_UNITS = ['jour', 'mois'] as const;
/** `jour` for every service line; `mois` only for the 24/7 support option. */
export type PriceUnit = (typeof PRICE_UNITS)[number];

/** French singular and plural of the units. */
export const PRICE_UNIT_LABELS: Readonly<Record<PriceUnit, { one: string; many: string }>> = Object.freeze({
  jour: { one: 'jour', many: 'jours' },
  mois: { one: 'mois', many: 'mois' },
});

/** Marks the 24/7 support option line (modality 2 of the support). */
export const SUPPORT_OPTION = 'support-24-7';

/** One BPU line; prices are integer cents excluding VAT. */
export interface PriceLine {
  readonly code: string;
  readonly label: string;
  readonly kind: ServiceKind;
  /** `null` only for the monthly support option. */
  readonly level: ProfileLevel | null;
  readonly unit: PriceUnit;
  readonly unitPriceCents: number;
  readonly option?: typeof SUPPORT_OPTION;
}

const CODE_RE = /^[A-Z0-9][A-Z0-9._-]{1,19}$/;

/** "Intégration — EXPERT (INT-EXP)": how lists and cards name a line. */
export function priceLineTitle(line: PriceLine): string {
  const level = line.level ? ` — ${PROFILE_LEVEL_LABELS[line.level]}` : '';
  return `${line.label}${level} (${line.code})`;
}

/** "650,00 € HT / jour". */
export function unitPriceText(line: PriceLine): string {
  return `${formatEuros(line.unitPriceCents)} HT / ${PRICE_UNIT_LABELS[line.unit].one}`;
}

/** Lower case, no accents, slashes and spaces as dashes: "Conseil / Audit" → "conseil-audit". */
function slug(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s*(\/|&|\bet\b)\s*/g, '-')
    .replace(/\s+/g, '-');
}

/** A profile level from "confirmé", "CONFIRMÉ", "Confirme"…; `undefined` otherwise. */
export function parseProfileLevel(value: unknown): ProfileLevel | undefined {
  const text = slug(value).toUpperCase();
  return (PROFILE_LEVELS as readonly string[]).includes(text) ? (text as ProfileLevel) : undefined;
}

const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const code = z.unknown().transform((value, ctx): string => {
  const text = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (CODE_RE.test(text)) return text;
  ctx.addIssue({
    code: 'custom',
    message: 'code invalide : 2 à 20 lettres, chiffres, points ou tirets, comme INT-EXP',
  });
  return z.NEVER;
});

const label = z.unknown().transform((value, ctx): string => {
  const text = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
  if (text.length >= 3 && text.length <= 120) return text;
  ctx.addIssue({ code: 'custom', message: 'libellé manquant ou invalide (3 à 120 caractères)' });
  return z.NEVER;
});

const kind = z.unknown().transform((value, ctx): ServiceKind => {
  const text = slug(value);
  if ((SERVICE_KINDS as readonly string[]).includes(text)) return text as ServiceKind;
  ctx.addIssue({
    code: 'custom',
    message: `type de prestation inconnu (valeurs possibles : ${SERVICE_KINDS.join(', ')})`,
  });
  return z.NEVER;
});

const level = z.unknown().transform((value, ctx): ProfileLevel | null => {
  if (blank(value)) return null;
  const parsed = parseProfileLevel(value);
  if (parsed) return parsed;
  ctx.addIssue({ code: 'custom', message: 'niveau inconnu (JUNIOR, CONFIRMÉ ou EXPERT)' });
  return z.NEVER;
});

const unit = z.unknown().transform((value, ctx): PriceUnit => {
  const text = blank(value) ? 'jour' : slug(value);
  if (text === 'jour' || text === 'jours') return 'jour';
  if (text === 'mois') return 'mois';
  ctx.addIssue({ code: 'custom', message: 'unité inconnue (jour, ou mois pour l’option support 24/7)' });
  return z.NEVER;
});

const price = z.unknown().transform((value, ctx): number => {
  const cents = parseEurosToCents(value);
  if (cents !== undefined && cents > 0) return cents;
  ctx.addIssue({
    code: 'custom',
    message: `prix unitaire HT invalide : un montant en euros supérieur à zéro et d'au plus ${formatEuros(MAX_AMOUNT_CENTS)}, comme 650 ou 1 250,50`,
  });
  return z.NEVER;
});

const option = z.unknown().transform((value, ctx): typeof SUPPORT_OPTION | undefined => {
  if (blank(value)) return undefined;
  if (slug(value) === SUPPORT_OPTION) return SUPPORT_OPTION;
  ctx.addIssue({ code: 'custom', message: `option inconnue (seule valeur possible : ${SUPPORT_OPTION})` });
  return z.NEVER;
});

/**
 * Schema of an imported row: the price is `unitPrice` in euros (as a file writes it) or
 * `unitPriceCents`; the level is required on day lines and absent on the monthly support option.
 */
export const priceLineRowSchema = z
  .object({
    code,
    label,
    kind,
    level: level.optional(),
    unit: unit.optional(),
    unitPrice: z.unknown().optional(),
    unitPriceCents: z.unknown().optional(),
    option: option.optional(),
  })
  .transform((row, ctx): PriceLine => {
    const cents = price.safeParse(
      blank(row.unitPriceCents) ? row.unitPrice : Number(row.unitPriceCents) / 100,
    );
    if (!cents.success)
      ctx.addIssue({ code: 'custom', path: ['unitPrice'], message: cents.error.issues[0]!.message });
    const u = row.unit ?? 'jour';
    const lvl = row.level ?? null;
    if (u === 'jour' && lvl === null)
      ctx.addIssue({
        code: 'custom',
        path: ['level'],
        message: 'niveau manquant : JUNIOR, CONFIRMÉ ou EXPERT',
      });
    if (u === 'mois' && row.option !== SUPPORT_OPTION)
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        message: `seule l'option ${SUPPORT_OPTION} se vend au mois`,
      });
    if (row.option === SUPPORT_OPTION && (u !== 'mois' || row.kind !== 'assistance' || lvl !== null))
      ctx.addIssue({
        code: 'custom',
        path: ['option'],
        message: "l'option support 24/7 est une ligne d'assistance au mois, sans niveau",
      });
    if (!cents.success) return z.NEVER;
    return {
      code: row.code,
      label: row.label,
      kind: row.kind,
      level: lvl,
      unit: u,
      unitPriceCents: cents.data,
      ...(row.option ? { option: row.option } : {}),
    };
  });
