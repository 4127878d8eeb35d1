/**
 * Proactive delivery through the real Agents SDK CloudAdapter (anonymous mode) over real HTTP to the
 * fake connector: what is posted where, and how each connector failure is classified.
 */
import { CloudAdapter } from '@microsoft/agents-hosting';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DeliveryError,
  SdkProactiveDelivery,
  type ProactiveAdapter,
} from '../../bot/src/teams/proactive-delivery';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';

function referenceTo(serviceUrl: string, conversationId = 'a:conv-1'): Record<string, unknown> {
  return {
    activityId: 'incoming-42',
    user: { id: '29:user', name: 'Léa Dubois' },
    agent: { id: '28:guichet-bot', name: 'Guichet' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    channelId: 'msteams',
    locale: 'fr-FR',
    serviceUrl,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<DeliveryError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(DeliveryError);
    return err as DeliveryError;
  }
  throw new Error('expected a DeliveryError');
}

describe('SdkProactiveDelivery (anonymous CloudAdapter, fake connector)', () => {
  let connector: FakeConnector;
  let adapter: CloudAdapter;
  let delivery: SdkProactiveDelivery;
  const NOW = Date.parse('2026-03-03T08:00:00.000Z');

  beforeAll(async () => {
    connector = await startFakeConnector();
    adapter = new CloudAdapter({});
    // The service sets one; the SDK then swallows errors thrown in the proactive callback.
    adapter.onTurnError = async () => undefined;
    delivery = new SdkProactiveDelivery(adapter, { now: () => NOW });
  });
  afterAll(() => connector.close());
  beforeEach(() => {
    connector.posted.splice(0);
    connector.refused.splice(0);
  });

  it('posts a new message (not a reply) without credentials and returns the activity id', async () => {
    const card = {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard', version: '1.5', body: [] },
    };
    const result = await delivery.deliver(referenceTo(connector.serviceUrl), {
      text: 'Bonjour',
      summary: 'Résumé',
      attachments: [card],
    });
    expect(result).toEqual({ activityId: 'activity-1' });
    const [posted] = connector.posted;
    expect(posted!.path).toBe('/v3/conversations/a:conv-1/activities');
    expect(posted!.authorization).toBeUndefined();
    expect(posted!.body).toMatchObject({
      type: 'message',
      text: 'Bonjour',
      summary: 'Résumé',
      attachments: [card],
      conversation: { id: 'a:conv-1' },
      from: { id: '28:guichet-bot' },
      recipient: { id: '29:user' },
    });
    expect(posted!.body).not.toHaveProperty('replyToId');
  });

  it('reports a 429 with its status and Retry-After in seconds, as retryable', async () => {
    connector.script({
      status: 429,
      headers: { 'Retry-After': '1' },
      body: { error: { code: 'TooManyRequests' } },
    });
    const err = await failureOf(delivery.deliver(referenceTo(connector.serviceUrl), { text: 'x' }));
    expect(err).toMatchObject({ status: 429, retryAfterMs: 1000, permanent: false });
    expect(err.message).toBe('HTTP 429 TooManyRequests');
    expect(connector.refused.map((r) => r.status)).toEqual([429]);
    expect(connector.posted).toHaveLength(0);
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    connector.script({
      status: 503,
      headers: { 'Retry-After': new Date(NOW + 30_000).toUTCString() },
      body: 'busy',
    });
    const err = await failureOf(delivery.deliver(referenceTo(connector.serviceUrl), { text: 'x' }));
    expect(err).toMatchObject({ status: 503, retryAfterMs: 30_000, permanent: false });
  });

  it('classifies 412, 502, 504 and 500 as retryable, without Retry-After', async () => {
    for (const status of [412, 500, 502, 504]) {
      connector.script({ status });
      const err = await failureOf(delivery.deliver(referenceTo(connector.serviceUrl), { text: 'x' }));
      expect(err).toMatchObject({ status, permanent: false, retryAfterMs: undefined });
    }
  });

  it('classifies 403 and 404 (conversation gone) and 400 as permanent', async () => {
    connector.script(
      {
        status: 403,
        body: {
          error: {
            code: 'BotNotInConversationRoster',
            message: 'The bot is not part of the conversation roster.',
          },
        },
      },
      { status: 404, body: { error: { code: 'ConversationNotFound' } } },
      { status: 400, body: { error: { code: 'BadArgument' } } },
    );
    const errors = [];
    for (let i = 0; i < 3; i++)
      errors.push(await failureOf(delivery.deliver(referenceTo(connector.serviceUrl), { text: 'x' })));
    expect(errors.map((e) => [e.status, e.permanent, e.message])).toEqual([
      [403, true, 'HTTP 403 BotNotInConversationRoster'],
      [404, true, 'HTTP 404 ConversationNotFound'],
      [400, true, 'HTTP 400 BadArgument'],
    ]);
  });

  it('reports an unreachable connector as a retryable network error without status', async () => {
    const server = http.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((r) => server.close(() => r()));
    const err = await failureOf(delivery.deliver(referenceTo(`http://127.0.0.1:${port}/`), { text: 'x' }));
    expect(err).toMatchObject({ status: undefined, permanent: false });
    expect(err.message).toMatch(/fetch failed/);
  });

  it('gives up on a connector that does not answer, as retryable', async () => {
    const server = http.createServer(() => undefined); // never answers
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const slow = new SdkProactiveDelivery(adapter, { timeoutMs: 200 });
      const err = await failureOf(slow.deliver(referenceTo(`http://127.0.0.1:${port}/`), { text: 'x' }));
      expect(err).toMatchObject({ status: undefined, permanent: false });
      expect(err.message).toMatch(/délai dépassé/);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('refuses a reference without serviceUrl or conversation id, permanently', async () => {
    const broken = { ...referenceTo(connector.serviceUrl), conversation: {} };
    expect(await failureOf(delivery.deliver(broken, { text: 'x' }))).toMatchObject({ permanent: true });
    expect(connector.posted).toHaveLength(0);
  });

  it("uses the adapter's client id as identity when it has one, {} otherwise", async () => {
    const identities: unknown[] = [];
    const fake = (clientId: string | undefined): ProactiveAdapter => ({
      getClientId: () => clientId,
      continueConversation: async (identity) => {
        identities.push(identity);
      },
      sendActivities: async () => [],
    });
    await new SdkProactiveDelivery(fake('11111111-2222-3333-4444-555555555555')).deliver(
      referenceTo('http://x/'),
      { text: 'x' },
    );
    await new SdkProactiveDelivery(fake(undefined)).deliver(referenceTo('http://x/'), { text: 'x' });
    await new SdkProactiveDelivery(fake(undefined), { botClientId: 'explicit-id' }).deliver(
      referenceTo('http://x/'),
      { text: 'x' },
    );
    expect(identities).toEqual(['11111111-2222-3333-4444-555555555555', {}, 'explicit-id']);
  });
});
