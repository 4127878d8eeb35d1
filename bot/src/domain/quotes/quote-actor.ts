/**
 * Who acts on quotes and orders, and under which role (DESIGN.md, "Roles"). The Titulaire's account
 * managers (and admins) prepare and send quotes and move orders; only a beneficiary's approvers
 * accept or decline its quotes and attest the service done; any agent of a beneficiary may request
 * a quote. Staff roles count only for Titulaire staff, and the approver role only inside the
 * approver's own beneficiaries: a beneficiary tenant that gives itself "Account.Manager" gains nothing.
 */
import { ForbiddenError } from '../errors';
import type { ActionChannel, TicketActor } from '../tickets/ticket-actor';

/** Where a quote or order action was made; `system` for Guichet's own watch (expiry). */
export type QuoteActionChannel = ActionChannel | 'system';

/**
 * The same person as a ticket actor (the adapters resolve it once), plus, when approvers are
 * designated per beneficiary, the SIRETs the person approves for. Without it, the approver role
 * applies to every beneficiary of the person's tenant.
 */
export type QuoteActor = Omit<TicketActor, 'channel'> & {
  readonly channel?: QuoteActionChannel;
  readonly approverOf?: readonly string[];
};

/** The role an action was allowed under, as the audit trail records it. */
export type QuoteActorRole = 'Account.Manager' | 'Admin' | 'Beneficiary.Approver' | 'Beneficiary.Agent';

/** The identity the quote watch acts under when it records an expiry. */
export const QUOTE_WATCH_ACTOR: QuoteActor = Object.freeze({
  kind: 'titulaire',
  tenantId: 'guichet',
  objectId: 'guichet-quote-watch',
  name: 'Guichet (veille des devis)',
  roles: Object.freeze(['Admin'] as const),
  beneficiaryIds: Object.freeze([]),
  channel: 'system',
});

/** A beneficiary as refusals name it. */
export interface NamedBeneficiary {
  readonly id: string;
  readonly name: string;
}

/** True for Titulaire staff with the account-manager or admin role. */
export function isAccountManager(actor: QuoteActor): boolean {
  return (
    actor.kind === 'titulaire' && (actor.roles.includes('Account.Manager') || actor.roles.includes('Admin'))
  );
}

/** True for an agent (approver or not) of the beneficiary whose SIRET is given. */
export function isBeneficiaryAgent(actor: QuoteActor, beneficiaryId: string): boolean {
  return actor.kind === 'beneficiary' && actor.beneficiaryIds.includes(beneficiaryId);
}

/** True for an approver of the beneficiary whose SIRET is given. */
export function isApproverOf(actor: QuoteActor, beneficiaryId: string): boolean {
  return (
    isBeneficiaryAgent(actor, beneficiaryId) &&
    actor.roles.includes('Beneficiary.Approver') &&
    (actor.approverOf === undefined || actor.approverOf.includes(beneficiaryId))
  );
}

/** The Titulaire role the actor acts under; `ForbiddenError` naming the action otherwise. */
export function requireAccountManager(actor: QuoteActor, what: string): QuoteActorRole {
  if (!isAccountManager(actor)) {
    throw new ForbiddenError(`Seuls les chargés de compte du Titulaire peuvent ${what}.`);
  }
  // Account.Manager first: an admin who is also an account manager acts as one.
  return actor.roles.includes('Account.Manager') ? 'Account.Manager' : 'Admin';
}

/** The approver role for this beneficiary; a `ForbiddenError` that says how to become one otherwise. */
export function requireApproverOf(
  actor: QuoteActor,
  beneficiary: NamedBeneficiary,
  what: string,
): QuoteActorRole {
  if (isApproverOf(actor, beneficiary.id)) return 'Beneficiary.Approver';
  if (isBeneficiaryAgent(actor, beneficiary.id)) {
    throw new ForbiddenError(
      `Seuls les approbateurs de ${beneficiary.name} peuvent ${what}. ` +
        'Un administrateur ou un approbateur existant peut vous désigner comme approbateur dans Guichet.',
    );
  }
  throw new ForbiddenError(`Seuls les approbateurs de ${beneficiary.name} peuvent ${what}.`);
}
