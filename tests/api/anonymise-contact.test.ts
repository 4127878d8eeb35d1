/**
 * POST /api/v1/beneficiaries/{siret}/contacts/anonymise over real HTTP with the local sign-in's
 * tokens: only the Titulaire's admins may (a beneficiary's user asking for another SIRET gets a 404,
 * everyone else a 403, and nothing moves); the contact disappears from the partition while its
 * history stays, audited; the same Idempotency-Key answers the same and writes nothing; a contact
 * Guichet holds nothing about is a 404; the route is in openapi.json.
 */
import { randomUUID } from 'node:crypto';
import type { Ticket } from '../../bot/src/domain/tickets/ticket';
import type { Doc } from '../../bot/src/store/port';
import {
  BELLERIVE,
  LAMENTIN,
  USERS,
  call,
  isBareError,
  signIn,
  useApiService,
  type DemoRole,
} from './support/api-harness';

interface Answer {
  pseudonym: string;
  documentsRewritten: number;
  approverDesignationsRemoved: number;
  conversationsRemoved: number;
  eventId: string;
  error: { code: string; message: string };
}

const path = (siret: string) => `/api/v1/beneficiaries/${siret}/contacts/anonymise`;

describe('anonymising a contact through the API', () => {
  const rig = useApiService();
  const tokens: Partial<Record<DemoRole, string>> = {};
  const anonymise = async (role: DemoRole, siret: string, body: unknown, key: string | null = randomUUID()) =>
    call<Answer>(rig.svc, 'POST', path(siret), {
      token: (tokens[role] ??= await signIn(rig.svc, USERS[role])),
      body,
      headers: key === null ? {} : { 'Idempotency-Key': key },
    });
  const partition = async (siret: string) => {
    const docs: Doc[] = [];
    for (const name of ['business', 'staff', 'conversations'] as const)
      docs.push(...(await rig.svc.store.container<Doc>(name).query({ pk: siret, limit: 1000 })).items);
    return docs.map(({ _etag: _e, _ts: _t, ...d }) => d).sort((a, b) => a.id.localeCompare(b.id));
  };
  const privacyEvents = async (siret: string) =>
    (await partition(siret)).filter((d) => d.type === 'privacy-event' && d.action === 'anonymise-contact');

  let ticket: Ticket;
  let contact: { name: string; objectId: string };
  beforeAll(async () => {
    ticket = await rig.tickets.declare(BELLERIVE, { title: 'Messagerie de Léonie Garnier en panne' });
    // The declarant of this ticket only: an object id no other document carries.
    contact = { name: ticket.declaredBy.name, objectId: ticket.declaredBy.objectId! };
  });

  it.each([
    ['agent', BELLERIVE, 403],
    ['approver', BELLERIVE, 403],
    ['engineer', BELLERIVE, 403],
    ['accountManager', BELLERIVE, 403],
    ['canut', BELLERIVE, 403],
    ['otherAgent', BELLERIVE, 404],
    ['approver', LAMENTIN, 404],
  ] as const)('refuses %s for %s with %i and changes nothing', async (role, siret, status) => {
    const before = await partition(siret);
    const res = await anonymise(role, siret, contact);
    expect(res.status).toBe(status);
    expect(isBareError(res.body, status === 403 ? 'FORBIDDEN' : 'NOT_FOUND')).toBe(true);
    if (status === 403) expect(res.body.error.message).toMatch(/réservée aux administrateurs du Titulaire/);
    expect(await partition(siret)).toEqual(before);
  });

  it('asks, in French, for the Idempotency-Key and a usable body, writing nothing', async () => {
    const before = await partition(BELLERIVE);
    const noKey = await anonymise('admin', BELLERIVE, contact, null);
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.message).toMatch(/Idempotency-Key obligatoire/);
    for (const body of [
      { name: 'Lé' },
      { ...contact, email: 'pas une adresse' },
      { ...contact, phone: '0102' },
    ]) {
      const res = await anonymise('admin', BELLERIVE, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^Requête invalide \(corps\)/);
    }
    expect(await partition(BELLERIVE)).toEqual(before);
  });

  it('answers 404 for a contact Guichet holds nothing about, or an unknown SIRET, and records nothing', async () => {
    const before = await partition(BELLERIVE);
    const unknown = await anonymise('admin', BELLERIVE, {
      name: 'Personne Inconnue',
      objectId: randomUUID(),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/rien à anonymiser/);
    expect(unknown.body.error.message).not.toContain('Personne Inconnue');
    expect(await partition(BELLERIVE)).toEqual(before);
    expect((await anonymise('admin', '73282932000074', contact)).status).toBe(404);
  });

  it('replaces the contact by a pseudonym for an admin, keeps the history, and audits it', async () => {
    const before = await partition(BELLERIVE);
    const lamentin = await partition(LAMENTIN);
    const res = await anonymise('admin', BELLERIVE, { ...contact, reference: 'Courrier RGPD 2026-17' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      pseudonym: expect.stringMatching(/^Contact anonymisé [0-9A-F]{8}$/),
      documentsRewritten: expect.any(Number),
      approverDesignationsRemoved: 0,
      conversationsRemoved: 0,
      eventId: expect.stringMatching(/^privacy:anonymise-[0-9a-f]{32}$/),
    });
    expect(res.body.documentsRewritten).toBeGreaterThanOrEqual(2); // the ticket and its opening event
    const after = await partition(BELLERIVE);
    expect(JSON.stringify(after)).not.toContain(contact.objectId);
    const stored = after.find((d) => d.id === ticket.id) as unknown as Ticket;
    expect(stored.declaredBy.name).toBe(res.body.pseudonym);
    expect(stored.title).toBe(ticket.title);
    const events = (docs: Doc[]) => docs.filter((d) => d.type === 'ticket-event' && d.ticketId === ticket.id);
    expect(events(after).map((e) => [e.id, e.at, e.action])).toEqual(
      events(before).map((e) => [e.id, e.at, e.action]),
    );
    const [event, ...more] = await privacyEvents(BELLERIVE);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      id: res.body.eventId,
      reference: 'Courrier RGPD 2026-17',
      actor: { objectId: USERS.admin, role: 'Admin', channel: 'api' },
    });
    expect(JSON.stringify(event)).not.toContain(contact.objectId);
    expect(await partition(LAMENTIN)).toEqual(lamentin);
  });

  it('answers the same to a second call with the same key, and writes nothing', async () => {
    const key = randomUUID();
    const other = await rig.tickets.declare(BELLERIVE);
    const person = { name: other.declaredBy.name, objectId: other.declaredBy.objectId! };
    const first = await anonymise('admin', BELLERIVE, person, key);
    expect(first.status).toBe(200);
    const between = await partition(BELLERIVE);
    const second = await anonymise('admin', BELLERIVE, person, key);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await partition(BELLERIVE)).toEqual(between);
    // One audit event for the two calls.
    expect((await privacyEvents(BELLERIVE)).filter((e) => e.id === first.body.eventId)).toHaveLength(1);
  });

  it('documents the route in openapi.json, Idempotency-Key required', async () => {
    const doc = await call<{
      paths: Record<
        string,
        Record<string, { operationId: string; parameters: { name: string; required: boolean }[] }>
      >;
    }>(rig.svc, 'GET', '/api/v1/openapi.json');
    const op = doc.body.paths['/api/v1/beneficiaries/{siret}/contacts/anonymise']?.post;
    expect(op?.operationId).toBe('anonymiseContact');
    expect(op?.parameters.find((p) => p.name === 'Idempotency-Key')?.required).toBe(true);
    expect(op?.parameters.find((p) => p.name === 'siret')?.required).toBe(true);
  });
});
