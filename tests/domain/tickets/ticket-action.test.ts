import { ValidationError } from '../../../bot/src/domain/errors';
import {
  ACTION_SIDE,
  ACTION_TITLES,
  TICKET_ACTION_TYPES,
  parseTicketAction,
  validateTicketAction,
} from '../../../bot/src/domain/tickets/ticket-action';

function issuesOf(type: string, values: unknown): Record<string, string> {
  try {
    parseTicketAction(type, values);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return Object.fromEntries((err as ValidationError).issues.map((i) => [i.path, i.message]));
  }
  throw new Error('expected a refusal');
}

describe('ticket actions as cards submit them', () => {
  it('reads the actions without input', () => {
    for (const type of ['take', 'resume', 'close'])
      expect(parseTicketAction(type, { verb: 'ticket.x' })).toEqual({ type });
  });

  it('reads a reply and an added information, trimmed', () => {
    expect(parseTicketAction('reply', { message: '  Bonjour.  ' })).toEqual({
      type: 'reply',
      message: 'Bonjour.',
    });
    expect(parseTicketAction('addInfo', { message: 'Capture jointe.' })).toEqual({
      type: 'addInfo',
      message: 'Capture jointe.',
    });
  });

  it('reads a wait with or without a request to the beneficiary', () => {
    expect(parseTicketAction('wait', {})).toEqual({ type: 'wait' });
    expect(parseTicketAction('wait', { message: ' ' })).toEqual({ type: 'wait' });
    expect(parseTicketAction('wait', { message: 'Votre capture ?' })).toEqual({
      type: 'wait',
      message: 'Votre capture ?',
    });
  });

  it('reads an intervention report, keeping the restoration time as typed', () => {
    expect(
      parseTicketAction('resolve', {
        diagnostic: 'Disque plein',
        actions: 'Purge des journaux',
        cause: 'Rotation désactivée',
        restoredAt: ' 2026-03-03T09:30 ',
      }),
    ).toEqual({
      type: 'resolve',
      report: {
        diagnostic: 'Disque plein',
        actions: 'Purge des journaux',
        cause: 'Rotation désactivée',
        restoredAt: '2026-03-03T09:30',
      },
    });
  });

  it('reads a reassignment from the chosen engineer', () => {
    expect(parseTicketAction('reassign', { assigneeId: 'e2', assigneeName: 'Nadia Benali' })).toEqual({
      type: 'reassign',
      to: { objectId: 'e2', name: 'Nadia Benali' },
    });
  });

  it.each([
    ['reply', {}, { message: 'Écrivez votre réponse au bénéficiaire.' }],
    ['addInfo', { message: '' }, { message: "Écrivez l'information à ajouter." }],
    [
      'reply',
      { message: 'x'.repeat(4001) },
      { message: 'Le message ne doit pas dépasser 4\u00a0000 caractères (actuellement 4\u00a0001).' },
    ],
    [
      'wait',
      { message: 'x'.repeat(1001) },
      { message: 'La demande au bénéficiaire ne doit pas dépasser 1\u00a0000 caractères.' },
    ],
    ['reopen', { reason: 'ko' }, { reason: 'La raison doit compter au moins 3 caractères.' }],
    [
      'reassign',
      {},
      {
        assigneeId: "Choisissez l'ingénieur à qui confier le ticket.",
        assigneeName: "Nom de l'ingénieur manquant.",
      },
    ],
    [
      'resolve',
      { diagnostic: 'ok', actions: 'x'.repeat(4001), cause: 'x'.repeat(2001) },
      {
        diagnostic: 'Le diagnostic doit compter au moins 3 caractères.',
        actions:
          'La description des actions ne doit pas dépasser 4\u00a0000 caractères (actuellement 4\u00a0001).',
        cause: 'La cause ne doit pas dépasser 2\u00a0000 caractères (actuellement 2\u00a0001).',
        restoredAt: "Indiquez la date et l'heure du rétablissement du service.",
      },
    ],
  ])('refuses %s with %p, next to each input', (type, values, issues) => {
    expect(issuesOf(type, values)).toEqual(issues);
  });

  it('refuses an unknown action', () => {
    expect(issuesOf('delete', {})).toEqual({ type: 'Action inconnue sur un ticket.' });
  });

  it('validates an action built in code as strictly as one from a card', () => {
    expect(validateTicketAction({ type: 'reply', message: '  ok ' })).toEqual({
      type: 'reply',
      message: 'ok',
    });
    expect(() => validateTicketAction({ type: 'reopen', reason: ' ' })).toThrow(ValidationError);
    expect(() => validateTicketAction({ type: 'reassign', to: { objectId: '', name: 'X' } })).toThrow(
      ValidationError,
    );
  });

  it('says which side makes each action and titles each button in French', () => {
    expect(TICKET_ACTION_TYPES.filter((t) => ACTION_SIDE[t] === 'beneficiary')).toEqual([
      'addInfo',
      'close',
      'reopen',
    ]);
    expect(ACTION_TITLES.take).toBe('Prendre en charge');
    expect(ACTION_TITLES.wait).toBe('En attente du bénéficiaire');
  });
});
