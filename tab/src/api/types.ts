/**
 * The shapes the tab reads from /api/v1, as published in GET /api/v1/openapi.json. Only the fields the
 * pages use are listed; every instant is an ISO-8601 UTC string.
 */

export type TicketStatus = 'new' | 'taken' | 'in-progress' | 'waiting-beneficiary' | 'resolved' | 'closed';
export type Severity = 1 | 2 | 3 | 4;
export type TicketActionType =
  'take' | 'reply' | 'wait' | 'resume' | 'resolve' | 'reassign' | 'addInfo' | 'close' | 'reopen';

/** A person named on a ticket. */
export interface PersonRef {
  objectId: string;
  name: string;
}

/** Restoration (resolution) clock: none, running towards `dueAt`, or paused. */
export type Restoration =
  | { status: 'none' }
  | { status: 'running'; dueAt: string }
  | { status: 'paused'; remainingMs: number; pausedSince: string };

/** A ticket as lists show it. */
export interface TicketSummary {
  id: string;
  number: string;
  beneficiaryId: string;
  beneficiaryName: string;
  severity: Severity;
  category: string;
  domain: string;
  title: string;
  status: TicketStatus;
  channel: 'teams' | 'phone' | 'email';
  receivedAt: string;
  openedAt: string;
  updatedAt: string;
  firstResponseDueAt: string;
  firstResponse?: { by: PersonRef; at: string; onTime: boolean };
  assignee?: PersonRef;
  restoration: Restoration;
  closedAt?: string;
  reopenedCount: number;
}

export interface TicketPage {
  items: TicketSummary[];
  continuationToken?: string;
}

/** The intervention report of a resolved ticket. */
export interface Resolution {
  diagnostic: string;
  actions: string;
  cause: string;
  restoredAt: string;
  by: PersonRef;
  at: string;
  onTime?: boolean;
}

export interface TicketFull extends TicketSummary {
  description: string;
  phone?: string;
  declaredBy: { name: string };
  /** Calendar zone slug of the beneficiary ("metropole", "martinique"…). */
  zone: string;
  modality: 1 | 2;
  resolution?: Resolution;
}

/** One audit event of a ticket's timeline. */
export interface TimelineEvent {
  id: string;
  seq: number;
  at: string;
  action: 'open' | TicketActionType;
  actor: { name: string; role: string; channel: string };
  before: TicketStatus | null;
  after: TicketStatus;
  details: Record<string, unknown>;
}

export interface TicketDetail {
  ticket: TicketFull;
  timeline: TimelineEvent[];
  availableActions: TicketActionType[];
}

/** A beneficiary the caller may see. */
export interface VisibleBeneficiary {
  id: string;
  name: string;
  active: boolean;
  group?: string;
}

/** GET /api/v1/me. */
export interface Me {
  name: string;
  username?: string;
  tenantId: string;
  objectId: string;
  kind: 'titulaire' | 'canut' | 'beneficiary';
  roles: string[];
  readOnly: boolean;
  allBeneficiaries: boolean;
  beneficiaries: VisibleBeneficiary[];
}

/** A user of the local demonstration sign-in. */
export interface DemoUser {
  id: string;
  name: string;
  email: string;
  organisation: string;
  /** French label of the role(s). */
  role: string;
  roles: string[];
}

/** Amounts in euro cents: excluding VAT, VAT, including VAT. */
export interface Amounts {
  htCents: number;
  vatCents: number;
  ttcCents: number;
}

export type ProfileLevel = 'JUNIOR' | 'CONFIRME' | 'EXPERT';

/** A line of the price schedule (BPU). */
export interface PriceLine {
  code: string;
  label: string;
  kind: string;
  /** null for the 24/7 support option, sold by the month. */
  level: ProfileLevel | null;
  unit: 'jour' | 'mois';
  unitPriceCents: number;
  option?: string;
}

/** GET /api/v1/catalogue/price-schedule. */
export interface PriceSchedule {
  version: string;
  validFrom: string;
  lines: (PriceLine & { kindLabel: string })[];
}

/** A commercial contact of the Titulaire (GET /api/v1/catalogue/contacts). */
export interface CatalogueContact {
  name: string;
  email?: string;
}

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

export type OrderStatus =
  'issued' | 'acknowledged' | 'in-progress' | 'delivered' | 'accepted' | 'invoiced' | 'paid' | 'cancelled';
export type OrderActionType =
  'acknowledge' | 'start' | 'deliver' | 'accept' | 'rejectDelivery' | 'invoice' | 'pay' | 'cancel';

/** An order (bon de commande) as lists show it. */
export interface OrderSummary {
  id: string;
  number: string;
  beneficiaryId: string;
  beneficiaryName: string;
  quote: { id: string; number: string; version: number; subject: string };
  status: OrderStatus;
  totals: Amounts;
  period: { start: string; end: string };
  issuedAt: string;
  updatedAt: string;
}

export interface OrderPage {
  items: OrderSummary[];
  continuationToken?: string;
}

export interface OrderLine {
  phase: string;
  phaseLabel: string;
  deliverable?: string;
  deliverableLabel?: string;
  line: PriceLine;
  quantity: number;
  profile?: string;
  amountHtCents: number;
}

export interface OrderFull extends OrderSummary {
  scheduleVersion: string;
  vatRateBp: number;
  lines: OrderLine[];
  issuedBy: PersonRef;
  steps: { status: OrderStatus; at: string; by: PersonRef }[];
  invoiceReference?: string;
  cancellation?: { reason: string; at: string; by: PersonRef; from: OrderStatus };
}

export interface OrderDetail {
  order: OrderFull;
  timeline: AuditEvent[];
  availableActions: OrderActionType[];
}

/** The documents behind a report figure. */
export interface ReportTrace {
  ids: string[];
  numbers: string[];
}

/** One month, quarter or year of a report's breakdown. */
export interface ReportBucket {
  kind: 'month' | 'quarter' | 'year';
  /** "2026-10", "2026-T4", "2026". */
  key: string;
  /** "octobre 2026", "T4 2026", "2026". */
  label: string;
}

/** Business volume (orders HT, in cents) of a bucket, overall (`siret` null) or for one beneficiary. */
export interface ReportVolumeRow {
  bucket: ReportBucket;
  siret: string | null;
  beneficiaryName: string | null;
  orderCount: number;
  htCents: number;
  vatCents: number;
  ttcCents: number;
  trace: ReportTrace;
}

/** What the period's orders bought on one price-schedule line. */
export interface ReportPriceLineRow {
  code: string;
  label: string;
  unitPriceCents: number;
  quantity: number;
  lineCount: number;
  htCents: number;
  /** Share of the period's volume HT, in basis points. */
  shareBp: number;
}

/** First-response compliance of a group of tickets received in the period. */
export interface ReportSlaRow {
  severity: Severity | null;
  siret: string | null;
  beneficiaryName: string | null;
  onTime: ReportTrace;
  late: ReportTrace;
  openLate: ReportTrace;
  pending: ReportTrace;
  /** In basis points; null when no ticket counts. */
  complianceBp: number | null;
}

/** Timeliness of a group of quote requests received in the period. */
export interface ReportQuoteTimelinessRow {
  siret: string | null;
  beneficiaryName: string | null;
  onTime: ReportTrace;
  late: ReportTrace;
  overdue: ReportTrace;
  pending: ReportTrace;
  averageCalendarDaysLate: number | null;
  /** In basis points; null when no quote counts. */
  onTimeBp: number | null;
}

/** GET /api/v1/reports?format=json: amounts in euro cents, rates in basis points. */
export interface ReportData {
  period: { kind: 'month' | 'quarter' | 'year'; key: string; label: string; start: string; end: string };
  scope: { siret: string | null; beneficiaryName: string | null };
  generatedAt: string;
  volume: { total: ReportVolumeRow; rows: ReportVolumeRow[] };
  orders: { id: string; number: string; counted: boolean }[];
  priceLines: ReportPriceLineRow[];
  sla: { total: ReportSlaRow; bySeverity: ReportSlaRow[]; byBeneficiary: ReportSlaRow[]; tickets: unknown[] };
  quotes: { total: ReportQuoteTimelinessRow };
  penalties: { totalCents: number };
}
