/**
 * Fixtures of the outbox tests: virtual time, temporary store files, stored conversations pointing at
 * a fake connector, and pending messages written the way callers write them (a batch per partition).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../bot/src/jobs/rate-limiter';
import { ConversationRepository } from '../../bot/src/store/conversation-repository';
import {
  newOutboxMessage,
  type OutboxActivity,
  type OutboxMessage,
} from '../../bot/src/store/outbox-message';
import type { Store } from '../../bot/src/store/port';

export const BELLERIVE = '21690012300029';
export const TENANT = 'b0a1c2d3-0000-4000-8000-000000000001';
export const T0 = Date.parse('2026-03-03T08:00:00.000Z');

/** A clock whose sleeps advance time instantly. */
export interface VirtualClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

/** Virtual time starting at `start`. */
export function virtualClock(start = T0): VirtualClock {
  let t = start;
  return {
    now: () => t,
    sleep: async (ms) => {
      t += Math.max(0, ms);
    },
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = ms;
    },
  };
}

const dirs: string[] = [];

/** A fresh SQLite file path in a temporary directory (removed by `removeTempFiles`). */
export function tempStoreFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-outbox-'));
  dirs.push(dir);
  return join(dir, 'guichet.sqlite');
}

/** Removes the directories `tempStoreFile` created. */
export function removeTempFiles(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Stores a personal conversation reference whose serviceUrl is `serviceUrl`. */
export async function saveConversation(
  store: Store,
  serviceUrl: string,
  conversationId: string,
  options: { pk?: string; tenantId?: string } = {},
): Promise<void> {
  const tenantId = options.tenantId ?? TENANT;
  await new ConversationRepository(store).save({
    pk: options.pk ?? BELLERIVE,
    conversationId,
    scope: 'personal',
    tenantId,
    serviceUrl,
    reference: {
      activityId: 'incoming-1',
      user: { id: '29:user', name: 'Léa Dubois', aadObjectId: 'a1b2c3d4-0000-4000-8000-000000000005' },
      agent: { id: '28:guichet-bot', name: 'Guichet' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId },
      channelId: 'msteams',
      locale: 'fr-FR',
      serviceUrl,
    },
    updatedAt: new Date(T0).toISOString(),
  });
}

/** A pending message to `conversationId` (stored in partition `pk`, as its cause would be). */
export function anOutboxMessage(
  id: string,
  conversationId: string,
  options: { text?: string; at?: number; pk?: string; activity?: OutboxActivity } = {},
): OutboxMessage {
  const pk = options.pk ?? BELLERIVE;
  return newOutboxMessage(
    {
      id,
      pk,
      target: { pk, conversationId },
      activity: options.activity ?? { text: options.text ?? `message ${id}` },
    },
    new Date(options.at ?? T0).toISOString(),
  );
}

/** Writes messages as callers do: one batch per partition, in the `business` container. */
export async function writeOutbox(store: Store, messages: OutboxMessage[]): Promise<void> {
  const byPk = new Map<string, OutboxMessage[]>();
  for (const m of messages) byPk.set(m.pk, [...(byPk.get(m.pk) ?? []), m]);
  for (const [pk, msgs] of byPk) {
    for (let i = 0; i < msgs.length; i += 100) {
      await store.container<OutboxMessage>('business').batch(
        pk,
        msgs.slice(i, i + 100).map((doc) => ({ op: 'create' as const, doc })),
      );
    }
  }
}
