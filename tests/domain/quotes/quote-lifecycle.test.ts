import { errorResponse } from '../../../bot/src/api/error-response';
import type { Instant } from '../../../bot/src/domain/calendar/instant';
import {
  ForbiddenError,
  InvalidTransitionError,
  QuoteAlreadyDecidedError,
  QuoteExpiredError,
} from '../../../bot/src/domain/errors';
import {
  QUOTE_ACTION_SIDE,
  QUOTE_ACTION_TYPES,
  type QuoteAction,
  type QuoteActionType,
} from '../../../bot/src/domain/quotes/quote-action';
import type { QuoteActor } from '../../../bot/src/domain/quotes/quote-actor';
import { applyQuoteAction, availableQuoteActions } from '../../../bot/src/domain/quotes/quote-lifecycle';
import { QUOTE_STATUSES, type Quote, type QuoteStatus } from '../../../bot/src/domain/quotes/quote';
import {
  PARIS_SIRET,
  SENT_AT,
  aCanutStaff,
  aPrepareAction,
  aQuoteIn,
  aStrangerApprover,
  anAccountManager,
  anAdmin,
  anAgent,
  anApprover,
  anEngineer,
  plusDays,
  refusedQuoteAction,
} from './factories';

/** A valid action of each type on `quote`. */
function actionFor(type: QuoteActionType, quote: Quote): QuoteAction {
  const version = quote.versions.length;
  switch (type) {
    case 'prepare':
      return aPrepareAction();
    case 'revise':
      return { ...aPrepareAction(), type: 'revise' } as QuoteAction;
    case 'accept':
      return { type, version };
    case 'decline':
      return { type, version, reason: 'Hors budget.' };
    default:
      return { type } as QuoteAction;
  }
}

const actorFor = (type: QuoteActionType): QuoteActor =>
  QUOTE_ACTION_SIDE[type] === 'titulaire' ? anAccountManager() : anApprover();

/** Where each action leads from each status; absent = refused. */
const NEXT: Record<QuoteStatus, Partial<Record<QuoteActionType, QuoteStatus>>> = {
  requested: { prepare: 'in-preparation' },
  'in-preparation': { prepare: 'in-preparation', send: 'sent' },
  sent: { revise: 'in-preparation', accept: 'accepted', decline: 'declined', expire: 'expired' },
  accepted: {},
  declined: { revise: 'in-preparation' },
  expired: { revise: 'in-preparation' },
};

/** The instant an action is tried at: the day after the last change, past validity for an expiry. */
const when = (type: QuoteActionType, now: Instant): Instant =>
  type === 'expire' ? '2026-08-20T08:00:00Z' : plusDays(now, 1);

const cases = QUOTE_STATUSES.flatMap((s) => QUOTE_ACTION_TYPES.map((t) => [s, t] as const));

describe('quote lifecycle', () => {
  describe('state machine', () => {
    it.each(cases.filter(([s, t]) => NEXT[s][t] !== undefined))('allows %s → %s', (status, type) => {
      const { quote, now } = aQuoteIn(status);
      const at = when(type, now);
      const { quote: after, event } = applyQuoteAction(quote, actionFor(type, quote), actorFor(type), at);
      expect(after.status).toBe(NEXT[status][type]);
      expect(event).toMatchObject({
        action: type,
        before: status,
        after: NEXT[status][type],
        at,
        seq: quote.seq + 1,
      });
      expect(event.id).toBe(`dev-0001:event:${String(quote.seq + 1).padStart(6, '0')}`);
    });

    it.each(cases.filter(([s, t]) => NEXT[s][t] === undefined))(
      'refuses %s → %s (409), changing nothing',
      (status, type) => {
        const { quote, now } = aQuoteIn(status);
        const error = refusedQuoteAction(quote, actionFor(type, quote), actorFor(type), when(type, now));
        expect([InvalidTransitionError, QuoteAlreadyDecidedError, QuoteExpiredError]).toContainEqual(
          error.constructor,
        );
        expect(errorResponse(error).status).toBe(409);
      },
    );

    it('explains a refused transition in French', () => {
      const { quote, now } = aQuoteIn('requested');
      expect(refusedQuoteAction(quote, { type: 'send' }, anAccountManager(), now).message).toBe(
        "Impossible d'envoyer le devis DEV-2026-0001 : il est au statut « Demandé ».",
      );
    });
  });

  describe('permissions', () => {
    const { quote: inPreparation } = aQuoteIn('in-preparation');
    const { quote: sent } = aQuoteIn('sent');

    it.each([
      ['an approver', anApprover()],
      ['a support engineer', anEngineer()],
      ['CANUT staff', aCanutStaff()],
      ['a beneficiary tenant that gave itself the role', anAgent({ roles: ['Account.Manager'] })],
    ])('only account managers and admins prepare and send: not %s', (_who, actor) => {
      const error = refusedQuoteAction(inPreparation, { type: 'send' }, actor, '2026-05-06T08:00:00Z');
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.message).toBe('Seuls les chargés de compte du Titulaire peuvent envoyer un devis.');
    });

    it('lets an admin send, recorded as such', () => {
      expect(applyQuoteAction(inPreparation, { type: 'send' }, anAdmin(), SENT_AT).event.actor.role).toBe(
        'Admin',
      );
    });

    it.each([
      ['an account manager', anAccountManager()],
      ['an approver of another beneficiary', aStrangerApprover()],
      ['CANUT staff', aCanutStaff()],
      [
        'an approver designated for another beneficiary of the same tenant',
        anApprover({ beneficiaryIds: [PARIS_SIRET, '22010045600015'], approverOf: ['22010045600015'] }),
      ],
    ])('only the beneficiary’s approvers accept: not %s', (_who, actor) => {
      const error = refusedQuoteAction(sent, { type: 'accept', version: 1 }, actor, '2026-05-21T08:00:00Z');
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.message).toMatch(
        /^Seuls les approbateurs de Ville de Bellerive-sur-Rhône peuvent accepter ce devis\./,
      );
    });

    it('tells an agent who is not an approver how to become one', () => {
      const error = refusedQuoteAction(
        sent,
        { type: 'accept', version: 1 },
        anAgent(),
        '2026-05-21T08:00:00Z',
      );
      expect(error.message).toMatch(
        /Un administrateur ou un approbateur existant peut vous désigner comme approbateur/,
      );
    });

    it('offers each actor only the actions it may make now', () => {
      expect(availableQuoteActions(sent, anApprover())).toEqual(['accept', 'decline']);
      expect(availableQuoteActions(sent, anAccountManager())).toEqual(['revise', 'expire']);
      expect(availableQuoteActions(sent, anAgent())).toEqual([]);
      expect(availableQuoteActions(sent, aStrangerApprover())).toEqual([]);
      expect(availableQuoteActions(inPreparation, anAccountManager())).toEqual(['prepare', 'send']);
    });
  });

  it('never moves back in time when an instance’s clock lags', () => {
    const { quote } = aQuoteIn('in-preparation');
    const { quote: after } = applyQuoteAction(
      quote,
      { type: 'send' },
      anAccountManager(),
      '2026-05-01T08:00:00Z',
    );
    expect(after.updatedAt).toBe(quote.updatedAt);
  });
});
