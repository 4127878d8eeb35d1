/**
 * The local demonstration sign-in (never in production): the tab, opened outside Teams, lists the
 * demo users and asks for a token for one of them. The token comes from the local OpenID provider
 * and is verified like any Entra token; the demo users are those of the demo data set, with the
 * roles Entra would put in their token.
 */
import { z } from 'zod';
import { DEMO_AGENTS, DEMO_BENEFICIARIES, DEMO_STAFF } from '../cli/demo-data';
import { DEMO_TENANTS } from '../config/config';
import { NotFoundError } from '../domain/errors';
import type { Role } from '../domain/identity/requester';
import { API_ROLES } from './api-caller';
import { publicRoute, type ApiRoute } from './api-route';
import { startLocalOpenIdProvider, type LocalOpenIdProvider } from './local-openid-provider';

/** Audience of local tokens when no AUTH_AUDIENCE is configured. */
export const LOCAL_AUDIENCE = 'api://localhost/guichet';

const TOKEN_LIFETIME_SECONDS = 8 * 3600;

const ROLE_LABELS: Record<Role, string> = {
  'Support.Engineer': 'Ingénieur support',
  'Account.Manager': 'Chargé de compte',
  Admin: 'Administrateur',
  'Canut.Staff': 'Agent du CANUT',
  'Beneficiary.Approver': 'Approbateur',
};

const demoUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  tenantId: z.string(),
  organisation: z.string(),
  role: z.string().describe('Rôle en français'),
  roles: z.array(z.enum(API_ROLES)),
});
/** A demo user as the sign-in page lists it. */
export type DemoUser = z.output<typeof demoUser>;

/** The demo users, staff first; the Titulaire's and the CANUT's tenants are the configured ones. */
export function demoUsers(tenants: { titulaireTenantId: string; canutTenantId: string }): DemoUser[] {
  const organisationOf = (tenantId: string) =>
    DEMO_BENEFICIARIES.filter((b) => b.tenantIds.includes(tenantId))
      .map((b) => b.name)
      .join(' / ');
  const staff = DEMO_STAFF.map((m) => {
    const titulaire = m.tenantId === DEMO_TENANTS.titulaire;
    const canut = m.tenantId === DEMO_TENANTS.canut;
    return {
      id: m.objectId,
      name: m.displayName,
      email: m.email ?? '',
      tenantId: titulaire ? tenants.titulaireTenantId : canut ? tenants.canutTenantId : m.tenantId,
      organisation: titulaire ? 'Titulaire' : canut ? 'CANUT' : organisationOf(m.tenantId),
      role: m.roles.map((r) => ROLE_LABELS[r]).join(', '),
      roles: m.roles,
    };
  });
  const agents = DEMO_AGENTS.map((a) => ({
    id: a.objectId,
    name: a.displayName,
    email: a.email,
    tenantId: a.tenantId,
    organisation: organisationOf(a.tenantId),
    role: 'Agent du bénéficiaire',
    roles: [],
  }));
  return [...staff, ...agents];
}

/** The local provider's lifecycle and the two sign-in routes. */
export class LocalSignIn {
  private provider?: LocalOpenIdProvider;
  private readonly users: DemoUser[];

  constructor(
    private readonly options: {
      port: number;
      audience: string;
      tenants: { titulaireTenantId: string; canutTenantId: string };
    },
  ) {
    this.users = demoUsers(options.tenants);
  }

  /** The `aud` of the tokens it signs. */
  get audience(): string {
    return this.options.audience;
  }

  /** Starts the provider; returns its discovery URL, for the verifier. */
  async start(): Promise<string> {
    this.provider ??= await startLocalOpenIdProvider(this.options.port);
    return this.provider.discoveryUrl;
  }

  /** Stops the provider. */
  async stop(): Promise<void> {
    await this.provider?.stop();
    this.provider = undefined;
  }

  /** `GET /api/v1/local-sign-in/users` and `POST /api/v1/local-sign-in`. */
  routes(): ApiRoute[] {
    const users = publicRoute(
      {
        method: 'get',
        path: '/api/v1/local-sign-in/users',
        operationId: 'listDemoUsers',
        summary: 'Utilisateurs de démonstration (connexion locale, jamais en production)',
        tag: 'Connexion locale',
        response: z.object({ users: z.array(demoUser) }),
        errors: [],
      },
      async () => ({ users: this.users }),
    );
    const signIn = publicRoute(
      {
        method: 'post',
        path: '/api/v1/local-sign-in',
        operationId: 'signInLocally',
        summary: "Jeton d'accès pour un utilisateur de démonstration (connexion locale)",
        tag: 'Connexion locale',
        body: z.object({ userId: z.string().min(1).max(64) }),
        response: z.object({
          accessToken: z.string(),
          tokenType: z.literal('Bearer'),
          expiresIn: z.number().int().describe('Durée de validité en secondes'),
          user: demoUser,
        }),
        errors: [400, 404],
      },
      async ({ body }) => {
        const user = this.users.find((u) => u.id === body.userId.toLowerCase());
        if (!user) throw new NotFoundError('Cet utilisateur de démonstration');
        return {
          accessToken: await this.tokenFor(user),
          tokenType: 'Bearer' as const,
          expiresIn: TOKEN_LIFETIME_SECONDS,
          user,
        };
      },
    );
    return [users, signIn];
  }

  private async tokenFor(user: DemoUser): Promise<string> {
    if (!this.provider) throw new Error('local OpenID provider not started');
    // The claims of an Entra v2.0 access token for the tab (no `roles` claim when there is no role).
    return this.provider.issue(
      {
        aud: this.options.audience,
        tid: user.tenantId,
        oid: user.id,
        sub: user.id,
        name: user.name,
        preferred_username: user.email,
        ver: '2.0',
        scp: 'access_as_user',
        ...(user.roles.length > 0 ? { roles: user.roles } : {}),
      },
      TOKEN_LIFETIME_SECONDS,
    );
  }
}
