/**
 * Who acts on a ticket, and under which role. Support actions need a Titulaire engineer (or admin);
 * beneficiary actions need an agent of the ticket's own beneficiary. Staff roles count only for
 * Titulaire staff: a beneficiary tenant that assigned itself the app's "Support.Engineer" role gains
 * nothing.
 */
import { ForbiddenError } from '../errors';
import type { Requester, Role } from '../identity/requester';

/** Where an action was made: a bot card, the tab, or recorded by the support from a call or an e-mail. */
export type ActionChannel = 'teams' | 'tab' | 'phone' | 'email';

/** The role an action was allowed under, as the audit trail records it. */
export type ActorRole = 'Support.Engineer' | 'Admin' | 'Beneficiary.Agent';

/** A person acting on tickets, resolved from a Teams activity or an API token. */
export interface TicketActor {
  readonly kind: 'titulaire' | 'canut' | 'beneficiary';
  readonly tenantId: string;
  readonly objectId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** SIRETs of the beneficiaries the person is an agent of (empty for staff). */
  readonly beneficiaryIds: readonly string[];
  /** Defaults to `teams`. */
  readonly channel?: ActionChannel;
}

/** A ticket actor from a resolved requester; `undefined` for an unknown requester or one without object id. */
export function actorFromRequester(
  requester: Requester,
  name: string,
  channel: ActionChannel = 'teams',
): TicketActor | undefined {
  if (requester.kind === 'unknown' || !requester.objectId) return undefined;
  const beneficiaryIds = requester.kind === 'beneficiary' ? requester.beneficiaries.map((b) => b.siret) : [];
  return {
    kind: requester.kind,
    tenantId: requester.tenantId,
    objectId: requester.objectId,
    name,
    roles: requester.roles,
    beneficiaryIds,
    channel,
  };
}

/** True for Titulaire staff with the support or admin role. */
export function isSupport(actor: TicketActor): boolean {
  return (
    actor.kind === 'titulaire' && (actor.roles.includes('Support.Engineer') || actor.roles.includes('Admin'))
  );
}

/** True for an agent of the beneficiary whose SIRET is given. */
export function isAgentOf(actor: TicketActor, beneficiaryId: string): boolean {
  return actor.kind === 'beneficiary' && actor.beneficiaryIds.includes(beneficiaryId);
}

/** The support role the actor acts under; `ForbiddenError` naming the action otherwise. */
export function requireSupport(actor: TicketActor, what: string): ActorRole {
  if (!isSupport(actor)) {
    throw new ForbiddenError(`Seule l'équipe support du Titulaire peut ${what}.`);
  }
  // Support.Engineer first: an admin who is also an engineer acts as an engineer.
  return actor.roles.includes('Support.Engineer') ? 'Support.Engineer' : 'Admin';
}

/** The beneficiary role the actor acts under for this beneficiary; `ForbiddenError` otherwise. */
export function requireAgentOf(
  actor: TicketActor,
  beneficiary: { id: string; name: string },
  what: string,
): ActorRole {
  if (!isAgentOf(actor, beneficiary.id)) {
    throw new ForbiddenError(`Seuls les agents de ${beneficiary.name} peuvent ${what}.`);
  }
  // Approvers act here as agents: approving quotes gives no extra right on tickets.
  return 'Beneficiary.Agent';
}
