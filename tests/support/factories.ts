/**
 * Shared test factories: a beneficiary, a Teams activity, a test configuration.
 */
import { randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../../bot/src/config/config';
import type { BeneficiaryInput } from '../../bot/src/domain/beneficiaries/beneficiary';
import { DEMO_BENEFICIARIES, DEMO_BENEFICIARY_TENANT } from '../../bot/src/cli/demo-data';

/** A valid beneficiary input: the demo "Ville de Bellerive-sur-Rhône" unless overridden. */
export function aBeneficiary(overrides: Partial<BeneficiaryInput> = {}): BeneficiaryInput {
  return { ...DEMO_BENEFICIARIES[0]!, ...overrides };
}

export interface ActivityOptions {
  type?: string;
  text?: string;
  value?: unknown;
  tenantId?: string;
  aadObjectId?: string;
  userName?: string;
  conversationId?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  serviceUrl?: string;
  teamId?: string;
  extra?: Record<string, unknown>;
}

/** A Teams activity as the Bot Framework connector posts it to /api/messages. */
export function anActivity(o: ActivityOptions = {}): Record<string, unknown> {
  const tenantId = o.tenantId ?? DEMO_BENEFICIARY_TENANT;
  const conversationType = o.conversationType ?? 'personal';
  return {
    type: o.type ?? 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl ?? 'http://127.0.0.1:9/',
    from: {
      id: `29:${o.aadObjectId ?? 'user'}`,
      name: o.userName ?? 'Léa Dubois',
      aadObjectId: o.aadObjectId ?? 'a1b2c3d4-0000-4000-8000-000000000005',
    },
    recipient: { id: '28:guichet-bot', name: 'Guichet' },
    conversation: { id: o.conversationId ?? `a:${randomUUID()}`, conversationType, tenantId },
    channelData: {
      tenant: { id: tenantId },
      ...(o.teamId ? { team: { id: o.teamId }, channel: { id: `${o.teamId};channel` } } : {}),
    },
    locale: 'fr-FR',
    ...(o.text !== undefined ? { text: o.text } : {}),
    ...(o.value !== undefined ? { value: o.value } : {}),
    ...o.extra,
  };
}

/** A configuration for tests: embedded defaults, quiet logs, no demo seed unless asked. */
export function aConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    PORT: '3978',
    HOST: '127.0.0.1',
    ...env,
  });
}
