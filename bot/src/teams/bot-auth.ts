/**
 * Authentication of incoming activities. The Agents SDK's `process()` does not check the JWT
 * (FIELD-NOTES.md), so every POST /api/messages goes through `authorizeJWT` first. Its middleware
 * expects Express-style chaining; restify's `res.status()` does not chain, so it is called with a
 * small response shim and its verdict is turned into Guichet's own error format.
 */
import {
  authorizeJWT,
  getAuthConfigWithDefaults,
  type AuthConfiguration,
  type Request,
} from '@microsoft/agents-hosting';
import type { Config } from '../config/config';

export interface AuthVerdict {
  ok: boolean;
  status?: number;
  reason?: string;
}

/** The SDK auth configuration for the bot's identity (empty = anonymous, refused in production). */
export function botAuthConfig(config: Config): AuthConfiguration {
  const { clientId, tenantId, clientSecret, authType, authorityEndpoint } = config.bot;
  if (!clientId) return {};
  return getAuthConfigWithDefaults({ clientId, tenantId, clientSecret, authType, authorityEndpoint });
}

/** Returns a checker that validates the bearer token of an incoming activity request. */
export function activityAuthenticator(authConfig: AuthConfiguration): (req: Request) => Promise<AuthVerdict> {
  const verify = authorizeJWT(authConfig);
  return async (req) => {
    const verdict: AuthVerdict = { ok: false };
    const shim = {
      status(code: number) {
        verdict.status = code;
        return shim;
      },
      send(body: unknown) {
        const b = body as Record<string, unknown> | undefined;
        verdict.reason =
          typeof b?.['jwt-auth-error'] === 'string' ? (b['jwt-auth-error'] as string) : undefined;
        return shim;
      },
      end() {
        return shim;
      },
    };
    await verify(req, shim as never, () => {
      verdict.ok = true;
    });
    return verdict;
  };
}
