/**
 * Sections of the quote card: the provisional calendar with the charge and cost of each phase and
 * deliverable, the amounts HT / TVA / TTC (of a quote version, or of the order issued from it), and
 * the anonymised profiles (code, level, certifications — a profile has no name).
 * Long quotes are cut to what a card can hold; the tab and the PDF show everything.
 */
import { formatEuros } from '../../domain/catalogue/money';
import { PRICE_UNIT_LABELS } from '../../domain/catalogue/price-line';
import { profileTitle } from '../../domain/quotes/anonymised-profile';
import type { Amounts } from '../../domain/quotes/quote-amounts';
import { formatShortFrenchDate } from '../../domain/quotes/french-date';
import { frenchDecimal } from '../../domain/quotes/quote-draft';
import { formatVatRate } from '../../domain/quotes/quote-terms';
import type { QuoteCharge, QuotePhase, QuoteVersion } from '../../domain/quotes/quote';
import { facts, text, type CardElement } from './adaptive-card';

const SHOWN_PHASES = 10;
const SHOWN_DELIVERABLES = 6;
const SHOWN_CHARGES = 6;

/** The calendar: one block per phase, its dates and cost, then its deliverables. */
export function quoteCalendarElements(v: QuoteVersion, compact: boolean): CardElement[] {
  const phases = v.phases.slice(0, SHOWN_PHASES).map((p) => phaseBlock(p, compact));
  const more =
    v.phases.length > SHOWN_PHASES || compact
      ? [
          text('Le détail complet figure dans l’onglet Guichet et dans le devis imprimable.', {
            isSubtle: true,
            size: 'Small',
          }),
        ]
      : [];
  return [text('Calendrier prévisionnel', { weight: 'Bolder', separator: true }), ...phases, ...more];
}

function phaseBlock(p: QuotePhase, compact: boolean): CardElement {
  const items: CardElement[] = [
    text(`**${p.code} — ${p.label}**`),
    text(
      `du ${formatShortFrenchDate(p.start)} au ${formatShortFrenchDate(p.end)} · ${formatEuros(p.totals.htCents)} HT`,
      { isSubtle: true, spacing: 'None', size: 'Small' },
    ),
  ];
  if (!compact) {
    if (p.charges.length > 0)
      items.push(
        text(`Pilotage de la phase : ${chargesText(p.charges)}`, { size: 'Small', spacing: 'None' }),
      );
    for (const d of p.deliverables.slice(0, SHOWN_DELIVERABLES)) {
      const due = d.dueDate ? `, échéance ${formatShortFrenchDate(d.dueDate)}` : '';
      items.push(
        text(`${d.code} ${d.label}${due} · ${formatEuros(d.totals.htCents)} HT`, {
          size: 'Small',
          spacing: 'None',
        }),
      );
      if (d.charges.length > 0)
        items.push(text(chargesText(d.charges), { size: 'Small', spacing: 'None', isSubtle: true }));
    }
    if (p.deliverables.length > SHOWN_DELIVERABLES)
      items.push(
        text(`… et ${p.deliverables.length - SHOWN_DELIVERABLES} autre(s) livrable(s).`, {
          size: 'Small',
          isSubtle: true,
        }),
      );
  }
  return { type: 'Container', separator: true, items };
}

/** "2 jours PIL-CONF (P1) · 3,5 jours CA-EXP (P2)". */
function chargesText(charges: readonly QuoteCharge[]): string {
  const shown = charges.slice(0, SHOWN_CHARGES).map((c) => {
    const unit = PRICE_UNIT_LABELS[c.line.unit];
    const profile = c.profile ? ` (${c.profile})` : '';
    return `${frenchDecimal(c.quantity)} ${c.quantity > 1 ? unit.many : unit.one} ${c.line.code}${profile}`;
  });
  const more = charges.length > SHOWN_CHARGES ? ` · +${charges.length - SHOWN_CHARGES}` : '';
  return `${shown.join(' · ')}${more}`;
}

/** The profiles proposed, by code, level and certifications. */
export function quoteProfilesElements(v: QuoteVersion): CardElement[] {
  if (v.profiles.length === 0) return [];
  return [
    text('Profils proposés (anonymisés)', { weight: 'Bolder', separator: true }),
    text(v.profiles.map((p) => `- ${profileTitle(p)}`).join('\n'), { size: 'Small' }),
  ];
}

/** Total HT, TVA at its rate and total TTC, as a quote version and the order issued from it show them. */
export function amountFacts(totals: Amounts, vatRateBp: number): CardElement {
  return facts([
    ['Total HT', formatEuros(totals.htCents)],
    [`TVA ${formatVatRate(vatRateBp)}`, formatEuros(totals.vatCents)],
    ['Total TTC', formatEuros(totals.ttcCents)],
  ]);
}
