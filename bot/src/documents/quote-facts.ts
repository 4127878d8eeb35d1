/**
 * What a quote's PDF says about the quote itself, read from the domain document: which version, its
 * dates and status, the notice a draft or superseded version must carry, the request's subject, and
 * the metadata. The requester is named by organisation only — the quote stores the agent's name for
 * the service's own use, and a document sent around a public body does not need it.
 */
import { NotFoundError } from '../domain/errors';
import { formatFrenchDate } from '../domain/quotes/french-date';
import { DOMAIN_LABELS } from '../domain/tickets/incident-form';
import {
  QUOTE_STATUS_LABELS,
  type Quote,
  type QuoteVersion,
  latestVersion,
  quoteVersionLabel,
} from '../domain/quotes/quote';
import { AGREEMENT } from './agreement-reference';
import type { PhaseCharges } from './charges-table';
import { shortDate, shortDateOf } from './document-formats';
import type { PdfMetadata } from './pdf-document';
import type { Fact } from './pdf-section';
import type { TitulaireIdentity } from './titulaire-identity';

/** The requested version, or the latest; `NotFoundError` when there is none. */
export function pickVersion(quote: Quote, version?: number): QuoteVersion {
  const v = version === undefined ? latestVersion(quote) : quote.versions.find((x) => x.version === version);
  if (!v) throw new NotFoundError(`Version ${version ?? 'chiffrée'} du devis ${quote.number}`);
  return v;
}

/** Date, validity and status, as the heading of the first page shows them. */
export function headingFacts(quote: Quote, v: QuoteVersion): Fact[] {
  return [
    v.sentAt
      ? { label: "Date d'émission", value: shortDateOf(v.sentAt, quote.zone) }
      : { label: 'Préparé le', value: shortDateOf(v.preparedAt, quote.zone) },
    v.validUntil
      ? { label: "Valable jusqu'au", value: shortDate(v.validUntil) }
      : { label: 'Validité', value: `${quote.terms.validityMonths} mois après envoi` },
    { label: 'Statut', value: QUOTE_STATUS_LABELS[v.status] },
  ];
}

/** The warning a version that cannot (or can no longer) be accepted carries, or the acceptance note. */
export function versionNotice(
  quote: Quote,
  v: QuoteVersion,
): { text: string; tone: 'alert' | 'info' } | undefined {
  const on = (at?: string) => (at ? ` le ${shortDateOf(at, quote.zone)}` : '');
  switch (v.status) {
    case 'in-preparation':
      return {
        tone: 'alert',
        text: "Projet : cette version n'a pas encore été envoyée au bénéficiaire et ne peut pas être acceptée.",
      };
    case 'superseded':
      return {
        tone: 'alert',
        text: `Version remplacée : la version ${latestVersion(quote)!.version} de ce devis annule et remplace celle-ci, qui ne peut plus être acceptée.`,
      };
    case 'declined':
      return { tone: 'alert', text: `Devis refusé par le bénéficiaire${on(v.decision?.at)}.` };
    case 'expired':
      return {
        tone: 'alert',
        text: `Devis expiré : il pouvait être accepté jusqu'au ${formatFrenchDate(v.validUntil!)}.`,
      };
    case 'accepted':
      return {
        tone: 'info',
        text: `Devis accepté par le bénéficiaire${on(v.decision?.at)}${quote.order ? ` : bon de commande ${quote.order.number}` : ''}.`,
      };
    default:
      return undefined;
  }
}

/** The request as the quote answers it: subject, domain, reception, wished start, period. */
export function requestFacts(quote: Quote, v: QuoteVersion): Fact[] {
  const r = quote.request;
  const start = v.phases.reduce((a, p) => (p.start < a ? p.start : a), v.phases[0]!.start);
  const end = v.phases.reduce((a, p) => (p.end > a ? p.end : a), v.phases[0]!.end);
  return [
    { label: 'Objet', value: r.subject },
    { label: 'Domaine', value: DOMAIN_LABELS[r.domain] },
    {
      label: 'Demande',
      value: `reçue de ${quote.beneficiaryName} le ${shortDateOf(r.receivedAt, quote.zone)} (${r.channel === 'email' ? 'par e-mail' : 'dans Microsoft Teams'})`,
    },
    ...(r.wishedStart ? [{ label: 'Démarrage souhaité', value: shortDate(r.wishedStart) }] : []),
    { label: 'Période prévisionnelle', value: `du ${shortDate(start)} au ${shortDate(end)}` },
  ];
}

/** The version's phases as the costed table groups them. */
export function quotePhaseCharges(v: QuoteVersion): PhaseCharges[] {
  return v.phases.map((p) => ({
    code: p.code,
    label: p.label,
    detail: `du ${shortDate(p.start)} au ${shortDate(p.end)}`,
    direct: p.charges,
    deliverables: p.deliverables.map((d) => ({
      code: d.code,
      label: d.label,
      ...(d.dueDate ? { detail: `échéance ${shortDate(d.dueDate)}` } : {}),
      charges: d.charges,
    })),
  }));
}

/** Metadata: dated by the version's sending (or preparation), last changed by its decision. */
export function quoteMetadata(quote: Quote, v: QuoteVersion, titulaire: TitulaireIdentity): PdfMetadata {
  const created = v.sentAt ?? v.preparedAt;
  const changes = [created, v.decision?.at, v.closedAt].filter((at): at is string => Boolean(at)).sort();
  return {
    title: `Devis ${quoteVersionLabel(quote, v.version)} — ${quote.beneficiaryName}`,
    author: titulaire.name,
    subject: quote.request.subject,
    keywords: [AGREEMENT.reference, 'devis', quote.number, `SIRET ${quote.beneficiaryId}`],
    createdAt: new Date(created),
    modifiedAt: new Date(changes[changes.length - 1]!),
  };
}
