/**
 * The bot's first conversation, over real HTTP: the real service and SDK, a local fake h.connector.
 */
import { DEMO_BENEFICIARY_TENANT, DEMO_GROUPEMENT_TENANT } from '../../bot/src/cli/demo-data';
import { DEMO_TENANTS } from '../../bot/src/config/config';
import { WELCOME_ACTIONS } from '../../bot/src/teams/cards/welcome-card';
import { checkAdaptiveCard } from '../support/adaptive-card-check';
import { anActivity } from '../support/factories';
import { useBotHarness, WELCOME_ACTION_TITLES } from '../support/bot-harness';

describe('welcome conversation', () => {
  const h = useBotHarness();

  const cardOf = (body: Record<string, unknown>) =>
    ((body.attachments as { content: unknown; contentType: string }[] | undefined) ?? [])[0];

  it.each(['bonjour', 'Bonjour !', 'aide ?', 'qu’est-ce que tu sais faire', 'menu'])(
    'answers %p through the connector with a reply',
    async (text) => {
      const res = await h.svc.post('/api/messages', anActivity({ text, serviceUrl: h.connector.serviceUrl }));
      expect(res.status).toBe(200);
      const [reply] = await h.connector.waitFor(1);
      expect(reply!.path).toMatch(/^\/v3\/conversations\/[^/]+\/activities/);
    },
  );

  it('sends a welcome card that parses with the adaptivecards SDK with zero errors and six actions', async () => {
    await h.svc.post('/api/messages', anActivity({ text: 'bonjour', serviceUrl: h.connector.serviceUrl }));
    const [reply] = await h.connector.waitFor(1);
    const attachment = cardOf(reply!.body);
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const report = checkAdaptiveCard(attachment!.content);
    expect(report.errors).toEqual([]);
    expect(report.actionTitles).toEqual(WELCOME_ACTION_TITLES);
    expect(report.texts.join('\n')).toContain('Ville de Bellerive-sur-Rhône');
  });

  it('answers "aide" with the help text, not the card', async () => {
    await h.svc.post('/api/messages', anActivity({ text: 'aide', serviceUrl: h.connector.serviceUrl }));
    const [reply] = await h.connector.waitFor(1);
    expect(reply!.body.text).toContain('ce que vous pouvez me demander');
    expect(cardOf(reply!.body)).toBeUndefined();
  });

  it('routes each welcome button (Action.Submit) to an answer', async () => {
    for (const [i, { action }] of WELCOME_ACTIONS.entries()) {
      await h.svc.post(
        '/api/messages',
        anActivity({ value: { action }, serviceUrl: h.connector.serviceUrl }),
      );
      const posted = await h.connector.waitFor(i + 1);
      const answer = posted[i]!.body as { text?: string; attachments?: unknown[] };
      expect(answer.text || answer.attachments?.length).toBeTruthy();
    }
  });

  it('greets Titulaire staff as such', async () => {
    await h.svc.post(
      '/api/messages',
      anActivity({
        text: 'bonjour',
        tenantId: DEMO_TENANTS.titulaire,
        aadObjectId: 'a1b2c3d4-0000-4000-8000-000000000001',
        serviceUrl: h.connector.serviceUrl,
      }),
    );
    const [reply] = await h.connector.waitFor(1);
    expect(checkAdaptiveCard(cardOf(reply!.body)!.content).texts.join('\n')).toContain(
      "l'équipe du Titulaire",
    );
  });

  it('shows an approver their role', async () => {
    await h.svc.post(
      '/api/messages',
      anActivity({
        text: 'bonjour',
        tenantId: DEMO_BENEFICIARY_TENANT,
        aadObjectId: 'a1b2c3d4-0000-4000-8000-000000000006',
        serviceUrl: h.connector.serviceUrl,
      }),
    );
    const [reply] = await h.connector.waitFor(1);
    expect(JSON.stringify(cardOf(reply!.body)!.content)).toContain('Approbateur');
  });

  it('names the other members when a tenant maps to several beneficiaries of a groupement', async () => {
    await h.svc.post(
      '/api/messages',
      anActivity({ text: 'bonjour', tenantId: DEMO_GROUPEMENT_TENANT, serviceUrl: h.connector.serviceUrl }),
    );
    const [reply] = await h.connector.waitFor(1);
    const content = JSON.stringify(cardOf(reply!.body)!.content);
    expect(content).toContain('Groupement numérique des Vallées');
    expect(content).toContain('Commune de Haute-Brèche');
  });

  it('returns the card in the HTTP response for expectReplies delivery', async () => {
    const res = await h.svc.post(
      '/api/messages',
      anActivity({ text: 'bonjour', extra: { deliveryMode: 'expectReplies' } }),
    );
    const body = (await res.json()) as { activities: Record<string, unknown>[] };
    expect(checkAdaptiveCard(cardOf(body.activities[0]!)!.content).errors).toEqual([]);
    expect(h.connector.posted).toHaveLength(0);
  });
});
