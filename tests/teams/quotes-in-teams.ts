/**
 * The rig of the quote and order tests in Teams: the bot harness on a clock where only `Date` is
 * faked, the real quote and order services on its store, and the chat moves of those tests (post an
 * activity and read the replies, click a card button, wait for the outbox to deliver).
 */
import { DEMO_TENANTS } from '../../bot/src/config/config';
import type { Quote } from '../../bot/src/domain/quotes/quote';
import { quoteDependencies } from '../../bot/src/teams/quote-wiring';
import { checkAdaptiveCard } from '../support/adaptive-card-check';
import { useBotHarness, type BotHarness } from '../support/bot-harness';
import { anActivity } from '../support/factories';
import type { PostedActivity } from '../support/fake-connector';
import { BELLERIVE, JULIEN, aDraft } from '../services/quote-fixtures';

/** Marc Petit, approver of Bellerive, as the connector names him in an activity. */
export const MARC_PETIT = { aadObjectId: 'a1b2c3d4-0000-4000-8000-000000000006', userName: 'Marc Petit' };
/** Julien Bernard, the Titulaire's account manager, as the connector names him in an activity. */
export const JULIEN_BERNARD = {
  tenantId: DEMO_TENANTS.titulaire,
  aadObjectId: JULIEN.objectId,
  userName: 'Julien Bernard',
};

/** An activity the bot answered with (`expectReplies`). */
export type Posted = { text?: string; attachments?: { content: Record<string, unknown> }[] };

/** The card a reply carries. */
export const cardOf = (posted: Posted) => posted.attachments![0]!.content;

/** A reply's text and its card's texts, one after the other. */
export const textOf = (posted: Posted | undefined) =>
  `${posted?.text ?? ''}\n${posted?.attachments ? checkAdaptiveCard(posted.attachments[0]!.content).texts.join('\n') : ''}`;

/** Only `Date` is faked (and keeps running): timers, sockets and the outbox behave as usual. */
const REAL_APIS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

export interface QuotesInTeams {
  h: BotHarness;
  services: () => ReturnType<typeof quoteDependencies>;
  /** An activity in `conversationId`, from Léa unless `extra` says who. */
  as: (conversationId: string, extra?: Record<string, unknown>) => Record<string, unknown>;
  /** Posts the activity and returns the bot's replies. */
  reply: (activity: Record<string, unknown>) => Promise<Posted[]>;
  /** Clicks an Action.Execute button as `from`; `id` makes a replay the same invoke. */
  invoke: (
    verb: string,
    data: Record<string, unknown>,
    from: Record<string, unknown>,
    id?: string,
  ) => Promise<{ statusCode: number; type: string; value: unknown }>;
  /** The first activity posted to a conversation whose text matches, once the outbox has sent it. */
  waitForPosted: (conversationId: string, text: RegExp) => Promise<PostedActivity>;
  /** Bellerive's quote of that number. */
  quoteNumbered: (number: string) => Promise<Quote>;
  /** Posts a filled request form and returns the quote its confirmation numbers. */
  requestedQuote: (activity: Record<string, unknown>) => Promise<Quote>;
  /** Julien prepares the quote with the fixture draft and sends it; returns what names it to the services. */
  prepareAndSend: (quote: Quote) => Promise<{ beneficiaryId: string; quoteId: string; actor: typeof JULIEN }>;
}

/** Registers the jest hooks of the rig, the clock reading `now`; read its fields inside tests. */
export function useQuotesInTeams(now: string): QuotesInTeams {
  beforeAll(() => {
    jest.useFakeTimers({ now: new Date(now), advanceTimers: true, doNotFake: [...REAL_APIS] });
  });
  afterAll(() => jest.useRealTimers());
  const h = useBotHarness({ OUTBOX_INTERVAL_MS: '50' });
  const services = () => quoteDependencies(h.svc.store, h.svc.config, () => h.svc.service.outbox.wake());
  const reply = async (activity: Record<string, unknown>) => {
    const res = await h.svc.post('/api/messages', { ...activity, deliveryMode: 'expectReplies' });
    return ((await res.json()) as { activities: Posted[] }).activities;
  };
  const quoteNumbered = async (number: string) =>
    (await services().quotes.quotes.findByNumber(number, [BELLERIVE]))!;
  return {
    h,
    services,
    reply,
    quoteNumbered,
    as: (conversationId, extra = {}) =>
      anActivity({ conversationId, serviceUrl: h.connector.serviceUrl, ...extra }),
    invoke: async (verb, data, from, id) => {
      const res = await h.svc.post('/api/messages', {
        ...from,
        type: 'invoke',
        ...(id ? { id } : {}),
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data } },
      });
      return (await res.json()) as { statusCode: number; type: string; value: unknown };
    },
    waitForPosted: async (conversationId, text) => {
      // Counted in tries, not in time: the test's clock is the fake one.
      for (let tries = 0; tries < 250; tries++) {
        const found = h.connector.posted.find(
          (p) => p.path.includes(conversationId) && text.test(String(p.body.text)),
        );
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`nothing matching ${text} posted to ${conversationId}`);
    },
    requestedQuote: async (activity) => {
      const [confirmation] = await reply(activity);
      return quoteNumbered(/DEV-2026-\d{4}/.exec(confirmation!.text!)![0]);
    },
    prepareAndSend: async (quote) => {
      const ref = { beneficiaryId: BELLERIVE, quoteId: quote.id, actor: JULIEN };
      await services().quotes.prepare({ ...ref, draft: aDraft() });
      await services().quotes.send(ref);
      return ref;
    },
  };
}
