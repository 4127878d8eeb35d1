/**
 * What a caller sees of a quote. A beneficiary does not see a version the Titulaire is still
 * preparing (it is not an offer yet, as on the bot's cards), nor the draft figures its audit
 * events carry; staff see everything. Lists and details are built from the stored document and
 * then parsed by the response schemas, which drop every internal field.
 */
import { availableQuoteActions } from '../domain/quotes/quote-lifecycle';
import type { QuoteActor } from '../domain/quotes/quote-actor';
import type { QuoteEvent } from '../domain/quotes/quote-event';
import { latestVersion, type Quote } from '../domain/quotes/quote';
import type { QuoteRepository } from '../store/quote-repository';

/** True when the caller sees versions in preparation and the draft figures. */
function seesDrafts(actor: QuoteActor): boolean {
  return actor.kind !== 'beneficiary';
}

/** The quote as this caller may read it. */
export function visibleQuote<Q extends Quote>(quote: Q, actor: QuoteActor): Q {
  if (seesDrafts(actor)) return quote;
  return { ...quote, versions: quote.versions.filter((v) => v.status !== 'in-preparation') };
}

/** The list entry of a quote: its fields and its latest visible version's figures. */
export function quoteSummaryOf(stored: Quote, actor: QuoteActor) {
  const quote = visibleQuote(stored, actor);
  const v = latestVersion(quote);
  return {
    ...quote,
    ...(v
      ? {
          latest: {
            version: v.version,
            status: v.status,
            totals: v.totals,
            ...(v.validUntil ? { validUntil: v.validUntil } : {}),
          },
        }
      : {}),
  };
}

/** The detail of a quote: the quote, its timeline and the actions the caller may make now. */
export async function quoteDetailOf(repo: QuoteRepository, stored: Quote, actor: QuoteActor) {
  const events = await repo.events(stored.beneficiaryId, stored.id);
  return {
    quote: quoteSummaryOf(stored, actor),
    timeline: seesDrafts(actor) ? events : events.map(withoutDraftFigures),
    // The watch alone declares a quote expired: the API does not offer it.
    availableActions: availableQuoteActions(stored, actor).filter((a) => a !== 'expire'),
  };
}

function withoutDraftFigures(event: QuoteEvent): QuoteEvent {
  return event.action === 'prepare' || event.action === 'revise' ? { ...event, details: {} } : event;
}
