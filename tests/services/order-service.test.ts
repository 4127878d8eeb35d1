/**
 * The order service over the real store: each step with its audit event and the card to the
 * beneficiary, who may make which step, replays, cancellation rules, and where the beneficiary hears
 * about an order whose quote came by e-mail.
 */
import type { Order } from '../../bot/src/domain/orders/order';
import { checkAdaptiveCard } from '../support/adaptive-card-check';
import {
  BELLERIVE,
  JULIEN,
  JULIEN_CHAT,
  LEA,
  LEA_CHAT,
  MARC,
  MARC_CHAT,
  aDraft,
  quoteRig,
  type QuoteRig,
} from './quote-fixtures';

describe('order service', () => {
  let rig: QuoteRig;
  let order: Order;
  beforeEach(async () => {
    rig = await quoteRig();
    await rig.chat(JULIEN, JULIEN_CHAT);
    ({ order } = await rig.accepted('form-order'));
  });
  afterEach(() => rig.close());
  const act = (
    action: Parameters<QuoteRig['deps']['orders']['act']>[0]['action'],
    actor = JULIEN,
    key?: string,
  ) =>
    rig.deps.orders.act({ beneficiaryId: BELLERIVE, orderId: order.id, action, actor, idempotencyKey: key });
  const messagesOf = async (seq: number) =>
    (await rig.outbox(BELLERIVE)).filter((m) => m.id.startsWith(`outbox:${order.id}:${seq}:`));

  it('moves through its lifecycle with an event and a card to the beneficiary at each step', async () => {
    await act({ type: 'acknowledge' });
    await act({ type: 'start' });
    await act({ type: 'deliver', note: 'Migration terminée.' });
    await act({ type: 'accept' }, MARC);
    await act({ type: 'invoice', reference: 'F-2026-0412' });
    const paid = await act({ type: 'pay' });
    expect(paid.status).toBe('paid');
    const events = await rig.deps.orders.orders.events(BELLERIVE, order.id);
    expect(events.map((e) => e.after)).toEqual([
      'issued',
      'acknowledged',
      'in-progress',
      'delivered',
      'accepted',
      'invoiced',
      'paid',
    ]);
    for (let seq = 2; seq <= 7; seq++) {
      const toLea = (await messagesOf(seq)).find((m) => m.target.conversationId === LEA_CHAT);
      expect(toLea).toBeDefined();
      const card = toLea!.activity.attachments![0]!.content;
      expect(checkAdaptiveCard(card).errors).toEqual([]);
    }
    const delivered = (await messagesOf(4)).find((m) => m.target.conversationId === LEA_CHAT)!;
    expect(delivered.activity.text).toMatch(/sont livrées : Migration terminée/);
  });

  it('lets only the approvers attest the service done, and only the Titulaire deliver', async () => {
    await act({ type: 'acknowledge' });
    await act({ type: 'start' });
    await expect(act({ type: 'deliver' }, MARC)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await act({ type: 'deliver' });
    const before = await rig.snapshot();
    await expect(act({ type: 'accept' }, LEA)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/Seuls les approbateurs de Ville de Bellerive-sur-Rhône/),
    });
    await expect(act({ type: 'accept' }, JULIEN)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await rig.snapshot()).toBe(before);
  });

  it('changes nothing on a replayed step', async () => {
    await act({ type: 'acknowledge' }, JULIEN, 'invoke-1');
    const before = await rig.snapshot();
    const replay = await act({ type: 'acknowledge' }, JULIEN, 'invoke-1');
    expect(replay.status).toBe('acknowledged');
    expect(await rig.snapshot()).toBe(before);
  });

  it('cancels with a reason before invoicing, never after', async () => {
    await expect(act({ type: 'cancel', reason: '' }, MARC)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const cancelled = await act({ type: 'cancel', reason: 'Projet abandonné.' }, MARC);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellation: { reason: 'Projet abandonné.' } });
    const told = await messagesOf(2);
    expect(told.map((m) => m.target.conversationId).sort()).toEqual([JULIEN_CHAT, LEA_CHAT].sort());
  });

  it('refuses cancelling an invoiced order, saying a credit note is needed', async () => {
    for (const [action, actor] of [
      [{ type: 'acknowledge' }, JULIEN],
      [{ type: 'start' }, JULIEN],
      [{ type: 'deliver' }, JULIEN],
      [{ type: 'accept' }, MARC],
      [{ type: 'invoice' }, JULIEN],
    ] as const)
      await act(action, actor);
    await expect(act({ type: 'cancel', reason: 'Trop tard.' }, MARC)).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringMatching(/un avoir doit être émis/),
    });
  });

  it('tells the approvers about an order whose quote came by e-mail (no requester chat)', async () => {
    await rig.chat(MARC, MARC_CHAT);
    const { quote } = await rig.deps.quotes.request({
      form: {
        subject: 'Formation Teams',
        need: 'Former 40 agents à Teams et SharePoint.',
        domain: 'modern-workplace',
      },
      beneficiary: await rig.beneficiary(BELLERIVE),
      actor: JULIEN,
      formId: 'mail-1',
      channel: 'email',
      receivedAt: '2026-04-29T07:30:00Z',
      contact: { name: 'Léa Dubois', email: 'lea.dubois@bellerive.example' },
    });
    expect(quote.dueDate).toBe('2026-05-18');
    const ids = { beneficiaryId: BELLERIVE, quoteId: quote.id };
    await rig.deps.quotes.prepare({ ...ids, actor: JULIEN, draft: aDraft() });
    await rig.deps.quotes.send({ ...ids, actor: JULIEN });
    const { order: mailed } = await rig.deps.quotes.accept({ ...ids, actor: MARC, version: 1 });
    const issued = (await rig.outbox(BELLERIVE)).filter((m) => m.id.startsWith(`outbox:${mailed.id}:1:`));
    expect(issued.map((m) => m.target.conversationId).sort()).toEqual([JULIEN_CHAT, MARC_CHAT].sort());
  });
});
