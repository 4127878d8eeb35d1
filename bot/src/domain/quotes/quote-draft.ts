/**
 * What an account manager submits to prepare a version: phases with dates, deliverables, charges
 * (a quantity of a price-schedule line, per phase or per deliverable) and anonymised profiles. The
 * whole draft is checked before anything is priced and every problem is reported at once, in French,
 * with its path (`phases.0.charges.1.quantity`), so the tab can show it next to the input.
 *
 * Quantities: days are counted to the quarter day (0,25 = two working hours), the finest unit a
 * day-rate contract reasonably bills; the monthly support option is counted in whole months. A
 * quantity is never zero nor negative. The input is never modified.
 */
import { type LocalDate, formatLocalDate, parseLocalDate } from '../calendar/civil-date';
import { showValue } from '../calendar/show-value';
import {
  PRICE_UNIT_LABELS,
  PROFILE_LEVEL_LABELS,
  type PriceLine,
  type PriceUnit,
} from '../catalogue/price-line';
import { sumCents } from '../catalogue/money';
import { type PriceSchedule, findPriceLine } from '../catalogue/price-schedule';
import { type Issue, ValidationError } from '../errors';
import { type AnonymisedProfile, parseProfiles } from './anonymised-profile';
import { QUANTITY_STEPS_PER_UNIT, chargeAmountCents, computeQuoteTotals } from './quote-amounts';
import type { QuoteCharge, QuoteContent, QuoteDeliverable, QuotePhase } from './quote';

/** One charge as typed: a price-line code, a quantity in its unit, optionally the profile doing it. */
export interface ChargeInput {
  readonly line: string;
  readonly quantity: number | string;
  readonly profile?: string;
}

/** A deliverable as typed. */
export interface DeliverableInput {
  readonly label: string;
  readonly dueDate?: string;
  readonly charges?: readonly ChargeInput[];
}

/** A phase as typed. */
export interface PhaseInput {
  readonly label: string;
  readonly start: string;
  readonly end: string;
  readonly charges?: readonly ChargeInput[];
  readonly deliverables?: readonly DeliverableInput[];
}

/** A profile as typed: there is no field for a name. */
export interface ProfileInput {
  readonly code: string;
  readonly level: string;
  readonly certifications?: readonly string[] | string;
}

/** A whole draft as the tab or the API submits it. */
export interface QuoteDraftInput {
  readonly phases: readonly PhaseInput[];
  readonly profiles: readonly ProfileInput[];
}

/** What a draft is priced against. */
export interface DraftContext {
  readonly schedule: PriceSchedule;
  readonly vatRateBp: number;
  /** No phase may start before this local date (the day the request was received). */
  readonly notBefore: LocalDate;
}

/** Most phases in one quote. */
export const MAX_PHASES = 20;
/** Most deliverables in one phase. */
export const MAX_DELIVERABLES = 20;
/** Most charges in one phase or deliverable. */
export const MAX_CHARGES = 50;
/** Largest quantity of one charge, in its line's unit. */
export const MAX_QUANTITY = 999;
/** Phases end at most this many days after the request: beyond is a typing error, not a plan. */
const MAX_SPAN_DAYS = 5 * 366;

type Raw = Record<string, unknown>;
interface Scope {
  readonly ctx: DraftContext;
  readonly profiles: ReadonlyMap<string, AnonymisedProfile>;
  readonly issues: Issue[];
}

/** Prices a draft; throws one French `ValidationError` listing every problem with its path. */
export function priceQuoteDraft(input: unknown, ctx: DraftContext): QuoteContent {
  const issues: Issue[] = [];
  const draft = isRecord(input) ? input : {};
  const profiles = parseProfiles(draft.profiles, issues);
  const scope: Scope = { ctx, profiles: new Map(profiles.map((p) => [p.code, p])), issues };
  const rawPhases = listOf(draft.phases, 'phases', 'Ajoutez au moins une phase.', MAX_PHASES, issues);
  const phases = rawPhases.map((raw, i) => parsePhase(raw, i, scope));
  if (issues.length > 0) throw draftError(issues);
  const totals = computeQuoteTotals(
    phases.map((p) => ({
      directHtCents: sumHt(p.charges),
      deliverablesHtCents: p.deliverables.map((d) => sumHt(d.charges)),
    })),
    ctx.vatRateBp,
  );
  return {
    scheduleVersion: ctx.schedule.version,
    vatRateBp: ctx.vatRateBp,
    phases: phases.map((p, i) => ({
      ...p,
      deliverables: p.deliverables.map((d, j) => ({ ...d, totals: totals.phases[i]!.deliverables[j]! })),
      totals: totals.phases[i]!.totals,
    })),
    profiles,
    totals: totals.overall,
  };
}

/** The input that reproduces a version's content: what a revision form starts from. */
export function draftInputOf(content: Pick<QuoteContent, 'phases' | 'profiles'>): QuoteDraftInput {
  const charges = (list: readonly QuoteCharge[]): ChargeInput[] =>
    list.map((c) => ({
      line: c.line.code,
      quantity: c.quantity,
      ...(c.profile ? { profile: c.profile } : {}),
    }));
  return {
    phases: content.phases.map((p) => ({
      label: p.label,
      start: p.start,
      end: p.end,
      charges: charges(p.charges),
      deliverables: p.deliverables.map((d) => ({
        label: d.label,
        ...(d.dueDate ? { dueDate: d.dueDate } : {}),
        charges: charges(d.charges),
      })),
    })),
    profiles: content.profiles.map((p) => ({
      code: p.code,
      level: p.level,
      certifications: [...p.certifications],
    })),
  };
}

type DeliverableDraft = Omit<QuoteDeliverable, 'totals'>;
type PhaseDraft = Omit<QuotePhase, 'totals' | 'deliverables'> & { deliverables: DeliverableDraft[] };

function parsePhase(raw: unknown, i: number, scope: Scope): PhaseDraft {
  const path = `phases.${i}`;
  const at = `Phase ${i + 1}`;
  const r = isRecord(raw) ? raw : {};
  const label = textOf(
    r.label,
    `${path}.label`,
    `${at} : donnez-lui un intitulé (3 à 200 caractères).`,
    scope.issues,
  );
  const start = dateOf(r.start, `${path}.start`, `${at} : date de début`, scope);
  const end = dateOf(r.end, `${path}.end`, `${at} : date de fin`, scope);
  if (start && end && end < start) {
    scope.issues.push({
      path: `${path}.end`,
      message: `${at} : la fin (${end}) précède le début (${start}).`,
    });
  }
  const charges = chargesOf(r.charges, `${path}.charges`, at, scope);
  const rawDeliverables =
    r.deliverables === undefined
      ? []
      : listOf(
          r.deliverables,
          `${path}.deliverables`,
          `${at} : livrables attendus sous forme de liste.`,
          MAX_DELIVERABLES,
          scope.issues,
          true,
        );
  const deliverables = rawDeliverables.map((d, j) =>
    // A phase whose dates are wrong already has its error: its deliverables are not judged against it.
    parseDeliverable(d, i, j, start && end && end >= start ? { start, end } : {}, scope),
  );
  const given = [r.charges, ...rawDeliverables.map((d) => (isRecord(d) ? d.charges : undefined))];
  if (given.every((list) => !Array.isArray(list) || list.length === 0)) {
    scope.issues.push({
      path: `${path}.charges`,
      message: `${at} : aucune charge — ajoutez des jours d'une ligne du BPU.`,
    });
  }
  return { code: `PH${i + 1}`, label, start: start ?? '', end: end ?? '', charges, deliverables };
}

function parseDeliverable(
  raw: unknown,
  i: number,
  j: number,
  phase: { start?: LocalDate; end?: LocalDate },
  scope: Scope,
): DeliverableDraft {
  const path = `phases.${i}.deliverables.${j}`;
  const at = `Phase ${i + 1}, livrable ${j + 1}`;
  const r = isRecord(raw) ? raw : {};
  const label = textOf(
    r.label,
    `${path}.label`,
    `${at} : donnez-lui un intitulé (3 à 200 caractères).`,
    scope.issues,
  );
  const blank = r.dueDate === undefined || r.dueDate === null || r.dueDate === '';
  const dueDate = blank ? undefined : dateOf(r.dueDate, `${path}.dueDate`, `${at} : échéance`, scope);
  if (dueDate && phase.start && phase.end && (dueDate < phase.start || dueDate > phase.end)) {
    scope.issues.push({
      path: `${path}.dueDate`,
      message: `${at} : l'échéance (${dueDate}) doit tomber pendant la phase, du ${phase.start} au ${phase.end}.`,
    });
  }
  const charges = r.charges === undefined ? [] : chargesOf(r.charges, `${path}.charges`, at, scope);
  return { code: `L${i + 1}.${j + 1}`, label, ...(dueDate ? { dueDate } : {}), charges };
}

function chargesOf(value: unknown, path: string, at: string, scope: Scope): QuoteCharge[] {
  if (value === undefined) return [];
  const list = listOf(
    value,
    path,
    `${at} : charges attendues sous forme de liste.`,
    MAX_CHARGES,
    scope.issues,
    true,
  );
  return list.flatMap((raw, k) => {
    const charge = parseCharge(raw, `${path}.${k}`, `${at}, charge ${k + 1}`, scope);
    return charge ? [charge] : [];
  });
}

function parseCharge(raw: unknown, path: string, at: string, scope: Scope): QuoteCharge | undefined {
  const r = isRecord(raw) ? raw : {};
  const { schedule } = scope.ctx;
  const code = typeof r.line === 'string' ? r.line : '';
  const line = code.trim() === '' ? undefined : findPriceLine(schedule, code);
  if (!line) {
    const message =
      code.trim() === ''
        ? `${at} : choisissez une ligne du BPU.`
        : `${at} : ligne de prix inconnue « ${code.trim()} » dans le BPU ${schedule.version}.`;
    scope.issues.push({ path: `${path}.line`, message });
  }
  // Checked even on an unknown line, so that every mistake of the row shows at once.
  const quantity = quantityOf(r.quantity, line?.unit ?? 'jour', `${path}.quantity`, at, scope.issues);
  const profile = profileOf(r.profile, line, `${path}.profile`, at, scope);
  if (!line || quantity === undefined || profile === false) return undefined;
  return {
    line: { ...line },
    quantity,
    ...(profile ? { profile: profile.code } : {}),
    amountHtCents: chargeAmountCents(line.unitPriceCents, quantity),
  };
}

function quantityOf(
  value: unknown,
  unitOfLine: PriceUnit,
  path: string,
  at: string,
  issues: Issue[],
): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value.trim().replace(',', '.'))
        : NaN;
  const unit = PRICE_UNIT_LABELS[unitOfLine];
  const problem = !Number.isFinite(n)
    ? `quantité invalide (${showValue(value)}) : un nombre de ${unit.many} comme 2 ou 2,5`
    : n < 0
      ? `la quantité ne peut pas être négative (${frenchDecimal(n)} ${unit.many})`
      : n === 0
        ? 'la quantité doit être supérieure à zéro'
        : n > MAX_QUANTITY
          ? `au plus ${MAX_QUANTITY} ${unit.many} par charge`
          : unitOfLine === 'mois' && !Number.isInteger(n)
            ? "l'option support se compte en mois entiers"
            : !Number.isInteger(n * QUANTITY_STEPS_PER_UNIT)
              ? 'les jours se comptent au quart de jour près (0,25 ; 0,5 ; 0,75…)'
              : undefined;
  if (problem === undefined) return n;
  issues.push({ path, message: `${at} : ${problem}.` });
  return undefined;
}

/** The profile a charge names; `undefined` when none, `false` when the reference is wrong. */
function profileOf(value: unknown, line: PriceLine | undefined, path: string, at: string, scope: Scope) {
  if (value === undefined || value === null || value === '') return undefined;
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  const profile = scope.profiles.get(code);
  if (!profile) {
    scope.issues.push({
      path,
      message: `${at} : profil inconnu « ${String(value)} » (déclarez-le dans les profils).`,
    });
    return false;
  }
  if (line?.level && line.level !== profile.level) {
    scope.issues.push({
      path,
      message: `${at} : le profil ${profile.code} est ${PROFILE_LEVEL_LABELS[profile.level]} mais la ligne ${line.code} est au niveau ${PROFILE_LEVEL_LABELS[line.level]}.`,
    });
    return false;
  }
  return profile;
}

function dateOf(value: unknown, path: string, what: string, scope: Scope): LocalDate | undefined {
  let day: number;
  try {
    day = parseLocalDate(value, path);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    scope.issues.push({ path, message: `${what} invalide, attendu AAAA-MM-JJ comme 2026-09-14.` });
    return undefined;
  }
  const first = parseLocalDate(scope.ctx.notBefore, 'notBefore');
  if (day < first) {
    scope.issues.push({
      path,
      message: `${what} (${formatLocalDate(day)}) antérieure à la demande (${scope.ctx.notBefore}).`,
    });
    return undefined;
  }
  if (day > first + MAX_SPAN_DAYS) {
    scope.issues.push({
      path,
      message: `${what} (${formatLocalDate(day)}) à plus de cinq ans de la demande.`,
    });
    return undefined;
  }
  return formatLocalDate(day);
}

function textOf(value: unknown, path: string, message: string, issues: Issue[]): string {
  const text = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
  if (text.length >= 3 && text.length <= 200) return text;
  issues.push({ path, message });
  return text;
}

function listOf(
  value: unknown,
  path: string,
  missing: string,
  max: number,
  issues: Issue[],
  emptyAllowed = false,
): unknown[] {
  if (!Array.isArray(value) || (!emptyAllowed && value.length === 0)) {
    issues.push({ path, message: missing });
    return [];
  }
  if (value.length > max) {
    issues.push({ path, message: `Au plus ${max} éléments ici (${value.length} reçus).` });
    return [];
  }
  return value;
}

function sumHt(charges: readonly QuoteCharge[]): number {
  return sumCents(charges.map((c) => c.amountHtCents));
}

function isRecord(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** "−2,5": French decimal comma and a true minus sign. */
export function frenchDecimal(n: number): string {
  return String(n).replace('-', '−').replace('.', ',');
}

function draftError(issues: Issue[]): ValidationError {
  const count = issues.length === 1 ? 'une erreur' : `${issues.length} erreurs`;
  const shown = issues
    .slice(0, 3)
    .map((i) => i.message)
    .join(' ');
  return new ValidationError(`Le devis contient ${count}. ${shown}${issues.length > 3 ? ' …' : ''}`, issues);
}
