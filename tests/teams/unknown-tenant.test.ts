/**
 * Requesters that are not beneficiaries are refused politely, and nothing about them is stored.
 */
import { DEMO_INACTIVE_TENANT } from '../../bot/src/cli/demo-data';
import { anActivity } from '../support/factories';
import { useBotHarness } from '../support/bot-harness';
import { countAllDocuments } from '../support/running-service';

const STRANGER_TENANT = '99999999-9999-4999-8999-999999999999';

describe('requesters outside the agreement', () => {
  const h = useBotHarness();

  it('refuses an unknown tenant with a text explaining how to join through the CANUT, and stores nothing', async () => {
    const before = await countAllDocuments(h.svc.store);
    const res = await h.svc.post(
      '/api/messages',
      anActivity({ text: 'bonjour', tenantId: STRANGER_TENANT, serviceUrl: h.connector.serviceUrl }),
    );
    expect(res.status).toBe(200);
    const [reply] = await h.connector.waitFor(1);
    expect(reply!.body.text).toMatch(/n'est pas encore bénéficiaire/);
    expect(reply!.body.text).toMatch(/CANUT/);
    expect(reply!.body.attachments ?? []).toEqual([]);
    expect(await countAllDocuments(h.svc.store)).toBe(before);
  });

  it('refuses a card button from an unknown tenant the same way', async () => {
    const before = await countAllDocuments(h.svc.store);
    await h.svc.post(
      '/api/messages',
      anActivity({
        value: { action: 'incident.start' },
        tenantId: STRANGER_TENANT,
        serviceUrl: h.connector.serviceUrl,
      }),
    );
    const [reply] = await h.connector.waitFor(1);
    expect(reply!.body.text).toMatch(/CANUT/);
    expect(await countAllDocuments(h.svc.store)).toBe(before);
  });

  it('refuses an activity that carries no tenant at all', async () => {
    const activity = anActivity({ text: 'bonjour', serviceUrl: h.connector.serviceUrl });
    activity.channelData = {};
    (activity.conversation as Record<string, unknown>).tenantId = undefined;
    await h.svc.post('/api/messages', activity);
    const [reply] = await h.connector.waitFor(1);
    expect(reply!.body.text).toMatch(/CANUT/);
  });

  it('tells a beneficiary whose convention is inactive to contact the CANUT, and stores nothing', async () => {
    const before = await countAllDocuments(h.svc.store);
    await h.svc.post(
      '/api/messages',
      anActivity({ text: 'bonjour', tenantId: DEMO_INACTIVE_TENANT, serviceUrl: h.connector.serviceUrl }),
    );
    const [reply] = await h.connector.waitFor(1);
    expect(reply!.body.text).toMatch(/Commune de Miquelon-Langlade .*n'est pas active/);
    expect(await countAllDocuments(h.svc.store)).toBe(before);
  });
});
