/**
 * The bot: routes Teams activities to thin handlers. Every handler resolves the requester first;
 * unknown tenants get a refusal and nothing about them is stored.
 */
import { ActivityTypes, type Activity } from '@microsoft/agents-activity';
import {
  AgentApplication,
  MessageFactory,
  TurnState,
  type CloudAdapter,
  type TurnContext,
} from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import { BeneficiaryInactiveError, NotABeneficiaryError, toGuichetError } from '../domain/errors';
import { resolveRequester, type Requester, type RequesterLookups } from '../domain/identity/requester';
import type { ConversationRepository } from '../store/conversation-repository';
import { activityFacts, concernsBot } from './activity-context';
import { attachment, type AdaptiveCard } from './cards/adaptive-card';
import { welcomeCard } from './cards/welcome-card';
import { forgetConversation, rememberConversation } from './conversation-tracking';
import { HELP_TEXT, NOT_YET_AVAILABLE } from './help-text';
import {
  createIncident,
  executeTicketAction,
  listTickets,
  showTicket,
  startIncident,
  startOnBehalf,
  type IncidentDependencies,
} from './incident-handlers';
import { TICKET_VERB_PREFIX } from './cards/ticket-card';
import { ORDER_VERB_PREFIX } from './cards/order-card';
import { QUOTE_VERB_PREFIX } from './cards/quote-card';
import {
  createQuote,
  executeOrderAction,
  executeQuoteAction,
  listOrders,
  listQuotes,
  showOrder,
  showQuote,
  startQuote,
  type QuoteDependencies,
} from './quote-handlers';
import { showReport, type ReportDependencies } from './report-handlers';
import { requestOfSubmit, requestOfText, type BotRequest } from './text-commands';

export interface BotDependencies {
  adapter: CloudAdapter;
  lookups: RequesterLookups;
  conversations: ConversationRepository;
  incidents: IncidentDependencies;
  quotes: QuoteDependencies;
  reports: ReportDependencies;
  logger: Logger;
  /** Asks the outbox sender to run soon, after a turn queued notifications. */
  wakeOutbox?: () => void;
  now?: () => Date;
}

type KnownRequester = Exclude<Requester, { kind: 'unknown' }>;

interface TurnHandlers {
  install(ctx: TurnContext): Promise<void>;
  remember(ctx: TurnContext): Promise<void>;
  uninstall(ctx: TurnContext): Promise<void>;
  submit(ctx: TurnContext): Promise<void>;
  message(ctx: TurnContext): Promise<void>;
  execute(ctx: TurnContext, state: TurnState, data: Record<string, unknown>): Promise<AdaptiveCard | string>;
}

/** The Action.Execute verbs of each card family, by prefix, and the handler that answers them. */
type CardActionHandler = (
  ctx: TurnContext,
  requester: KnownRequester,
  data: Record<string, unknown>,
  deps: BotDependencies,
) => Promise<AdaptiveCard>;

const CARD_ACTIONS: readonly [prefix: string, handler: CardActionHandler][] = [
  [TICKET_VERB_PREFIX, (ctx, r, data, deps) => executeTicketAction(ctx, r, data, deps.incidents)],
  [QUOTE_VERB_PREFIX, (ctx, r, data, deps) => executeQuoteAction(ctx, r, data, deps.quotes)],
  [ORDER_VERB_PREFIX, (ctx, r, data, deps) => executeOrderAction(ctx, r, data, deps.quotes)],
];

function verbPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix.replace('.', '\\.')}`);
}

/** Builds the agent application with all of Guichet's routes. */
export function createBotApp(deps: BotDependencies): AgentApplication<TurnState> {
  const app = new AgentApplication<TurnState>({ adapter: deps.adapter, startTypingTimer: false });
  const on = turnHandlers(deps);
  app.onConversationUpdate('membersAdded', async (ctx) => {
    if (concernsBot(ctx.activity, ctx.activity.membersAdded)) await on.install(ctx);
  });
  app.onConversationUpdate('membersRemoved', async (ctx) => {
    if (concernsBot(ctx.activity, ctx.activity.membersRemoved)) await on.uninstall(ctx);
  });
  app.onActivity(ActivityTypes.InstallationUpdate, async (ctx) => {
    const action = ctx.activity.action ?? '';
    // Teams (and the Playground) also send a conversationUpdate for the same install: that one greets,
    // this one only remembers the conversation, so the welcome card comes once.
    if (action.startsWith('remove')) await on.uninstall(ctx);
    else if (action === 'add') await on.remember(ctx);
  });
  // Action.Submit arrives as a message with a value and no text (FIELD-NOTES.md).
  app.onActivity(
    async (ctx) =>
      ctx.activity.type === ActivityTypes.Message && !ctx.activity.text && isSubmit(ctx.activity),
    on.submit,
  );
  app.onActivity(ActivityTypes.Message, on.message);
  app.adaptiveCards.actionExecute(
    CARD_ACTIONS.map(([prefix]) => verbPattern(prefix)),
    on.execute,
  );
  return app;
}

function turnHandlers(deps: BotDependencies): TurnHandlers {
  const now = deps.now ?? (() => new Date());

  /** Resolves the requester, refuses unknown or inactive ones, then remembers the conversation. */
  const admit = async (ctx: TurnContext): Promise<KnownRequester | undefined> => {
    const facts = activityFacts(ctx.activity);
    const requester = await resolveRequester(deps.lookups, facts.tenantId, facts.userObjectId);
    if (requester.kind === 'unknown') {
      await ctx.sendActivity(MessageFactory.text(new NotABeneficiaryError().message));
      return undefined;
    }
    if (requester.kind === 'beneficiary' && !requester.beneficiaries.some((b) => b.active)) {
      const name = requester.beneficiaries[0]?.name ?? 'votre organisation';
      await ctx.sendActivity(MessageFactory.text(new BeneficiaryInactiveError(name).message));
      return undefined;
    }
    await rememberConversation(deps.conversations, ctx, requester, now());
    return requester;
  };

  const guarded = (handler: (ctx: TurnContext) => Promise<void>) => async (ctx: TurnContext) => {
    try {
      await handler(ctx);
    } catch (err) {
      deps.logger.error({ err, activityId: ctx.activity.id }, 'bot turn failed');
      await ctx.sendActivity(MessageFactory.text(toGuichetError(err).message)).catch(() => undefined);
    }
  };

  const answer = (requestOfTurn: (ctx: TurnContext) => BotRequest) =>
    guarded(async (ctx) => {
      const requester = await admit(ctx);
      if (requester) await respond(ctx, requester, requestOfTurn(ctx), deps);
    });

  // An invoke must answer within Teams' 15 s with a card or a message: errors become a message.
  // The SDK hands over the whole action ({ type, verb, data }); Teams merges the card's inputs into `data`.
  const execute = async (ctx: TurnContext, _state: TurnState, action: Record<string, unknown>) => {
    const data = (action.data ?? {}) as Record<string, unknown>;
    try {
      const requester = await admit(ctx);
      if (!requester) return new NotABeneficiaryError().message;
      const verb = String(action.verb ?? '');
      const handler = CARD_ACTIONS.find(([prefix]) => verb.startsWith(prefix))?.[1];
      if (!handler) return 'Action inconnue.';
      return await handler(ctx, requester, data, deps);
    } catch (err) {
      deps.logger.error({ err, activityId: ctx.activity.id }, 'card action failed');
      return toGuichetError(err).message;
    }
  };

  return {
    install: answer(() => ({ command: 'welcome' })),
    remember: guarded(async (ctx) => void (await admit(ctx))),
    uninstall: guarded(async (ctx) => {
      const facts = activityFacts(ctx.activity);
      const requester = await resolveRequester(deps.lookups, facts.tenantId, facts.userObjectId);
      await forgetConversation(deps.conversations, ctx, requester);
    }),
    submit: answer((ctx) => requestOfSubmit(ctx.activity.value)),
    message: answer((ctx) => requestOfText(ctx.activity.removeRecipientMention() ?? ctx.activity.text ?? '')),
    execute,
  };
}

async function respond(
  ctx: TurnContext,
  requester: KnownRequester,
  request: BotRequest,
  deps: BotDependencies,
): Promise<void> {
  const { incidents, quotes } = deps;
  switch (request.command) {
    case 'help':
      return void (await ctx.sendActivity(MessageFactory.text(HELP_TEXT)));
    case 'welcome':
      return void (await ctx.sendActivity(
        MessageFactory.attachment(attachment(welcomeCard(requester, ctx.activity.from?.name))),
      ));
    case 'incident.start':
      return startIncident(ctx, requester);
    case 'incident.onBehalf':
      return startOnBehalf(ctx, requester, request.arg ?? '', incidents);
    case 'incident.create':
      return createIncident(ctx, requester, incidents, false);
    case 'incident.createOnBehalf':
      return createIncident(ctx, requester, incidents, true);
    case 'tickets.list':
      return listTickets(ctx, requester, incidents);
    case 'ticket.show':
      return showTicket(ctx, requester, request.arg ?? '', incidents);
    case 'quote.start':
      return startQuote(ctx, requester);
    case 'quote.create':
      return createQuote(ctx, requester, quotes);
    case 'quotes.list':
      return listQuotes(ctx, requester, quotes);
    case 'quote.show':
      return showQuote(ctx, requester, request.arg ?? '', quotes);
    case 'orders.list':
      return listOrders(ctx, requester, quotes);
    case 'order.show':
      return showOrder(ctx, requester, request.arg ?? '', quotes);
    case 'report.show':
      return showReport(ctx, requester, request.arg ?? '', deps.reports);
    default:
      await ctx.sendActivity(MessageFactory.text(NOT_YET_AVAILABLE[request.command] ?? HELP_TEXT));
  }
}

function isSubmit(activity: Activity): boolean {
  return typeof activity.value === 'object' && activity.value !== null;
}
