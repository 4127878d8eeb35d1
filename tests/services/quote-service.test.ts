/**
 * The quote service over the real store: a request and its due date across May holidays, idempotent
 * submissions, preparing and sending, acceptance issuing the order in one batch, replays, a second
 * acceptance, a superseded version, concurrent acceptances, and who hears about what.
 */
import { ConflictError } from '../../bot/src/domain/errors';
import { newOutboxMessage } from '../../bot/src/store/outbox-message';
import { orderIdOf } from '../../bot/src/store/order-repository';
import {
  APRIL_30,
  BELLERIVE,
  JOEL,
  JULIEN,
  JULIEN_CHAT,
  LAMENTIN,
  LEA,
  LEA_CHAT,
  MARC,
  MARC_CHAT,
  aDraft,
  quoteRig,
  type QuoteRig,
} from './quote-fixtures';

describe('quote service', () => {
  let rig: QuoteRig;
  beforeEach(async () => {
    rig = await quoteRig();
    await rig.chat(JULIEN, JULIEN_CHAT);
  });
  afterEach(() => rig.close());
  const ref = (quoteId: string, actor = MARC, idempotencyKey?: string) => ({
    beneficiaryId: BELLERIVE,
    quoteId,
    actor,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });

  it('records a request due on the 10th working day after 1 May, 8 May and Ascension, and alerts the account managers', async () => {
    const quote = await rig.request('form-1');
    expect(quote).toMatchObject({ number: 'DEV-2026-0001', status: 'requested', dueDate: '2026-05-19' });
    expect(await rig.deps.quotes.quotes.events(BELLERIVE, quote.id)).toHaveLength(1);
    const [alert, ...rest] = await rig.outbox(BELLERIVE);
    // The requester is answered by the turn itself: only the account managers get a message.
    expect(rest).toEqual([]);
    expect(alert!.target).toEqual({ pk: '_system', conversationId: JULIEN_CHAT });
    expect(alert!.activity.text).toMatch(/Devis à envoyer au plus tard le mardi 19 mai 2026/);
  });

  it('counts the working days of the beneficiary’s own zone (Martinique: 22 May, Whit Monday)', async () => {
    rig.at('2026-05-13T14:00:00Z');
    const { quote } = await rig.deps.quotes.request({
      form: {
        subject: 'Audit de sécurité',
        need: 'Audit de la messagerie et des accès.',
        domain: 'protection-donnees',
      },
      beneficiary: await rig.beneficiary(LAMENTIN),
      actor: JOEL,
      formId: 'form-lamentin',
    });
    expect(quote.dueDate).toBe('2026-06-01');
  });

  it('records one request when the same form is submitted twice, even at once', async () => {
    const [a, b] = await Promise.all([rig.request('form-twice'), rig.request('form-twice')]);
    expect(a.id).toBe(b.id);
    const again = await rig.request('form-twice');
    expect(again.number).toBe(a.number);
    expect((await rig.deps.quotes.quotes.listForBeneficiary(BELLERIVE)).items).toHaveLength(1);
  });

  it('refuses preparation to a beneficiary agent and changes nothing', async () => {
    const quote = await rig.request('form-2');
    const before = await rig.snapshot();
    await expect(rig.deps.quotes.prepare({ ...ref(quote.id, LEA), draft: aDraft() })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/chargés de compte du Titulaire/),
    });
    expect(await rig.snapshot()).toBe(before);
  });

  it('prices with the BPU in force and sends to the requester’s chat and the approvers who talked to the bot', async () => {
    await rig.chat(MARC, MARC_CHAT);
    const quote = await rig.sent('form-3');
    expect(quote.versions[0]).toMatchObject({
      status: 'sent',
      scheduleVersion: '2024-1',
      totals: { htCents: 1_721_750, vatCents: 344_350, ttcCents: 2_066_100 },
    });
    const sent = (await rig.outbox(BELLERIVE)).filter((m) => m.id.startsWith(`outbox:${quote.id}:3:`));
    expect(sent.map((m) => m.target.conversationId).sort()).toEqual([LEA_CHAT, MARC_CHAT].sort());
    const toMarc = sent.find((m) => m.target.conversationId === MARC_CHAT)!;
    expect(JSON.stringify(toMarc.activity)).toContain('"verb":"quote.accept"');
    const toLea = sent.find((m) => m.target.conversationId === LEA_CHAT)!;
    expect(JSON.stringify(toLea.activity)).not.toContain('quote.accept');
    expect(JSON.stringify(toLea.activity)).toContain(`29:${MARC.objectId}`);
  });

  it('tells the requester when no approver can be written to', async () => {
    const quote = await rig.sent('form-4');
    const sent = (await rig.outbox(BELLERIVE)).filter((m) => m.id.startsWith(`outbox:${quote.id}:3:`));
    expect(sent.map((m) => m.target.conversationId)).toEqual([LEA_CHAT]);
    expect(sent[0]!.activity.text).toMatch(/n'ont pas encore ouvert Guichet.*« devis DEV-2026-0001 »/s);
  });

  it('accepts the version seen and issues its order in the same batch, with its notifications', async () => {
    const quote = await rig.sent('form-5');
    rig.at('2026-05-21T08:00:00Z');
    const { quote: accepted, order } = await rig.deps.quotes.accept({
      ...ref(quote.id, MARC, 'k1'),
      version: 1,
    });
    expect(accepted).toMatchObject({
      status: 'accepted',
      order: { id: orderIdOf(quote.id), number: 'BC-2026-0001' },
    });
    expect(order).toMatchObject({
      number: 'BC-2026-0001',
      beneficiaryId: BELLERIVE,
      status: 'issued',
      quote: { number: quote.number, version: 1 },
      totals: { htCents: 1_721_750, vatCents: 344_350, ttcCents: 2_066_100 },
    });
    const stored = await rig.deps.orders.orders.get(BELLERIVE, order.id);
    expect(stored).toMatchObject({ originConversationPk: BELLERIVE, originConversationId: LEA_CHAT });
    expect((await rig.deps.quotes.quotes.events(BELLERIVE, quote.id)).map((e) => e.action)).toEqual([
      'request',
      'prepare',
      'send',
      'accept',
    ]);
    expect(await rig.deps.orders.orders.events(BELLERIVE, order.id)).toHaveLength(1);
    const issued = (await rig.outbox(BELLERIVE)).filter((m) => m.id.startsWith(`outbox:${order.id}:1:`));
    expect(issued.map((m) => m.target.conversationId).sort()).toEqual([JULIEN_CHAT, LEA_CHAT].sort());
    expect(issued.find((m) => m.target.conversationId === LEA_CHAT)!.activity.text).toMatch(
      /BC-2026-0001 émis/,
    );
  });

  it('changes nothing on a replayed acceptance, and refuses a second one in French', async () => {
    const quote = await rig.sent('form-6');
    const first = await rig.deps.quotes.accept({ ...ref(quote.id, MARC, 'k1'), version: 1 });
    const before = await rig.snapshot();
    const replay = await rig.deps.quotes.accept({ ...ref(quote.id, MARC, 'k1'), version: 1 });
    expect(replay.order.number).toBe(first.order.number);
    expect(await rig.snapshot()).toBe(before);
    await expect(rig.deps.quotes.accept({ ...ref(quote.id, MARC, 'k2'), version: 1 })).rejects.toMatchObject({
      code: 'QUOTE_ALREADY_DECIDED',
      message: expect.stringMatching(/a déjà été accepté par Marc Petit .* bon de commande BC-2026-0001/),
    });
    expect(await rig.snapshot()).toBe(before);
  });

  it('refuses a superseded version without taking an order number', async () => {
    const quote = await rig.sent('form-7');
    const manager = { beneficiaryId: BELLERIVE, quoteId: quote.id, actor: JULIEN };
    await rig.deps.quotes.revise({
      ...manager,
      draft: aDraft(),
      reason: 'Une journée de formation en plus.',
    });
    await rig.deps.quotes.send({ ...manager, version: 2 });
    const before = await rig.snapshot();
    await expect(rig.deps.quotes.accept({ ...ref(quote.id), version: 1 })).rejects.toMatchObject({
      code: 'QUOTE_SUPERSEDED',
      message: expect.stringMatching(/version 1 .* remplacée par la version 2/),
    });
    expect(await rig.snapshot()).toBe(before);
    const { order } = await rig.deps.quotes.accept({ ...ref(quote.id), version: 2 });
    expect(order.number).toBe('BC-2026-0001');
  });

  it('refuses acceptance to an agent who is not an approver, and to another beneficiary’s approver', async () => {
    const quote = await rig.sent('form-8');
    const before = await rig.snapshot();
    await expect(rig.deps.quotes.accept({ ...ref(quote.id, LEA), version: 1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/Seuls les approbateurs de Ville de Bellerive-sur-Rhône/),
    });
    const stranger = { ...JOEL, roles: ['Beneficiary.Approver' as const], approverOf: [LAMENTIN] };
    await expect(rig.deps.quotes.accept({ ...ref(quote.id, stranger), version: 1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await rig.snapshot()).toBe(before);
  });

  it('issues one order when two acceptances race', async () => {
    const quote = await rig.sent('form-9');
    const results = await Promise.allSettled([
      rig.deps.quotes.accept({ ...ref(quote.id, MARC, 'race-1'), version: 1 }),
      rig.deps.quotes.accept({ ...ref(quote.id, MARC, 'race-2'), version: 1 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
    if (refused) expect(refused.reason).toMatchObject({ code: 'QUOTE_ALREADY_DECIDED' });
    expect((await rig.deps.orders.orders.listForBeneficiary(BELLERIVE)).items).toHaveLength(1);
  });

  it('reads the quote again when it changed under an acceptance: the decision made meanwhile wins', async () => {
    const quote = await rig.sent('form-12');
    const repo = rig.deps.quotes.quotes;
    const stale = (await repo.get(BELLERIVE, quote.id))!;
    await rig.deps.quotes.decline({ ...ref(quote.id), version: 1 });
    jest.spyOn(repo, 'get').mockResolvedValueOnce(stale);
    await expect(rig.deps.quotes.accept({ ...ref(quote.id), version: 1 })).rejects.toMatchObject({
      code: 'QUOTE_ALREADY_DECIDED',
      message: expect.stringMatching(/déjà été refusé par Marc Petit/),
    });
    expect((await rig.deps.orders.orders.listForBeneficiary(BELLERIVE)).items).toEqual([]);
  });

  it('writes nothing at all when one write of the acceptance fails', async () => {
    const quote = await rig.sent('form-10');
    // A message with the id the acceptance will use makes its batch fail half-way.
    const blocker = newOutboxMessage(
      {
        id: `outbox:${orderIdOf(quote.id)}:1:beneficiary`,
        pk: BELLERIVE,
        target: { pk: BELLERIVE, conversationId: 'x' },
        activity: {},
      },
      APRIL_30,
    );
    await rig.store.container('business').create(blocker);
    const before = await rig.snapshot();
    await expect(rig.deps.quotes.accept({ ...ref(quote.id), version: 1 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const after = JSON.parse(await rig.snapshot()) as string[][];
    // Only the order counter moved (a number is taken before the batch) and the agenda was told of
    // work in the partition (before the batch, by design: the next visit removes an entry with
    // nothing behind it); no document changed.
    const withoutCounters = (rows: string[][]) =>
      rows.filter((r) => r[0] !== 'counters' && !(r[0] === 'views' && r[1] === 'agenda'));
    expect(withoutCounters(after)).toEqual(withoutCounters(JSON.parse(before)));
    expect((await rig.deps.quotes.quotes.get(BELLERIVE, quote.id))!.status).toBe('sent');
  });

  it('declines with a reason and tells the account managers', async () => {
    const quote = await rig.sent('form-11');
    const declined = await rig.deps.quotes.decline({
      ...ref(quote.id),
      version: 1,
      reason: 'Budget reporté.',
    });
    expect(declined.status).toBe('declined');
    const last = (await rig.outbox(BELLERIVE)).filter((m) => m.id.startsWith(`outbox:${quote.id}:4:`));
    expect(last.map((m) => m.target.conversationId)).toEqual([JULIEN_CHAT]);
    expect(last[0]!.activity.text).toMatch(/refusé par Marc Petit .*Budget reporté/);
  });
});
