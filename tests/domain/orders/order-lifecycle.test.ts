import { errorResponse } from '../../../bot/src/api/error-response';
import type { Instant } from '../../../bot/src/domain/calendar/instant';
import {
  ForbiddenError,
  type GuichetError,
  InvalidTransitionError,
  ValidationError,
} from '../../../bot/src/domain/errors';
import {
  ORDER_ACTION_SIDE,
  ORDER_ACTION_TYPES,
  type OrderAction,
  type OrderActionType,
} from '../../../bot/src/domain/orders/order-action';
import { applyOrderAction, availableOrderActions } from '../../../bot/src/domain/orders/order-lifecycle';
import { ORDER_STATUSES, type Order, type OrderStatus } from '../../../bot/src/domain/orders/order';
import type { QuoteActor } from '../../../bot/src/domain/quotes/quote-actor';
import {
  aCanutStaff,
  aStrangerApprover,
  anAccountManager,
  anAgent,
  anApprover,
  anEngineer,
  anOrderIn,
  deepFreeze,
  errorOf,
  plusDays,
} from '../quotes/factories';

function actionFor(type: OrderActionType): OrderAction {
  switch (type) {
    case 'cancel':
    case 'rejectDelivery':
      return { type, reason: 'Le besoin a changé.' };
    case 'invoice':
      return { type, reference: 'F-2026-0412' };
    default:
      return { type } as OrderAction;
  }
}

const actorFor = (type: OrderActionType): QuoteActor =>
  ORDER_ACTION_SIDE[type] === 'approver' ? anApprover() : anAccountManager();

/** Where each action leads from each status; absent = refused. */
const NEXT: Record<OrderStatus, Partial<Record<OrderActionType, OrderStatus>>> = {
  issued: { acknowledge: 'acknowledged', cancel: 'cancelled' },
  acknowledged: { start: 'in-progress', cancel: 'cancelled' },
  'in-progress': { deliver: 'delivered', cancel: 'cancelled' },
  delivered: { accept: 'accepted', rejectDelivery: 'in-progress', cancel: 'cancelled' },
  accepted: { invoice: 'invoiced', cancel: 'cancelled' },
  invoiced: { pay: 'paid' },
  paid: {},
  cancelled: {},
};

const cases = ORDER_STATUSES.flatMap((s) => ORDER_ACTION_TYPES.map((t) => [s, t] as const));

function refused(order: Order, action: OrderAction, actor: QuoteActor, at: Instant): GuichetError {
  const frozen = deepFreeze(order);
  const before = JSON.stringify(frozen);
  const error = errorOf(() => applyOrderAction(frozen, action, actor, at));
  expect(JSON.stringify(frozen)).toBe(before);
  return error as GuichetError;
}

describe('order lifecycle', () => {
  describe('state machine', () => {
    it.each(cases.filter(([s, t]) => NEXT[s][t] !== undefined))('allows %s → %s', (status, type) => {
      const { order, now } = anOrderIn(status);
      const at = plusDays(now, 1);
      const { order: after, event, notify } = applyOrderAction(order, actionFor(type), actorFor(type), at);
      expect(after.status).toBe(NEXT[status][type]);
      expect(after.steps.at(-1)).toMatchObject({ status: NEXT[status][type], at });
      expect(event).toMatchObject({
        action: type,
        before: status,
        after: NEXT[status][type],
        seq: order.seq + 1,
      });
      expect(event.id).toBe(`bc-0001:event:${String(order.seq + 1).padStart(6, '0')}`);
      // The beneficiary hears about every step, in the conversation the quote came from.
      expect(notify[0]).toMatchObject({
        audience: 'beneficiary',
        conversationId: 'a:conversation-lea',
        key: `outbox:bc-0001:${after.seq}:beneficiary`,
      });
    });

    it.each(cases.filter(([s, t]) => NEXT[s][t] === undefined))(
      'refuses %s → %s (409), changing nothing',
      (status, type) => {
        const { order, now } = anOrderIn(status);
        const error = refused(order, actionFor(type), actorFor(type), plusDays(now, 1));
        expect(error).toBeInstanceOf(InvalidTransitionError);
        expect(errorResponse(error).status).toBe(409);
      },
    );

    it('explains why an invoiced order cannot be cancelled', () => {
      const { order, now } = anOrderIn('invoiced');
      expect(refused(order, actionFor('cancel'), anAccountManager(), now).message).toBe(
        "Impossible d'annuler le bon de commande BC-2026-0001 : il est au statut « Facturé ». Une commande facturée ne peut plus être annulée : un avoir doit être émis.",
      );
    });
  });

  describe('who does what', () => {
    it.each([
      ['an approver', anApprover()],
      ['a support engineer', anEngineer()],
      ['CANUT staff', aCanutStaff()],
    ])('only account managers move the order: not %s', (_who, actor) => {
      const { order, now } = anOrderIn('issued');
      const error = refused(order, { type: 'acknowledge' }, actor, now);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.message).toBe(
        'Seuls les chargés de compte du Titulaire peuvent accuser réception du bon de commande.',
      );
    });

    it.each([
      ['an account manager', anAccountManager()],
      ['an agent who is not an approver', anAgent()],
      ['an approver of another beneficiary', aStrangerApprover()],
    ])('only the beneficiary’s approvers attest the service done: not %s', (_who, actor) => {
      const { order, now } = anOrderIn('delivered');
      expect(refused(order, { type: 'accept' }, actor, now)).toBeInstanceOf(ForbiddenError);
    });

    it('lets either side cancel with a reason, and records it', () => {
      const { order, now } = anOrderIn('delivered');
      const {
        order: cancelled,
        notify,
        event,
      } = applyOrderAction(order, { type: 'cancel', reason: '  Projet suspendu.  ' }, anApprover(), now);
      expect(cancelled.cancellation).toEqual({
        reason: 'Projet suspendu.',
        at: now,
        by: { objectId: anApprover().objectId, name: 'Sophie Roux' },
        from: 'delivered',
      });
      expect(event.actor.role).toBe('Beneficiary.Approver');
      expect(notify.map((n) => n.audience)).toEqual(['beneficiary', 'account-managers']);
      expect(refused(order, { type: 'cancel', reason: 'x' }, aStrangerApprover(), now)).toBeInstanceOf(
        ForbiddenError,
      );
    });

    it('refuses a cancellation or a refused delivery without a reason (400)', () => {
      const { order, now } = anOrderIn('delivered');
      for (const action of [
        { type: 'cancel', reason: ' ' },
        { type: 'rejectDelivery', reason: '' },
      ] as OrderAction[]) {
        const error = refused(
          order,
          action,
          action.type === 'cancel' ? anAccountManager() : anApprover(),
          now,
        );
        expect(error).toBeInstanceOf(ValidationError);
        expect(error.message).toBe('Indiquez la raison (3 caractères au moins).');
      }
    });

    it('offers each actor only the actions it may make now', () => {
      const { order } = anOrderIn('delivered');
      expect(availableOrderActions(order, anApprover())).toEqual(['accept', 'rejectDelivery', 'cancel']);
      expect(availableOrderActions(order, anAccountManager())).toEqual(['cancel']);
      expect(availableOrderActions(order, anAgent())).toEqual([]);
    });
  });

  describe('what the beneficiary reads at each step', () => {
    const steps: [OrderStatus, OrderAction, QuoteActor, string][] = [
      [
        'issued',
        { type: 'acknowledge' },
        anAccountManager(),
        'Le Titulaire accuse réception de votre bon de commande BC-2026-0001.',
      ],
      [
        'acknowledged',
        { type: 'start' },
        anAccountManager(),
        'Les prestations du bon de commande BC-2026-0001 ont démarré (calendrier prévisionnel du lundi 1er juin 2026 au vendredi 10 juillet 2026).',
      ],
      [
        'in-progress',
        { type: 'deliver', note: 'Toutes les boîtes sont migrées.' },
        anAccountManager(),
        'Les prestations du bon de commande BC-2026-0001 sont livrées : Toutes les boîtes sont migrées.\n\nUn approbateur de Ville de Bellerive-sur-Rhône peut attester le service fait, ou refuser la livraison en indiquant ses réserves, depuis la fiche de la commande.',
      ],
      [
        'delivered',
        { type: 'accept' },
        anApprover(),
        'Service fait attesté par Sophie Roux pour le bon de commande BC-2026-0001. Le Titulaire peut émettre sa facture.',
      ],
      [
        'delivered',
        { type: 'rejectDelivery', reason: 'Trois boîtes partagées manquent.' },
        anApprover(),
        'Livraison du bon de commande BC-2026-0001 refusée par Sophie Roux : « Trois boîtes partagées manquent. » Le Titulaire reprend les prestations.',
      ],
      [
        'accepted',
        { type: 'invoice', reference: 'F-2026-0412' },
        anAccountManager(),
        'Le bon de commande BC-2026-0001 est facturé (facture F-2026-0412) : 20\u00a0661,00\u00a0€ TTC.',
      ],
      [
        'invoiced',
        { type: 'pay' },
        anAccountManager(),
        'Le paiement du bon de commande BC-2026-0001 est enregistré. Merci.',
      ],
      [
        'issued',
        { type: 'cancel', reason: 'Projet abandonné.' },
        anAccountManager(),
        'Le bon de commande BC-2026-0001 est annulé par Paul Garnier : « Projet abandonné. »',
      ],
    ];

    it.each(steps)('from %s, %j', (status, action, actor, text) => {
      const { order, now } = anOrderIn(status);
      const { notify } = applyOrderAction(order, action, actor, plusDays(now, 1));
      expect(notify[0]!.text).toBe(text);
    });
  });

  it('keeps the invoice reference and the full history of steps', () => {
    const { order } = anOrderIn('paid');
    expect(order.invoiceReference).toBe('F-2026-0412');
    expect(order.steps.map((s) => s.status)).toEqual([
      'issued',
      'acknowledged',
      'in-progress',
      'delivered',
      'accepted',
      'invoiced',
      'paid',
    ]);
    expect(order.seq).toBe(7);
  });
});
