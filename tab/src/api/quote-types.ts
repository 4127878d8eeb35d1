/**
 * Quotes as the API returns them, and the body of a draft.
 */
import type { Amounts, PriceLine, ProfileLevel } from './catalogue-types';
import type { PersonRef } from './ticket-types';

export type QuoteStatus = 'requested' | 'in-preparation' | 'sent' | 'accepted' | 'declined' | 'expired';
export type QuoteVersionStatus = Exclude<QuoteStatus, 'requested'> | 'superseded';
export type QuoteActionType = 'prepare' | 'send' | 'revise' | 'accept' | 'decline';

export interface QuoteCharge {
  line: PriceLine;
  quantity: number;
  profile?: string;
  amountHtCents: number;
}

export interface QuotePhase {
  code: string;
  label: string;
  start: string;
  end: string;
  charges: QuoteCharge[];
  deliverables: {
    code: string;
    label: string;
    dueDate?: string;
    charges: QuoteCharge[];
    totals: Amounts;
  }[];
  totals: Amounts;
}

export interface QuoteProfile {
  code: string;
  level: ProfileLevel;
  certifications: string[];
}

export interface QuoteVersion {
  version: number;
  status: QuoteVersionStatus;
  scheduleVersion: string;
  vatRateBp: number;
  phases: QuotePhase[];
  profiles: QuoteProfile[];
  totals: Amounts;
  preparedBy: PersonRef;
  preparedAt: string;
  sentAt?: string;
  sentBy?: PersonRef;
  validUntil?: string;
  decision?: { by: PersonRef; at: string; reason?: string };
  closedAt?: string;
}

/** A quote as lists show it. */
export interface QuoteSummary {
  id: string;
  number: string;
  beneficiaryId: string;
  beneficiaryName: string;
  status: QuoteStatus;
  request: { subject: string; domain: string; channel: 'teams' | 'email'; receivedAt: string };
  /** Last day to send the quote (10 working days), a local date of the beneficiary. */
  dueDate: string;
  latest?: { version: number; status: QuoteVersionStatus; totals: Amounts; validUntil?: string };
  timeliness?: {
    onTime: boolean;
    sentDate: string;
    calendarDaysLate: number;
    workingDaysLate: number;
    penalty: { amountCents: number; capped: boolean };
  };
  order?: { id: string; number: string };
  createdAt: string;
  updatedAt: string;
}

export interface QuotePage {
  items: QuoteSummary[];
  continuationToken?: string;
}

/** One audit event of a quote or an order. */
export interface AuditEvent {
  id: string;
  seq: number;
  at: string;
  action: string;
  version?: number | null;
  actor: { name: string; role: string; channel: string };
  before: string | null;
  after: string;
  details: Record<string, unknown>;
}

export interface QuoteFull extends QuoteSummary {
  request: QuoteSummary['request'] & {
    need: string;
    wishedStart?: string;
    requestedBy: { name: string; email?: string };
    recordedBy?: { name: string };
  };
  zone: string;
  terms: { vatRateBp: number; validityMonths: number; answerWorkingDays: number };
  versions: QuoteVersion[];
}

export interface QuoteDetail {
  quote: QuoteFull;
  timeline: AuditEvent[];
  availableActions: QuoteActionType[];
}

/** One charge of a draft: quantity of a price line, optionally by a declared profile. */
export interface DraftCharge {
  line: string;
  quantity: number | string;
  profile?: string;
}

/** Body of PUT …/draft. */
export interface QuoteDraft {
  phases: {
    label: string;
    start: string;
    end: string;
    charges?: DraftCharge[];
    deliverables?: { label: string; dueDate?: string; charges?: DraftCharge[] }[];
  }[];
  profiles: { code: string; level: ProfileLevel; certifications?: string[] }[];
  scheduleVersion?: string;
  reason?: string;
}
