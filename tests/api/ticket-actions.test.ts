/**
 * One ticket over the API: its detail with the timeline and the caller's possible actions, the
 * actions themselves through the ticket service (the same rules as the bot's cards), idempotent
 * replays with Idempotency-Key, French validation errors, the CANUT's read-only access.
 */
import { BELLERIVE, call, signIn, useApiService, USERS, type DemoRole } from './support/api-harness';

type Detail = {
  ticket: Record<string, unknown> & { id: string; status: string; assignee?: { name: string } };
  timeline: {
    action: string;
    actor: { name: string; role: string; channel: string };
    before: string | null;
    after: string;
  }[];
  availableActions: string[];
};
type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

describe('one ticket over the API', () => {
  const rig = useApiService();
  const tokens = {} as Record<DemoRole, string>;
  const path = (id: string) => `/api/v1/tickets/${BELLERIVE}/${id}`;
  const act = (role: DemoRole, id: string, body: unknown, headers: Record<string, string> = {}) =>
    call<Detail & ErrorBody>(rig.svc, 'POST', `${path(id)}/actions`, { token: tokens[role], body, headers });

  beforeAll(async () => {
    for (const role of Object.keys(USERS) as DemoRole[]) tokens[role] = await signIn(rig.svc, USERS[role]);
  });

  it('shows the ticket, its timeline and what each caller may do, without internal fields', async () => {
    const ticket = await rig.tickets.declare(BELLERIVE);
    const engineer = await call<Detail>(rig.svc, 'GET', path(ticket.id), { token: tokens.engineer });
    expect(engineer.status).toBe(200);
    expect(engineer.body.ticket).toMatchObject({ id: ticket.id, status: 'new', number: ticket.number });
    expect(engineer.body.timeline).toEqual([
      expect.objectContaining({
        action: 'open',
        before: null,
        after: 'new',
        actor: expect.objectContaining({ name: 'Agent de test' }),
      }),
    ]);
    expect(engineer.body.availableActions).toEqual(['take', 'reassign']);
    for (const internal of [
      'policy',
      'alertsSent',
      'nextAlertAt',
      'originConversationId',
      'pk',
      '_etag',
      'closingDays',
    ])
      expect(engineer.body.ticket).not.toHaveProperty(internal);
    const agent = await call<Detail>(rig.svc, 'GET', path(ticket.id), { token: tokens.agent });
    expect(agent.body.availableActions).toEqual(['addInfo']);
    const canut = await call<Detail>(rig.svc, 'GET', path(ticket.id), { token: tokens.canut });
    expect(canut.body.availableActions).toEqual([]);
  });

  it('applies support actions from the tab and records them in the timeline', async () => {
    const ticket = await rig.tickets.declare(BELLERIVE);
    expect((await act('engineer', ticket.id, { type: 'take' })).status).toBe(200);
    const replied = await act('engineer', ticket.id, {
      type: 'reply',
      message: '  Nous regardons le serveur.  ',
    });
    expect(replied.status).toBe(200);
    expect(replied.body.ticket).toMatchObject({
      status: 'in-progress',
      assignee: { name: 'Camille Martin' },
    });
    expect(replied.body.timeline.map((e) => e.action)).toEqual(['open', 'take', 'reply']);
    expect(replied.body.timeline[2]).toMatchObject({
      actor: { name: 'Camille Martin', role: 'Support.Engineer', channel: 'tab' },
      details: { message: 'Nous regardons le serveur.' },
    });
  });

  it('lets the beneficiary close and reopen its resolved ticket', async () => {
    const ticket = await rig.tickets.declare(BELLERIVE);
    await act('engineer', ticket.id, { type: 'take' });
    const resolved = await act('engineer', ticket.id, {
      type: 'resolve',
      diagnostic: 'Disque plein sur le serveur de fichiers.',
      actions: 'Purge des journaux et extension du volume.',
      cause: 'Rotation des journaux désactivée.',
      restoredAt: new Date().toISOString(),
    });
    expect(resolved.body.ticket).toMatchObject({
      status: 'resolved',
      resolution: { cause: 'Rotation des journaux désactivée.' },
    });
    expect((await act('agent', ticket.id, { type: 'close' })).body.ticket.status).toBe('closed');
    const reopened = await act('approver', ticket.id, {
      type: 'reopen',
      reason: 'Le volume est de nouveau plein.',
    });
    expect(reopened.body.ticket).toMatchObject({ status: 'in-progress', reopenedCount: 1 });
  });

  it('applies an action once per Idempotency-Key, and answers the replay with the same state', async () => {
    const ticket = await rig.tickets.declare(BELLERIVE);
    await act('engineer', ticket.id, { type: 'take' });
    const reply = { type: 'reply', message: 'Une seule fois, même rejouée.' };
    const first = await act('engineer', ticket.id, reply, { 'Idempotency-Key': 'tab-reply-1' });
    const replay = await act('engineer', ticket.id, reply, { 'Idempotency-Key': 'tab-reply-1' });
    expect(first.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(replay.body.timeline.filter((e) => e.action === 'reply')).toHaveLength(1);
    expect(replay.body.ticket).toEqual(first.body.ticket);
    const again = await act('engineer', ticket.id, reply, { 'Idempotency-Key': 'tab-reply-2' });
    expect(again.body.timeline.filter((e) => e.action === 'reply')).toHaveLength(2);
    const bad = await act('engineer', ticket.id, reply, { 'Idempotency-Key': 'clé avec espaces' });
    expect(bad.status).toBe(400);
  });

  it('answers an impossible transition with 409 and the domain’s French message', async () => {
    const ticket = await rig.tickets.declare(BELLERIVE);
    await act('engineer', ticket.id, { type: 'take' });
    const twice = await act('admin', ticket.id, { type: 'take' });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringContaining('Camille Martin'),
    });
  });

  it('validates the action and its inputs in French, naming each input', async () => {
    const ticket = await rig.tickets.declare(BELLERIVE);
    await act('engineer', ticket.id, { type: 'take' });
    const unknown = await act('engineer', ticket.id, { type: 'teleport' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'type', message: 'Action inconnue sur un ticket.' }],
    });
    const missingType = await act('engineer', ticket.id, { message: 'sans type' });
    expect(missingType.status).toBe(400);
    const empty = await act('engineer', ticket.id, { type: 'reply', message: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues).toEqual([
      { path: 'message', message: 'Écrivez votre réponse au bénéficiaire.' },
    ]);
    const missing = await act('engineer', ticket.id, { type: 'resolve', diagnostic: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues!.map((i) => i.path).sort()).toEqual([
      'actions',
      'cause',
      'diagnostic',
      'restoredAt',
    ]);
    expect(missing.body.error.issues).toContainEqual({
      path: 'diagnostic',
      message: 'Le diagnostic doit compter au moins 3 caractères.',
    });
  });

  it('keeps the CANUT read-only and the account managers off support actions', async () => {
    const ticket = await rig.tickets.declare(BELLERIVE);
    const canut = await act('canut', ticket.id, { type: 'take' });
    expect(canut.status).toBe(403);
    expect(canut.body.error.message).toMatch(/lecture seule/);
    const manager = await act('accountManager', ticket.id, { type: 'take' });
    expect(manager.status).toBe(403);
    expect(manager.body.error.message).toMatch(/équipe support du Titulaire/);
    expect(
      (await call<Detail>(rig.svc, 'GET', path(ticket.id), { token: tokens.engineer })).body.ticket.status,
    ).toBe('new');
  });
});
