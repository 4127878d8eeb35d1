/**
 * Quotes for the document tests, built through the real domain: a long quote of 60 charge lines
 * (to make tables paginate), and the names no document may print.
 */
import type { Instant } from '../../bot/src/domain/calendar/instant';
import { DEMO_PRICE_SCHEDULE } from '../../bot/src/domain/catalogue/demo-price-schedule';
import type { ChargeInput, QuoteDraftInput } from '../../bot/src/domain/quotes/quote-draft';
import { applyQuoteAction } from '../../bot/src/domain/quotes/quote-lifecycle';
import type { Quote } from '../../bot/src/domain/quotes/quote';
import {
  PREPARED_AT,
  SENT_AT,
  aCanutStaff,
  anAccountManager,
  anAgent,
  anApprover,
  anEngineer,
  aQuote,
} from '../domain/quotes/factories';

/** Phases × deliverables × charges of the long quote: 4 × 3 × 5 = 60 charge lines. */
export const LONG_QUOTE_SHAPE = { phases: 4, deliverables: 3, charges: 5 } as const;

// Day lines of the demo BPU (the monthly support option counts whole months only).
const DAY_LINES = DEMO_PRICE_SCHEDULE.lines.filter((l) => l.unit === 'jour');
// A charge's profile must have its line's level.
const PROFILE_OF_LEVEL = { EXPERT: 'P1', CONFIRME: 'P2', JUNIOR: 'P3' } as const;

/** A draft of 60 charges, each with its own quantity (1; 1,25; 1,5…) so that every row is unique. */
export function aLongDraft(): QuoteDraftInput {
  let n = 0;
  const charge = (): ChargeInput => {
    const i = n++;
    const line = DAY_LINES[i % DAY_LINES.length]!;
    return { line: line.code, quantity: 1 + i / 4, profile: PROFILE_OF_LEVEL[line.level!] };
  };
  const { phases, deliverables, charges } = LONG_QUOTE_SHAPE;
  return {
    phases: Array.from({ length: phases }, (_, p) => ({
      label: `Vague de déploiement ${p + 1}`,
      start: `2026-0${6 + p}-01`,
      end: `2026-0${6 + p}-26`,
      deliverables: Array.from({ length: deliverables }, (_, d) => ({
        label: `Lot ${p + 1}.${d + 1} déployé et recetté`,
        dueDate: `2026-0${6 + p}-${String(10 + d * 5)}`,
        charges: Array.from({ length: charges }, charge),
      })),
    })),
    profiles: [
      { code: 'P1', level: 'EXPERT', certifications: ['AZ-305'] },
      { code: 'P2', level: 'CONFIRME', certifications: ['MD-102'] },
      { code: 'P3', level: 'JUNIOR', certifications: ['MS-900'] },
    ],
  };
}

/** A sent quote with `draft` as its only version. */
export function aSentQuoteOf(draft: QuoteDraftInput, sentAt: Instant = SENT_AT): Quote {
  const manager = anAccountManager();
  let quote = aQuote();
  quote = applyQuoteAction(
    quote,
    { type: 'prepare', draft, schedule: DEMO_PRICE_SCHEDULE },
    manager,
    PREPARED_AT,
  ).quote;
  return applyQuoteAction(quote, { type: 'send' }, manager, sentAt).quote;
}

/** Every person the factories name: none of them may appear on a document. */
export const PEOPLE: readonly string[] = [
  anAgent(),
  anAccountManager(),
  anApprover(),
  anEngineer(),
  aCanutStaff(),
].map((p) => p.name);

/** Full names and surnames of `names`, to look for in a document's text. */
export function nameTokens(names: readonly string[]): string[] {
  return [...new Set(names.flatMap((n) => [n, n.split(' ').slice(-1)[0]!]))];
}
