/**
 * Incidents in Teams over real HTTP: the form, its validation, the confirmation with the deadline,
 * the support channel's card through the outbox, Action.Execute on the card, idempotent replays,
 * permissions.
 */
import { DEMO_TENANTS } from '../../bot/src/config/config';
import { TicketRepository } from '../../bot/src/store/ticket-repository';
import { messageInputId } from '../../bot/src/teams/cards/ticket-card';
import { checkAdaptiveCard } from '../support/adaptive-card-check';
import { useBotHarness } from '../support/bot-harness';
import { anActivity } from '../support/factories';
import type { PostedActivity } from '../support/fake-connector';

const BELLERIVE = '21690012300029';
const CAMILLE = 'a1b2c3d4-0000-4000-8000-000000000001'; // Support.Engineer
const SUPPORT_CHANNEL = '19:support-guichet@thread.tacv2';
const LEA_CHAT = 'a:lea-personal';
const GOOD_FORM = {
  severity: '1',
  category: 'incident',
  domain: 'modern-workplace',
  title: 'Messagerie inaccessible',
  description: 'Plus personne ne reçoit de courriel depuis 9 h ce matin.',
  phone: '04 72 00 00 00',
};

/** Camille, a support engineer, in the support team's channel, where new tickets' cards go. */
const CAMILLE_IN_SUPPORT = {
  tenantId: DEMO_TENANTS.titulaire,
  aadObjectId: CAMILLE,
  userName: 'Camille Martin',
  conversationId: SUPPORT_CHANNEL,
  conversationType: 'channel' as const,
  teamId: '19:support-team',
};

type Card = { attachments?: { content: Record<string, unknown> }[]; text?: string };

describe('incidents in Teams', () => {
  const h = useBotHarness({ OUTBOX_INTERVAL_MS: '50' });
  const tickets = () => new TicketRepository(h.svc.store);
  const lea = (extra: Record<string, unknown>) =>
    anActivity({ conversationId: LEA_CHAT, serviceUrl: h.connector.serviceUrl, ...extra });
  const camille = (extra: Record<string, unknown>) =>
    anActivity({ ...CAMILLE_IN_SUPPORT, serviceUrl: h.connector.serviceUrl, ...extra });
  const reply = async (activity: Record<string, unknown>) => {
    const res = await h.svc.post('/api/messages', { ...activity, deliveryMode: 'expectReplies' });
    return ((await res.json()) as { activities: Card[] }).activities;
  };
  const invoke = async (
    verb: string,
    data: Record<string, unknown>,
    from: Record<string, unknown>,
    id?: string,
  ) => {
    const res = await h.svc.post('/api/messages', {
      ...anActivity({ type: 'invoke', serviceUrl: h.connector.serviceUrl, ...from }),
      ...(id ? { id } : {}),
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
    });
    return (await res.json()) as { statusCode: number; type: string; value: unknown };
  };
  const waitForPost = async (match: (p: PostedActivity) => boolean): Promise<PostedActivity> => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = h.connector.posted.find(match);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no matching activity among ${h.connector.posted.length} posted`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const allTickets = async () => (await tickets().listOpen(BELLERIVE, undefined, 100)).items;

  beforeAll(async () => {
    // The support team installed Guichet in its channel: that is where new tickets go.
    await h.svc.post('/api/messages', camille({ text: 'bonjour' }));
  });

  it('opens a form whose inputs carry the contract ids and whose submit says incident.create', async () => {
    const [form] = await reply(lea({ text: 'incident' }));
    const content = form!.attachments![0]!.content;
    expect(checkAdaptiveCard(content).errors).toEqual([]);
    const json = JSON.stringify(content);
    for (const id of ['severity', 'category', 'domain', 'title', 'description', 'phone'])
      expect(json).toContain(`"id":"${id}"`);
    expect(json).toMatch(/"action":"incident.create","formId":"[0-9a-f-]{36}"/);
    expect(json).toContain('Système critique arrêté, activité menacée');
  });

  it('sends the form back with a French message under each bad input, and stores nothing', async () => {
    const before = (await allTickets()).length;
    const [answer] = await reply(
      lea({
        value: { action: 'incident.create', formId: 'f-bad', severity: '5', title: '', domain: 'jardinage' },
      }),
    );
    const json = JSON.stringify(answer!.attachments![0]!.content);
    expect(json).toContain('Le formulaire contient des erreurs');
    expect(json).toMatch(/"color":"Attention"/);
    expect((await allTickets()).length).toBe(before);
  });

  it('confirms with a number and the first-response deadline in local time, and alerts the support channel', async () => {
    const [confirmation] = await reply(
      lea({ value: { action: 'incident.create', formId: 'f-good', ...GOOD_FORM } }),
    );
    expect(confirmation!.text).toMatch(/enregistrée sous le numéro INC-\d{4}-\d{6}/);
    expect(confirmation!.text).toMatch(/heure de Paris/);
    const [ticket] = (await allTickets()).filter((t) => t.title === GOOD_FORM.title);
    expect(ticket).toMatchObject({
      status: 'new',
      severity: 1,
      phone: '+33472000000',
      originConversationId: LEA_CHAT,
    });
    expect(await tickets().events(BELLERIVE, ticket!.id)).toHaveLength(1);
    const posted = await h.connector.waitFor(1);
    expect(posted[0]!.path).toContain(SUPPORT_CHANNEL);
    expect(JSON.stringify(posted[0]!.body)).toContain('Prendre en charge');
    expect(
      checkAdaptiveCard((posted[0]!.body.attachments as { content: unknown }[])[0]!.content).errors,
    ).toEqual([]);
  });

  it('opens one ticket when the same form is submitted twice', async () => {
    const submit = lea({
      value: { action: 'incident.create', formId: 'f-twice', ...GOOD_FORM, title: 'Soumis deux fois' },
    });
    await Promise.all([reply(submit), reply({ ...submit, id: 'other-activity' })]);
    expect((await allTickets()).filter((t) => t.title === 'Soumis deux fois')).toHaveLength(1);
  });

  it('lets the support take the ticket from its card, tells the beneficiary, and ignores a replayed invoke', async () => {
    const [ticket] = (await allTickets()).filter((t) => t.title === GOOD_FORM.title);
    const ids = { ticketId: ticket!.id, beneficiaryId: BELLERIVE };
    const taken = await invoke('ticket.take', ids, CAMILLE_IN_SUPPORT, 'invoke-take-1');
    expect(taken.statusCode).toBe(200);
    expect(JSON.stringify(taken.value)).toContain('Pris en charge');
    await invoke('ticket.take', ids, CAMILLE_IN_SUPPORT, 'invoke-take-1');
    expect(await tickets().events(BELLERIVE, ticket!.id)).toHaveLength(2);
    // Other notifications (the support card of an earlier ticket) may arrive first: wait for Léa's.
    const toLea = await waitForPost(
      (p) => p.path.includes(LEA_CHAT) && /Camille Martin/.test(String(p.body.text)),
    );
    expect(toLea.body.text).toMatch(/Camille Martin/);
  });

  it('shows no support button to the beneficiary and refuses a support action from them', async () => {
    const [ticket] = (await allTickets()).filter((t) => t.title === 'Soumis deux fois');
    const ids = { ticketId: ticket!.id, beneficiaryId: BELLERIVE };
    const refreshed = await invoke('ticket.refresh', ids, { conversationId: LEA_CHAT });
    expect(JSON.stringify(refreshed.value)).not.toContain('Prendre en charge');
    const refused = await invoke('ticket.take', ids, { conversationId: LEA_CHAT });
    expect(JSON.stringify(refused.value)).toMatch(/Seule l'équipe support du Titulaire/);
    expect((await tickets().get(BELLERIVE, ticket!.id))!.status).toBe('new');
  });

  it("never shows another beneficiary's ticket", async () => {
    const [ticket] = await allTickets();
    const lamentin = {
      tenantId: 'b0a1c2d3-0000-4000-8000-000000000005',
      aadObjectId: 'a1b2c3d4-0000-4000-8000-000000000009',
    };
    const answer = await invoke(
      'ticket.refresh',
      { ticketId: ticket!.id, beneficiaryId: BELLERIVE },
      lamentin,
    );
    expect(answer.value).toMatch(/introuvable/);
    const [shown] = await reply(anActivity({ ...lamentin, text: `ticket ${ticket!.number}` }));
    expect(shown!.text).toMatch(/introuvable/);
  });

  it('lists the open tickets with "mes tickets" and shows one with "ticket INC-…"', async () => {
    const [list] = await reply(lea({ text: 'mes tickets' }));
    const listJson = JSON.stringify(list!.attachments![0]!.content);
    expect(listJson).toContain('Messagerie inaccessible');
    const [ticket] = await allTickets();
    const [shown] = await reply(lea({ text: `ticket ${ticket!.number.toLowerCase()}` }));
    expect(JSON.stringify(shown!.attachments![0]!.content)).toContain(ticket!.number);
  });

  it('lists every beneficiary’s open tickets to the support with "mes tickets", from the open-ticket view', async () => {
    const lamentin = {
      tenantId: 'b0a1c2d3-0000-4000-8000-000000000005',
      aadObjectId: 'a1b2c3d4-0000-4000-8000-000000000009',
      conversationId: 'a:lamentin-personal',
      serviceUrl: h.connector.serviceUrl,
    };
    const form = { action: 'incident.create', formId: 'f-lamentin', ...GOOD_FORM, title: 'Standard muet' };
    const [confirmation] = await reply(anActivity({ ...lamentin, value: form }));
    expect(confirmation!.text).toMatch(/enregistrée sous le numéro/);
    const queries = jest.spyOn(h.svc.store.container('business'), 'query');

    const [list] = await reply(camille({ text: 'mes tickets' }));

    const json = JSON.stringify(list!.attachments![0]!.content);
    expect(json).toContain('Standard muet');
    expect(json).toContain(GOOD_FORM.title);
    const acrossTickets = queries.mock.calls.filter(
      ([spec]) => spec.crossPartition && spec.filters?.some((f) => f.value === 'ticket'),
    );
    queries.mockRestore();
    expect(acrossTickets).toEqual([]);
  });

  it('lets the beneficiary add information, close a resolved ticket and reopen it from the card', async () => {
    await reply(
      lea({ value: { action: 'incident.create', formId: 'f-cycle', ...GOOD_FORM, title: 'Cycle complet' } }),
    );
    const [ticket] = (await allTickets()).filter((t) => t.title === 'Cycle complet');
    const ids = { ticketId: ticket!.id, beneficiaryId: BELLERIVE };
    const status = async () => (await tickets().get(BELLERIVE, ticket!.id))!.status;

    const added = await invoke(
      'ticket.addInfo',
      // The field the card's "Ajouter une information" form sends.
      { ...ids, [messageInputId('addInfo')]: 'Le problème touche aussi la mairie annexe.' },
      { conversationId: LEA_CHAT },
    );
    expect(JSON.stringify(added.value)).not.toMatch(/"color":"Attention"/);
    await invoke('ticket.take', ids, CAMILLE_IN_SUPPORT);
    const report = {
      diagnostic: 'Connecteur saturé',
      actions: 'Redémarrage du connecteur',
      cause: 'Certificat expiré',
      restoredAt: new Date().toISOString(),
    };
    await invoke('ticket.resolve', { ...ids, ...report }, CAMILLE_IN_SUPPORT);
    expect(await status()).toBe('resolved');

    await invoke('ticket.close', ids, { conversationId: LEA_CHAT });
    expect(await status()).toBe('closed');
    const reopened = await invoke(
      'ticket.reopen',
      { ...ids, reason: 'Le problème est revenu ce matin.' },
      { conversationId: LEA_CHAT },
    );
    expect(JSON.stringify(reopened.value)).toContain('En cours');
    expect(await status()).toBe('in-progress');
    const actions = (await tickets().events(BELLERIVE, ticket!.id)).map((e) => e.action);
    expect(actions).toEqual(['open', 'addInfo', 'take', 'resolve', 'close', 'reopen']);
  });
});
