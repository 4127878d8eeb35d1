/**
 * The incident conversation: the declare form, its submission, "mes tickets", "ticket INC-…", the
 * support's declaration on a beneficiary's behalf, and the ticket card's Action.Execute buttons.
 * Handlers parse, call the ticket service, and render a card: the rules live in the domain.
 */
import { MessageFactory, type TurnContext } from '@microsoft/agents-hosting';
import { randomUUID } from 'node:crypto';
import type { Beneficiary } from '../domain/beneficiaries/beneficiary';
import { ForbiddenError, GuichetError, NotFoundError, ValidationError } from '../domain/errors';
import type { Requester } from '../domain/identity/requester';
import { parseIncidentForm } from '../domain/tickets/incident-form';
import { parseOnBehalfIncidentForm } from '../domain/tickets/on-behalf-form';
import { openedTexts } from '../domain/tickets/ticket-messages';
import { parseTicketAction } from '../domain/tickets/ticket-action';
import { actorFromRequester, isSupport, type TicketActor } from '../domain/tickets/ticket-actor';
import { parseTicketNumber } from '../domain/tickets/ticket-number';
import type { TicketService } from '../services/ticket-service';
import type { BeneficiaryRepository } from '../store/beneficiary-repository';
import type { StaffRepository } from '../store/staff-repository';
import type { TicketRepository } from '../store/ticket-repository';
import { activityFacts } from './activity-context';
import { attachment, type AdaptiveCard } from './cards/adaptive-card';
import { incidentFormCard } from './cards/incident-form-card';
import { ticketActionValues, ticketCard, TICKET_REFRESH_VERB, TICKET_VERB_PREFIX } from './cards/ticket-card';
import { ticketListCard } from './cards/ticket-list-card';

export interface IncidentDependencies {
  tickets: TicketService;
  ticketRepository: TicketRepository;
  staff: StaffRepository;
  beneficiaries: BeneficiaryRepository;
  now: () => Date;
}

type KnownRequester = Exclude<Requester, { kind: 'unknown' }>;

/** The person behind the turn as a ticket actor; refuses a Teams user without an Entra object id. */
export function actorOf(ctx: TurnContext, requester: KnownRequester): TicketActor {
  const actor = actorFromRequester(requester, ctx.activity.from?.name || 'Utilisateur', 'teams');
  if (!actor)
    throw new ForbiddenError(
      "Votre compte Teams n'a pas d'identifiant Entra : Guichet ne peut pas vous identifier.",
    );
  return actor;
}

function activeBeneficiaries(requester: KnownRequester): Beneficiary[] {
  return requester.kind === 'beneficiary' ? requester.beneficiaries.filter((b) => b.active) : [];
}

/** Sends the declare form (beneficiary agents; the support uses "incident pour <SIRET>"). */
export async function startIncident(ctx: TurnContext, requester: KnownRequester): Promise<void> {
  const beneficiaries = activeBeneficiaries(requester);
  if (beneficiaries.length === 0) {
    await ctx.sendActivity(
      MessageFactory.text(
        "Les incidents sont déclarés par les bénéficiaires de l'accord-cadre. Pour saisir un appel ou un courriel, écrivez « incident pour <SIRET> ».",
      ),
    );
    return;
  }
  const form = incidentFormCard({ formId: randomUUID(), beneficiaries });
  await ctx.sendActivity(MessageFactory.attachment(attachment(form)));
}

/** Sends the on-behalf form for the beneficiary with this SIRET (support engineers only). */
export async function startOnBehalf(
  ctx: TurnContext,
  requester: KnownRequester,
  siret: string,
  deps: IncidentDependencies,
): Promise<void> {
  if (!isSupport(actorOf(ctx, requester)))
    throw new ForbiddenError(
      "Seule l'équipe support du Titulaire peut déclarer un incident pour un bénéficiaire.",
    );
  const beneficiary = await deps.beneficiaries.get(siret);
  if (!beneficiary) throw new NotFoundError(`Le bénéficiaire de SIRET ${siret}`);
  const form = incidentFormCard({ formId: randomUUID(), onBehalfOf: beneficiary });
  await ctx.sendActivity(MessageFactory.attachment(attachment(form)));
}

/** Handles a submitted declare form: the form again with French errors, or the confirmation. */
export async function createIncident(
  ctx: TurnContext,
  requester: KnownRequester,
  deps: IncidentDependencies,
  onBehalf: boolean,
): Promise<void> {
  const values = (ctx.activity.value ?? {}) as Record<string, string>;
  const actor = actorOf(ctx, requester);
  const formId =
    typeof values.formId === 'string' && values.formId ? values.formId : (ctx.activity.id ?? randomUUID());
  try {
    const declared = onBehalf
      ? await declareOnBehalf(values, actor, formId, deps)
      : await declareOwn(values, requester, actor, formId, activityFacts(ctx.activity).conversationId, deps);
    const text = openedTexts(declared.ticket).beneficiary ?? '';
    const reply = MessageFactory.attachment(attachment(ticketCard(declared.ticket, actor)));
    reply.text = onBehalf
      ? `Ticket ${declared.ticket.number} enregistré pour ${declared.ticket.beneficiaryName}.`
      : text;
    await ctx.sendActivity(reply);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const beneficiaries = activeBeneficiaries(requester);
    const onBehalfOf = onBehalf
      ? await deps.beneficiaries.get(String(values.beneficiaryId ?? ''))
      : undefined;
    const form = incidentFormCard({ formId, values, issues: err.issues, beneficiaries, onBehalfOf });
    await ctx.sendActivity(MessageFactory.attachment(attachment(form), err.message));
  }
}

async function declareOwn(
  values: Record<string, string>,
  requester: KnownRequester,
  actor: TicketActor,
  formId: string,
  conversationId: string | undefined,
  deps: IncidentDependencies,
) {
  const beneficiaries = activeBeneficiaries(requester);
  const beneficiary =
    beneficiaries.length === 1
      ? beneficiaries[0]
      : beneficiaries.find((b) => b.siret === values.beneficiaryId);
  const form = parseIncidentForm(values);
  if (!beneficiary)
    throw new ValidationError('Choisissez votre organisation.', [
      { path: 'beneficiaryId', message: 'Choisissez votre organisation.' },
    ]);
  return deps.tickets.declare({ form, beneficiary, actor, formId, conversationId });
}

async function declareOnBehalf(
  values: Record<string, string>,
  actor: TicketActor,
  formId: string,
  deps: IncidentDependencies,
) {
  if (!isSupport(actor))
    throw new ForbiddenError(
      "Seule l'équipe support du Titulaire peut déclarer un incident pour un bénéficiaire.",
    );
  const beneficiary = await deps.beneficiaries.get(String(values.beneficiaryId ?? ''));
  if (!beneficiary) throw new NotFoundError('Ce bénéficiaire');
  const form = parseOnBehalfIncidentForm(values, { beneficiary, now: deps.now().toISOString() });
  return deps.tickets.declare({
    form,
    beneficiary,
    actor,
    formId,
    channel: form.channel,
    receivedAt: form.receivedAt,
  });
}

/** "mes tickets": the open tickets of the requester's organisation(s), or all of them for the support. */
export async function listTickets(
  ctx: TurnContext,
  requester: KnownRequester,
  deps: IncidentDependencies,
): Promise<void> {
  const actor = actorOf(ctx, requester);
  const pages = isSupport(actor)
    ? [await deps.ticketRepository.listAllOpen()]
    : await Promise.all(activeBeneficiaries(requester).map((b) => deps.ticketRepository.listOpen(b.siret)));
  if (!isSupport(actor) && requester.kind !== 'beneficiary')
    throw new ForbiddenError("Le suivi des tickets est réservé aux bénéficiaires et à l'équipe support.");
  const tickets = pages
    .flatMap((p) => p.items)
    .sort((a, b) => a.firstResponseDueAt.localeCompare(b.firstResponseDueAt));
  await ctx.sendActivity(MessageFactory.attachment(attachment(ticketListCard(tickets, isSupport(actor)))));
}

/** "ticket INC-…": one ticket, if the requester may see it. */
export async function showTicket(
  ctx: TurnContext,
  requester: KnownRequester,
  number: string,
  deps: IncidentDependencies,
): Promise<void> {
  const actor = actorOf(ctx, requester);
  const { text } = parseTicketNumber(number);
  const ticket = isSupport(actor)
    ? await deps.ticketRepository.findByNumberAnywhere(text)
    : await deps.ticketRepository.findByNumber(text, actor.beneficiaryIds);
  if (!ticket) throw new NotFoundError(`Le ticket ${text}`);
  await ctx.sendActivity(
    MessageFactory.attachment(
      attachment(ticketCard(ticket, actor, { engineers: await engineersFor(actor, deps) })),
    ),
  );
}

async function engineersFor(actor: TicketActor, deps: IncidentDependencies) {
  if (!isSupport(actor)) return [];
  return (await deps.staff.engineers()).map((m) => ({ objectId: m.objectId, name: m.displayName }));
}

/** An Action.Execute on a ticket card: applies the action (or just refreshes) and returns the new card. */
export async function executeTicketAction(
  ctx: TurnContext,
  requester: KnownRequester,
  data: Record<string, unknown>,
  deps: IncidentDependencies,
): Promise<AdaptiveCard> {
  const verb = String((ctx.activity.value as { action?: { verb?: string } } | undefined)?.action?.verb ?? '');
  const actor = actorOf(ctx, requester);
  const ids = { beneficiaryId: String(data.beneficiaryId ?? ''), ticketId: String(data.ticketId ?? '') };
  // Tenant isolation: a beneficiary's agent may only touch its own partitions, whatever the card says.
  if (!isSupport(actor) && !actor.beneficiaryIds.includes(ids.beneficiaryId))
    throw new NotFoundError('Ce ticket');
  const current = await deps.ticketRepository.get(ids.beneficiaryId, ids.ticketId);
  if (!current) throw new NotFoundError('Ce ticket');
  const engineers = await engineersFor(actor, deps);
  if (verb === TICKET_REFRESH_VERB) return ticketCard(current, actor, { engineers });
  try {
    const values = {
      ...data,
      ...(data.assigneeId
        ? { assigneeName: engineers.find((e) => e.objectId === data.assigneeId)?.name ?? '' }
        : {}),
    };
    const type = verb.slice(TICKET_VERB_PREFIX.length);
    const action = parseTicketAction(type, ticketActionValues(type, values));
    const ticket = await deps.tickets.act({ ...ids, action, actor, idempotencyKey: ctx.activity.id });
    return ticketCard(ticket, actor, { engineers, banner: { text: 'C’est fait.' } });
  } catch (err) {
    if (!(err instanceof GuichetError) || err.code === 'INTERNAL') throw err;
    const detail = err.issues.map((i) => i.message).join(' ');
    return ticketCard(current, actor, {
      engineers,
      banner: { text: detail ? `${err.message} ${detail}` : err.message, error: true },
    });
  }
}
