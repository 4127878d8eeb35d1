/**
 * The rig of an API test: the real service on demo data, the demo users' tokens from its local
 * sign-in, JSON calls with a bearer token, and tickets declared the way the bot declares them.
 */
import { randomUUID } from 'node:crypto';
import type { Beneficiary } from '../../../bot/src/domain/beneficiaries/beneficiary';
import { parseIncidentForm } from '../../../bot/src/domain/tickets/incident-form';
import type { Ticket } from '../../../bot/src/domain/tickets/ticket';
import type { TicketActor } from '../../../bot/src/domain/tickets/ticket-actor';
import { TicketService } from '../../../bot/src/services/ticket-service';
import { BeneficiaryRepository } from '../../../bot/src/store/beneficiary-repository';
import type { Store } from '../../../bot/src/store/port';
import { renderTicketNotification } from '../../../bot/src/teams/notification-renderer';
import { startService, type RunningService } from '../../support/running-service';

/** Demo users by role (bot/src/cli/demo-data.ts). */
export const USERS = {
  engineer: 'a1b2c3d4-0000-4000-8000-000000000001',
  accountManager: 'a1b2c3d4-0000-4000-8000-000000000002',
  admin: 'a1b2c3d4-0000-4000-8000-000000000003',
  canut: 'a1b2c3d4-0000-4000-8000-000000000004',
  agent: 'a1b2c3d4-0000-4000-8000-000000000005',
  approver: 'a1b2c3d4-0000-4000-8000-000000000006',
  otherAgent: 'a1b2c3d4-0000-4000-8000-000000000009',
} as const;
export type DemoRole = keyof typeof USERS;

/** Demo beneficiaries the tests use. */
export const BELLERIVE = '21690012300029';
export const LAMENTIN = '21972234500028';
export const VAL_D_ARGENT = '21650011200018';
export const HAUTE_BRECHE = '21650022300013';
export const GROUPEMENT_TENANT = 'b0a1c2d3-0000-4000-8000-000000000011';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A JSON call to the service; `token` adds the bearer header. */
export async function call<T = unknown>(
  svc: RunningService,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const res = await fetch(`${svc.url}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

/** A token for a demo user, from the service's local sign-in. */
export async function signIn(svc: RunningService, userId: string): Promise<string> {
  const res = await call<{ accessToken: string }>(svc, 'POST', '/api/v1/local-sign-in', { body: { userId } });
  if (res.status !== 200) throw new Error(`local sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

/** Declares tickets straight through the ticket service, as the bot does after its form. */
export class TicketFactory {
  private readonly service: TicketService;
  private readonly beneficiaries: BeneficiaryRepository;

  constructor(store: Store) {
    this.service = new TicketService(store, {
      supportChannel: async () => undefined,
      render: renderTicketNotification,
    });
    this.beneficiaries = new BeneficiaryRepository(store);
  }

  /** Opens a ticket for this beneficiary. */
  async declare(siret: string, overrides: { title?: string; severity?: string } = {}): Promise<Ticket> {
    const beneficiary = (await this.beneficiaries.get(siret)) as Beneficiary;
    const actor: TicketActor = {
      kind: 'beneficiary',
      tenantId: beneficiary.tenantIds[0]!,
      objectId: randomUUID(),
      name: 'Agent de test',
      roles: [],
      beneficiaryIds: [siret],
    };
    const form = parseIncidentForm({
      severity: overrides.severity ?? '3',
      category: 'incident',
      domain: 'modern-workplace',
      title: overrides.title ?? `Incident ${randomUUID().slice(0, 8)}`,
      description: 'Le partage de fichiers ne répond plus depuis ce matin.',
    });
    const { ticket } = await this.service.declare({ form, beneficiary, actor, formId: randomUUID() });
    return ticket;
  }
}

/** Registers hooks that start the service (demo data, local sign-in) and stop it. */
export function useApiService(env: Record<string, string> = {}): {
  svc: RunningService;
  tickets: TicketFactory;
} {
  const rig = {} as { svc: RunningService; tickets: TicketFactory };
  beforeAll(async () => {
    rig.svc = await startService(env);
    rig.tickets = new TicketFactory(rig.svc.store);
  });
  afterAll(async () => {
    await rig.svc?.stop();
  });
  return rig;
}

/** Registers a hook that signs in every demo user of `USERS` once the service is up; their tokens by role. */
export function useDemoTokens(rig: { svc: RunningService }): Record<DemoRole, string> {
  const tokens = {} as Record<DemoRole, string>;
  beforeAll(async () => {
    for (const role of Object.keys(USERS) as DemoRole[]) tokens[role] = await signIn(rig.svc, USERS[role]);
  });
  return tokens;
}

/** True when the body is exactly one error in the API's format, carrying nothing else. */
export function isBareError(body: unknown, code: string): boolean {
  const b = body as { error?: Record<string, unknown> };
  return (
    Object.keys(b ?? {}).join() === 'error' &&
    b.error?.code === code &&
    typeof b.error.message === 'string' &&
    Object.keys(b.error).every((k) => ['code', 'message', 'requestId'].includes(k))
  );
}
