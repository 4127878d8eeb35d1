/**
 * The beneficiary's contacts as an export lists them: its approvers from the staff registry, and
 * every one of its people who declared a ticket, requested a quote or acted on one of its documents.
 * Titulaire staff who worked on its tickets appear in the documents' history, not here: they are the
 * Titulaire's people, not the beneficiary's contacts.
 */
import type { Beneficiary } from '../../domain/beneficiaries/beneficiary';
import type { Order } from '../../domain/orders/order';
import type { OrderEvent } from '../../domain/orders/order-event';
import type { Quote } from '../../domain/quotes/quote';
import type { QuoteEvent } from '../../domain/quotes/quote-event';
import type { Ticket } from '../../domain/tickets/ticket';
import type { TicketEvent } from '../../domain/tickets/ticket-event';
import type { StaffMember } from '../../store/staff-repository';

/** One person of the beneficiary. */
export interface ExportContact {
  readonly name: string;
  readonly email: string | null;
  readonly tenantId: string | null;
  readonly objectId: string | null;
  /** Designated approver in Guichet's registry. */
  readonly approver: boolean;
  /** What the person did: "déclarant", "demandeur de devis", "agent", "approbateur"… */
  readonly roles: readonly string[];
  readonly firstSeenAt: string | null;
  readonly lastSeenAt: string | null;
  /** Numbers of the documents the person appears in. */
  readonly documents: readonly string[];
}

interface Sighting {
  readonly name: string;
  readonly email?: string;
  readonly tenantId?: string;
  readonly objectId?: string;
  readonly role: string;
  readonly at?: string;
  readonly number?: string;
}

type Docs = {
  readonly tickets: readonly (Ticket & { events: readonly TicketEvent[] })[];
  readonly quotes: readonly (Quote & { events: readonly QuoteEvent[] })[];
  readonly orders: readonly (Order & { events: readonly OrderEvent[] })[];
};

/** The beneficiary's roles in the audit trail, as the export names them. */
const BENEFICIARY_ROLES: ReadonlyMap<string, string> = new Map([
  ['Beneficiary.Agent', 'agent'],
  ['Beneficiary.Approver', 'approbateur'],
]);

/** Every contact of the beneficiary, by name. */
export function contactsOf(
  beneficiary: Beneficiary,
  docs: Docs,
  staff: readonly StaffMember[],
): ExportContact[] {
  const tenants = new Set(beneficiary.tenantIds.map((t) => t.toLowerCase()));
  const sightings: Sighting[] = [
    ...staff.map((s) => ({
      name: s.displayName,
      email: s.email,
      tenantId: s.tenantId,
      objectId: s.objectId,
      role: 'approbateur désigné',
    })),
    ...docs.tickets.flatMap((t) => [
      ...(tenants.has(t.declaredBy.tenantId.toLowerCase())
        ? [{ ...t.declaredBy, role: 'déclarant', at: t.openedAt, number: t.number }]
        : []),
      ...actors(t.events, t.number),
    ]),
    ...docs.quotes.flatMap((q) => [
      { ...q.request.requestedBy, role: 'demandeur de devis', at: q.request.receivedAt, number: q.number },
      ...actors(q.events, q.number),
    ]),
    ...docs.orders.flatMap((o) => actors(o.events, o.number)),
  ];
  const merged = mergeSightings(sightings);
  return [...merged.values()].map(contactOf).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

function actors(
  events: readonly {
    actor: { name: string; tenantId: string; objectId?: string; role: string };
    at: string;
  }[],
  number: string,
): Sighting[] {
  return events
    .filter((e) => BENEFICIARY_ROLES.has(e.actor.role))
    .map((e) => ({
      name: e.actor.name,
      tenantId: e.actor.tenantId,
      objectId: e.actor.objectId,
      role: BENEFICIARY_ROLES.get(e.actor.role)!,
      at: e.at,
      number,
    }));
}

/**
 * Groups the sightings of one person: by object id first; a sighting without one (a request received
 * by e-mail) joins the person with the same e-mail, else the same name, else stands alone.
 */
function mergeSightings(sightings: readonly Sighting[]): Map<string, Sighting[]> {
  const merged = new Map<string, Sighting[]>();
  const byEmail = new Map<string, string>();
  const byName = new Map<string, string>();
  const add = (key: string, s: Sighting) => {
    merged.set(key, [...(merged.get(key) ?? []), s]);
    if (s.email) byEmail.set(s.email.toLowerCase(), key);
    byName.set(nameKey(s.name), key);
  };
  for (const s of sightings.filter((x) => x.objectId)) add(`id:${s.objectId!.toLowerCase()}`, s);
  for (const s of sightings.filter((x) => !x.objectId)) {
    const key =
      (s.email && byEmail.get(s.email.toLowerCase())) ??
      byName.get(nameKey(s.name)) ??
      `name:${nameKey(s.name)}`;
    add(key, s);
  }
  return merged;
}

function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

function contactOf(all: Sighting[]): ExportContact {
  const dated = all.filter((s) => s.at).sort((a, b) => (a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : 0));
  const latest = dated[dated.length - 1] ?? all[0]!;
  return {
    name: latest.name,
    email: all.find((s) => s.email)?.email ?? null,
    tenantId: all.find((s) => s.tenantId)?.tenantId ?? null,
    objectId: all.find((s) => s.objectId)?.objectId ?? null,
    approver: all.some((s) => s.role === 'approbateur désigné'),
    roles: [...new Set(all.map((s) => s.role))].sort(),
    firstSeenAt: dated[0]?.at ?? null,
    lastSeenAt: latest.at ?? null,
    documents: [...new Set(all.flatMap((s) => (s.number ? [s.number] : [])))].sort(),
  };
}
