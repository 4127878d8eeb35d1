/**
 * Conversation references are stored on install and on every message, removed on uninstall.
 */
import { DEMO_BENEFICIARY_TENANT } from '../../bot/src/cli/demo-data';
import { ConversationRepository } from '../../bot/src/store/conversation-repository';
import { SYSTEM_PARTITION } from '../../bot/src/store/port';
import { DEMO_TENANTS } from '../../bot/src/config/config';
import { anActivity } from '../support/factories';
import { useBotHarness } from '../support/bot-harness';

const BELLERIVE = '21690012300029';
const bot = { id: '28:guichet-bot', name: 'Guichet' };

describe('conversation references', () => {
  const h = useBotHarness();
  const conversations = {
    get: (pk: string, id: string) => new ConversationRepository(h.svc.store).get(pk, id),
    list: (pk: string) => new ConversationRepository(h.svc.store).list(pk),
  };

  it('stores a personal chat on install (bot added) and greets with the welcome card', async () => {
    await h.svc.post(
      '/api/messages',
      anActivity({
        type: 'conversationUpdate',
        conversationId: 'a:personal-1',
        serviceUrl: h.connector.serviceUrl,
        extra: { membersAdded: [bot] },
      }),
    );
    const stored = await conversations.get(BELLERIVE, 'a:personal-1');
    expect(stored).toMatchObject({
      scope: 'personal',
      tenantId: DEMO_BENEFICIARY_TENANT,
      serviceUrl: h.connector.serviceUrl,
    });
    expect((stored!.reference as { conversation: { id: string } }).conversation.id).toBe('a:personal-1');
    const [greeting] = await h.connector.waitFor(1);
    expect(greeting!.body.attachments).toHaveLength(1);
  });

  it('stores a group chat on the first message and refreshes it on the next', async () => {
    await h.svc.post(
      '/api/messages',
      anActivity({
        text: 'bonjour',
        conversationId: '19:group-1@thread.v2',
        conversationType: 'groupChat',
        serviceUrl: h.connector.serviceUrl,
      }),
    );
    const first = await conversations.get(BELLERIVE, '19:group-1@thread.v2');
    expect(first?.scope).toBe('groupChat');
    await new Promise((r) => setTimeout(r, 5));
    await h.svc.post(
      '/api/messages',
      anActivity({
        text: 'aide',
        conversationId: '19:group-1@thread.v2',
        conversationType: 'groupChat',
        serviceUrl: h.connector.serviceUrl,
      }),
    );
    const second = await conversations.get(BELLERIVE, '19:group-1@thread.v2');
    expect(second!.updatedAt > first!.updatedAt).toBe(true);
  });

  it('stores a team channel with its team id and removes every channel of the team on uninstall', async () => {
    const teamId = '19:team-1@thread.tacv2';
    await h.svc.post(
      '/api/messages',
      anActivity({
        type: 'installationUpdate',
        conversationId: `${teamId}`,
        conversationType: 'channel',
        teamId,
        serviceUrl: h.connector.serviceUrl,
        extra: { action: 'add' },
      }),
    );
    await h.svc.post(
      '/api/messages',
      anActivity({
        text: 'bonjour',
        conversationId: '19:projets@thread.tacv2;messageid=42',
        conversationType: 'channel',
        teamId,
        serviceUrl: h.connector.serviceUrl,
      }),
    );
    expect((await conversations.list(BELLERIVE)).filter((c) => c.teamId === teamId)).toHaveLength(2);
    // A message in a thread is remembered as its channel, so proactive posts open new threads.
    const projets = await conversations.get(BELLERIVE, '19:projets@thread.tacv2');
    expect((projets!.reference as { conversation: { id: string } }).conversation.id).toBe(
      '19:projets@thread.tacv2',
    );
    await h.svc.post(
      '/api/messages',
      anActivity({
        type: 'installationUpdate',
        conversationId: teamId,
        conversationType: 'channel',
        teamId,
        serviceUrl: h.connector.serviceUrl,
        extra: { action: 'remove' },
      }),
    );
    expect((await conversations.list(BELLERIVE)).filter((c) => c.teamId === teamId)).toHaveLength(0);
  });

  it('removes a chat when the bot is removed from it', async () => {
    await h.svc.post(
      '/api/messages',
      anActivity({
        text: 'bonjour',
        conversationId: '19:group-2@thread.v2',
        conversationType: 'groupChat',
        serviceUrl: h.connector.serviceUrl,
      }),
    );
    expect(await conversations.get(BELLERIVE, '19:group-2@thread.v2')).toBeDefined();
    await h.svc.post(
      '/api/messages',
      anActivity({
        type: 'conversationUpdate',
        conversationId: '19:group-2@thread.v2',
        conversationType: 'groupChat',
        serviceUrl: h.connector.serviceUrl,
        extra: { membersRemoved: [bot] },
      }),
    );
    expect(await conversations.get(BELLERIVE, '19:group-2@thread.v2')).toBeUndefined();
  });

  it('keeps Titulaire conversations in the system partition', async () => {
    await h.svc.post(
      '/api/messages',
      anActivity({
        text: 'bonjour',
        tenantId: DEMO_TENANTS.titulaire,
        conversationId: '19:support@thread.tacv2',
        conversationType: 'channel',
        teamId: '19:support-team',
        serviceUrl: h.connector.serviceUrl,
      }),
    );
    expect(await conversations.get(SYSTEM_PARTITION, '19:support@thread.tacv2')).toBeDefined();
    expect(await conversations.get(BELLERIVE, '19:support@thread.tacv2')).toBeUndefined();
  });

  it('ignores other members joining a conversation', async () => {
    const before = h.connector.posted.length;
    await h.svc.post(
      '/api/messages',
      anActivity({
        type: 'conversationUpdate',
        conversationId: '19:group-3@thread.v2',
        conversationType: 'groupChat',
        serviceUrl: h.connector.serviceUrl,
        extra: { membersAdded: [{ id: '29:someone' }] },
      }),
    );
    expect(await conversations.get(BELLERIVE, '19:group-3@thread.v2')).toBeUndefined();
    expect(h.connector.posted.length).toBe(before);
  });
});
