import { errorResponse } from '../../../bot/src/api/error-response';
import {
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  ValidationError,
} from '../../../bot/src/domain/errors';
import { issueOrder } from '../../../bot/src/domain/orders/issue-order';
import {
  PARIS_SIRET,
  aQuoteIn,
  aStrangerApprover,
  anAccountManager,
  anApprover,
  anIssuedOrder,
  deepFreeze,
  errorOf,
} from '../quotes/factories';

describe('issuing the order of an accepted quote', () => {
  const issued = anIssuedOrder();
  const { order } = issued;

  it('carries the beneficiary’s SIRET, the accepted version and its amounts HT / TVA / TTC', () => {
    expect(order).toMatchObject({
      id: 'bc-0001',
      number: 'BC-2026-0001',
      beneficiaryId: PARIS_SIRET,
      status: 'issued',
      quote: { id: 'dev-0001', number: 'DEV-2026-0001', version: 1 },
      scheduleVersion: '2024-1',
      vatRateBp: 2000,
      totals: { htCents: 1_721_750, vatCents: 344_350, ttcCents: 2_066_100 },
      period: { start: '2026-06-01', end: '2026-07-10' },
      issuedBy: { name: 'Sophie Roux' },
      seq: 1,
    });
  });

  it('copies every line of the quote, where it sat in the calendar, adding up to the total', () => {
    expect(
      order.lines.map((l) => [l.phase, l.deliverable ?? null, l.line.code, l.quantity, l.amountHtCents]),
    ).toEqual([
      ['PH1', null, 'PIL-CONF', 2, 156_000],
      ['PH1', 'L1.1', 'CA-EXP', 3.5, 367_500],
      ['PH2', 'L2.1', 'INT-CONF', 10, 650_000],
      ['PH2', 'L2.1', 'INT-EXP', 4.25, 378_250],
      ['PH2', 'L2.2', 'FOR-CONF', 2, 170_000],
    ]);
    expect(order.lines.reduce((a, l) => a + l.amountHtCents, 0)).toBe(order.totals.htCents);
    const { quote } = aQuoteIn('accepted');
    expect(order.lines[0]!.line).not.toBe(quote.versions[0]!.phases[0]!.charges[0]!.line);
  });

  it('links the quote to its order, audits the issue and tells the beneficiary the amounts', () => {
    expect(issued.quote.order).toEqual({ id: 'bc-0001', number: 'BC-2026-0001' });
    expect(issued.event).toMatchObject({
      id: 'bc-0001:event:000001',
      type: 'order-event',
      action: 'issue',
      before: null,
      after: 'issued',
      actor: { role: 'Beneficiary.Approver', name: 'Sophie Roux' },
      details: { quoteNumber: 'DEV-2026-0001', version: 1, htCents: 1_721_750 },
    });
    expect(issued.notify[0]).toEqual({
      audience: 'beneficiary',
      key: 'outbox:bc-0001:1:beneficiary',
      conversationId: 'a:conversation-lea',
      text:
        'Bon de commande BC-2026-0001 émis pour le devis DEV-2026-0001 v1 (« Migration de la messagerie vers Exchange Online ») : ' +
        '17\u00a0217,50\u00a0€ HT, TVA 20\u00a0% 3\u00a0443,50\u00a0€, 20\u00a0661,00\u00a0€ TTC. Le Titulaire va en accuser réception.',
    });
    expect(issued.notify[1]).toMatchObject({
      audience: 'account-managers',
      key: 'outbox:bc-0001:1:account-managers',
    });
  });

  it('refuses a quote that is not accepted, a second order, and anyone but its approvers', () => {
    const { quote: sent, now } = aQuoteIn('sent');
    const input = { actor: anApprover(), now, id: 'bc-0002', number: 'BC-2026-0002' };
    const notAccepted = errorOf(() => issueOrder({ ...input, quote: deepFreeze(sent) }));
    expect(notAccepted).toBeInstanceOf(InvalidTransitionError);
    expect(notAccepted.message).toBe(
      "Impossible d'émettre un bon de commande : le devis DEV-2026-0001 n'est pas accepté.",
    );
    const twice = errorOf(() => issueOrder({ ...input, quote: deepFreeze(issued.quote) }));
    expect(twice).toBeInstanceOf(ConflictError);
    expect(twice.message).toBe(
      'Le devis DEV-2026-0001 v1 a déjà donné lieu au bon de commande BC-2026-0001.',
    );
    expect(errorResponse(twice as ConflictError).status).toBe(409);
    const { quote: accepted } = aQuoteIn('accepted');
    for (const actor of [anAccountManager(), aStrangerApprover()]) {
      expect(errorOf(() => issueOrder({ ...input, actor, quote: accepted }))).toBeInstanceOf(ForbiddenError);
    }
    expect(errorOf(() => issueOrder({ ...input, quote: accepted, number: 'DEV-2026-0002' }))).toBeInstanceOf(
      ValidationError,
    );
  });
});
