/**
 * Quotes in Teams over real HTTP: the request form, the confirmation with its due date across May
 * holidays, the account managers' alert and the quote card through the outbox, Accepter / Refuser
 * shown to and usable by the beneficiary's approvers only, the order issued on acceptance and its
 * card, replays, a second acceptance. The clock reads Thursday 30 April 2026, 11:00 in Paris.
 */
import { checkAdaptiveCard } from '../support/adaptive-card-check';
import { BELLERIVE, aDraft } from '../services/quote-fixtures';
import { JULIEN_BERNARD, MARC_PETIT, cardOf, useQuotesInTeams } from './quotes-in-teams';

const LEA_CHAT = 'a:lea-quotes';
const MARC_CHAT = 'a:marc-quotes';
const JULIEN_CHAT = 'a:julien-quotes';
const GOOD_FORM = {
  subject: 'Migration de la messagerie vers Exchange Online',
  need: 'Migrer 420 boîtes aux lettres et former les correspondants informatiques.',
  wishedStart: '2026-06-01',
  domain: 'modern-workplace',
};

describe('quotes in Teams', () => {
  const { h, services, as, reply, invoke, waitForPosted, quoteNumbered, requestedQuote, prepareAndSend } =
    useQuotesInTeams('2026-04-30T09:00:00Z');
  const marc = (extra: Record<string, unknown> = {}) => as(MARC_CHAT, { ...MARC_PETIT, ...extra });
  const postedTo = (conversationId: string) =>
    h.connector.posted.filter((p) => p.path.includes(conversationId));

  beforeAll(async () => {
    // The account manager has talked to the bot: the new requests reach his chat.
    await h.svc.post('/api/messages', as(JULIEN_CHAT, { text: 'bonjour', ...JULIEN_BERNARD }));
  });

  it('opens a form whose inputs carry the contract ids and whose submit says quote.create', async () => {
    const [form] = await reply(as(LEA_CHAT, { text: 'devis' }));
    const report = checkAdaptiveCard(cardOf(form!));
    expect(report.errors).toEqual([]);
    const json = JSON.stringify(cardOf(form!));
    for (const id of ['subject', 'need', 'wishedStart', 'domain']) expect(json).toContain(`"id":"${id}"`);
    expect(json).toMatch(/"action":"quote.create","formId":"[0-9a-f-]{36}"/);
    expect(json).toContain('"type":"Input.Date"');
  });

  it('sends the form back with French messages and stores nothing when it is wrong', async () => {
    const [answer] = await reply(
      as(LEA_CHAT, {
        value: { action: 'quote.create', formId: 'q-bad', subject: 'x', need: '', wishedStart: '2026-01-02' },
      }),
    );
    expect(answer!.text).toMatch(/Le formulaire contient 4 erreurs : objet, besoin, début souhaité, domaine/);
    const json = JSON.stringify(cardOf(answer!));
    expect(json).toContain('ne peut pas être passée');
    expect(checkAdaptiveCard(cardOf(answer!)).errors).toEqual([]);
    expect((await services().quotes.quotes.listForBeneficiary(BELLERIVE)).items).toEqual([]);
  });

  it('confirms with its number and its due date, ten working days after 1 May, 8 May and Ascension', async () => {
    const [confirmation] = await reply(
      as(LEA_CHAT, { value: { action: 'quote.create', formId: 'q-1', ...GOOD_FORM } }),
    );
    expect(confirmation!.text).toMatch(/enregistrée sous le numéro DEV-2026-0001/);
    expect(confirmation!.text).toMatch(/au plus tard le mardi 19 mai 2026 \(10 jours ouvrés\)/);
    const report = checkAdaptiveCard(cardOf(confirmation!));
    expect(report.errors).toEqual([]);
    expect(report.actionTitles).toEqual([]);
    expect(JSON.stringify(cardOf(confirmation!))).toContain('mardi 19 mai 2026');
    // The other side hears about it from the first message, with the same date.
    await h.connector.waitFor(1);
    const [alert] = postedTo(JULIEN_CHAT);
    expect(alert!.body.text).toMatch(
      /Nouvelle demande de devis DEV-2026-0001 .* au plus tard le mardi 19 mai 2026/,
    );
  });

  it('records one request when the same form is submitted twice', async () => {
    const submit = as(LEA_CHAT, {
      value: { action: 'quote.create', formId: 'q-twice', ...GOOD_FORM, subject: 'Deux fois' },
    });
    await Promise.all([reply(submit), reply({ ...submit, id: 'another-activity' })]);
    const all = (await services().quotes.quotes.listForBeneficiary(BELLERIVE)).items;
    expect(all.filter((q) => q.request.subject === 'Deux fois')).toHaveLength(1);
  });

  it('delivers the sent quote to the requester’s chat, with totals and profiles and no decision button', async () => {
    await prepareAndSend(await quoteNumbered('DEV-2026-0001'));
    const sent = await waitForPosted(LEA_CHAT, /Devis DEV-2026-0001 v1/);
    expect(sent.body.text).toMatch(
      /Montant : 17\u00a0217,50\u00a0€ HT, TVA 20\u00a0% 3\u00a0443,50\u00a0€, 20\u00a0661,00\u00a0€ TTC/,
    );
    // Marc never talked to the bot: the requester is told how he can see it.
    expect(sent.body.text).toMatch(/écrivant « devis DEV-2026-0001 » au bot Guichet/);
    const content = (sent.body.attachments as { content: Record<string, unknown> }[])[0]!.content;
    const report = checkAdaptiveCard(content);
    expect(report.errors).toEqual([]);
    expect(report.actionTitles).toEqual([]);
    const texts = report.texts.join('\n');
    expect(texts).toContain('PH2 — Migration et accompagnement');
    expect(texts).toContain('P2 — EXPERT (MS-102, AZ-305)');
    expect(JSON.stringify(content)).toContain('17\u00a0217,50\u00a0€');
    expect(content.refresh).toMatchObject({ action: { verb: 'quote.refresh' } });
  });

  it('shows Accepter / Refuser to the approver only, and refuses an agent who posts the invoke', async () => {
    const quote = await quoteNumbered('DEV-2026-0001');
    const ids = { beneficiaryId: BELLERIVE, quoteId: quote.id };
    const [shown] = await reply(marc({ text: 'devis dev-2026-0001' }));
    expect(checkAdaptiveCard(cardOf(shown!)).actionTitles).toEqual(['Accepter', 'Refuser']);
    const asLea = await invoke('quote.refresh', ids, as(LEA_CHAT));
    expect(checkAdaptiveCard(asLea.value).actionTitles).toEqual([]);
    const eventsBefore = await services().quotes.quotes.events(BELLERIVE, quote.id);
    const refused = await invoke('quote.accept', { ...ids, version: 1 }, as(LEA_CHAT), 'lea-accept');
    expect(JSON.stringify(refused.value)).toMatch(
      /Seuls les approbateurs de Ville de Bellerive-sur-Rhône peuvent accepter/,
    );
    expect((await quoteNumbered('DEV-2026-0001')).status).toBe('sent');
    expect(await services().quotes.quotes.events(BELLERIVE, quote.id)).toEqual(eventsBefore);
  });

  it('issues the order when the approver accepts, and sends its card to the beneficiary', async () => {
    const quote = await quoteNumbered('DEV-2026-0001');
    const data = { beneficiaryId: BELLERIVE, quoteId: quote.id, version: 1 };
    const accepted = await invoke('quote.accept', data, marc(), 'marc-accept-1');
    expect(accepted.statusCode).toBe(200);
    const json = JSON.stringify(accepted.value);
    expect(json).toContain('Devis accepté : bon de commande BC-2026-0001 émis.');
    expect(checkAdaptiveCard(accepted.value).actionTitles).toEqual([]);
    const order = await services().orders.orders.findByNumber('BC-2026-0001', [BELLERIVE]);
    expect(order).toMatchObject({ status: 'issued', quote: { number: 'DEV-2026-0001', version: 1 } });
    const posted = await waitForPosted(LEA_CHAT, /Bon de commande BC-2026-0001 émis/);
    const card = (posted.body.attachments as { content: unknown }[])[0]!.content;
    expect(checkAdaptiveCard(card).errors).toEqual([]);
    expect(JSON.stringify(card)).toContain('20\u00a0661,00\u00a0€');
  });

  it('changes nothing on a replayed invoke, and refuses a second acceptance in French', async () => {
    const quote = await quoteNumbered('DEV-2026-0001');
    const data = { beneficiaryId: BELLERIVE, quoteId: quote.id, version: 1 };
    const events = await services().quotes.quotes.events(BELLERIVE, quote.id);
    const replay = await invoke('quote.accept', data, marc(), 'marc-accept-1');
    expect(JSON.stringify(replay.value)).toContain('BC-2026-0001 émis');
    const again = await invoke('quote.accept', data, marc(), 'marc-accept-2');
    expect(JSON.stringify(again.value)).toMatch(
      /a déjà été accepté par Marc Petit .* bon de commande BC-2026-0001/,
    );
    expect(await services().quotes.quotes.events(BELLERIVE, quote.id)).toEqual(events);
    expect((await services().orders.orders.listForBeneficiary(BELLERIVE)).items).toHaveLength(1);
  });

  it('refuses a superseded version with a clear message, and sends the new one to the approver’s chat', async () => {
    const quote = await requestedQuote(
      as(LEA_CHAT, {
        value: { action: 'quote.create', formId: 'q-rev', ...GOOD_FORM, subject: 'Audit Intune' },
      }),
    );
    const number = quote.number;
    const ref = await prepareAndSend(quote);
    await services().quotes.revise({ ...ref, draft: aDraft(), reason: 'Périmètre ajusté.' });
    await services().quotes.send({ ...ref, version: 2 });
    const toMarc = await waitForPosted(MARC_CHAT, new RegExp(`Devis ${number} v2`));
    expect(JSON.stringify(toMarc.body)).toContain('"verb":"quote.accept"');
    const events = await services().quotes.quotes.events(BELLERIVE, quote.id);
    const stale = await invoke(
      'quote.accept',
      { beneficiaryId: BELLERIVE, quoteId: quote.id, version: 1 },
      marc(),
      'stale',
    );
    expect(JSON.stringify(stale.value)).toMatch(/La version 1 du devis .* remplacée par la version 2/);
    expect(await services().quotes.quotes.events(BELLERIVE, quote.id)).toEqual(events);
  });
});
