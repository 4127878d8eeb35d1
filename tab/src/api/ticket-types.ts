/**
 * Tickets as the API returns them: summaries, details, timelines.
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
