import {
  CHANNEL_LABELS,
  STATUS_LABELS,
  TICKET_CHANNELS,
  TICKET_STATUSES,
  isOpenStatus,
  ticketOpening,
} from '../../../bot/src/domain/tickets/ticket';
import { calendarFor, ticketCalendar } from '../../../bot/src/domain/tickets/ticket-calendar';
import { notificationKey, ticketEventId } from '../../../bot/src/domain/tickets/ticket-event';
import { aTicket } from './factories';

describe('the ticket document', () => {
  it('labels every status in French', () => {
    expect(TICKET_STATUSES.map((s) => STATUS_LABELS[s])).toEqual([
      'Nouveau',
      'Pris en charge',
      'En cours',
      'En attente du bénéficiaire',
      'Résolu',
      'Clos',
    ]);
  });

  it('labels every reception channel in French', () => {
    expect(TICKET_CHANNELS.map((c) => CHANNEL_LABELS[c])).toEqual(['Teams', 'téléphone', 'e-mail']);
  });

  it('is open until resolved', () => {
    expect(TICKET_STATUSES.filter(isOpenStatus)).toEqual([
      'new',
      'taken',
      'in-progress',
      'waiting-beneficiary',
    ]);
  });

  it('starts its SLA clocks at reception', () => {
    const ticket = { ...aTicket(), receivedAt: '2026-06-08T06:00:00Z' };
    expect(ticketOpening(ticket)).toEqual({ severity: 3, modality: 1, openedAt: '2026-06-08T06:00:00Z' });
  });

  it('zero-pads event ids so that they sort in event order', () => {
    expect(ticketEventId('tkt-1', 2)).toBe('tkt-1:event:000002');
    expect(ticketEventId('tkt-1', 10) > ticketEventId('tkt-1', 9)).toBe(true);
    expect(notificationKey('tkt-1', 2, 'support')).toBe('outbox:tkt-1:2:support');
  });

  it('shares one calendar per zone and set of closing days, whatever their order', () => {
    expect(calendarFor('guyane')).toBe(calendarFor('guyane', []));
    expect(calendarFor('guyane', ['2026-06-02', '2026-06-01'])).toBe(
      calendarFor('guyane', ['2026-06-01', '2026-06-02']),
    );
    expect(ticketCalendar(aTicket())).toBe(calendarFor('metropole'));
  });
});
