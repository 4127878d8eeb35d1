/**
 * Conversation references: where the bot may write proactively (personal chat, group chat, team
 * channel). Stored on install and on every message, removed on uninstall. Partitioned by the
 * beneficiary they belong to, or the system partition for Titulaire and CANUT conversations.
 */
import { createHash } from 'node:crypto';
import { NotFoundError, PreconditionFailedError } from '../domain/errors';
import { SYSTEM_PARTITION, type Container, type Doc, type Store } from './port';

export type ConversationScope = 'personal' | 'groupChat' | 'channel';

export interface ConversationRecord {
  /** Partition: beneficiary SIRET or SYSTEM_PARTITION. */
  pk: string;
  conversationId: string;
  scope: ConversationScope;
  tenantId: string;
  teamId?: string;
  channelId?: string;
  userObjectId?: string;
  serviceUrl: string;
  /** The Bot Framework conversation reference, as the SDK wants it back for proactive sends. */
  reference: Record<string, unknown>;
  updatedAt: string;
  /**
   * Set when the connector answered 403/404 (bot removed, conversation deleted): the outbox stops
   * writing there. A later `save` without it (the bot heard from the conversation again) reactivates it.
   */
  inactive?: boolean;
  inactiveSince?: string;
  inactiveReason?: string;
}

type ConversationDoc = Doc & ConversationRecord & { type: 'conversation' };

/** Cosmos ids may not contain '/', '\\', '?' or '#'; Teams conversation ids might: hash them. */
function docId(conversationId: string): string {
  return createHash('sha256').update(conversationId).digest('hex').slice(0, 40);
}

/** Reads and writes conversation references. */
export class ConversationRepository {
  private readonly container: Container<ConversationDoc>;

  constructor(store: Store) {
    this.container = store.container<ConversationDoc>('conversations');
  }

  /** Records (or refreshes) a conversation reference. */
  async save(record: ConversationRecord): Promise<void> {
    await this.container.upsert({ ...record, id: docId(record.conversationId), type: 'conversation' });
  }

  /** The stored reference of a conversation, if any. */
  async get(pk: string, conversationId: string): Promise<ConversationRecord | undefined> {
    return this.container.read(pk, docId(conversationId));
  }

  /**
   * Marks a conversation inactive (dead for proactive messages); false when it is not stored.
   * Read-modify-write under ETag, so a concurrent refresh of the reference is not overwritten.
   */
  async markInactive(pk: string, conversationId: string, reason: string, now: Date): Promise<boolean> {
    const id = docId(conversationId);
    for (let attempt = 0; attempt < 3; attempt++) {
      const doc = await this.container.read(pk, id);
      if (doc === undefined) return false;
      if (doc.inactive) return true;
      const { _etag, _ts, ...fields } = doc;
      try {
        await this.container.replace(
          { ...fields, inactive: true, inactiveSince: now.toISOString(), inactiveReason: reason },
          { ifMatch: _etag },
        );
        return true;
      } catch (err) {
        if (err instanceof NotFoundError) return false;
        if (!(err instanceof PreconditionFailedError)) throw err;
      }
    }
    throw new PreconditionFailedError();
  }

  /** Removes one conversation (bot uninstalled from a chat). */
  async remove(pk: string, conversationId: string): Promise<boolean> {
    return this.container.delete(pk, docId(conversationId));
  }

  /** Removes every channel conversation of a team (bot uninstalled from the team). */
  async removeTeam(pk: string, teamId: string): Promise<number> {
    const page = await this.container.query({
      pk,
      filters: [{ field: 'teamId', op: 'eq', value: teamId }],
      limit: 1000,
    });
    for (const doc of page.items) await this.container.delete(pk, doc.id);
    return page.items.length;
  }

  /** Every conversation stored in a partition. */
  async list(pk: string): Promise<ConversationRecord[]> {
    const page = await this.container.query({
      pk,
      orderBy: [{ field: 'updatedAt', direction: 'desc' }],
      limit: 1000,
    });
    return page.items;
  }

  /**
   * The channel where the Titulaire's support team gets tickets: `preferredId` when it is stored and
   * active, otherwise the Titulaire channel that spoke with the bot most recently.
   */
  async findStaffChannel(tenantId: string, preferredId?: string): Promise<ConversationRecord | undefined> {
    const page = await this.container.query({
      pk: SYSTEM_PARTITION,
      filters: [
        { field: 'scope', op: 'eq', value: 'channel' },
        { field: 'tenantId', op: 'eq', value: tenantId.toLowerCase() },
      ],
      orderBy: [{ field: 'updatedAt', direction: 'desc' }],
      limit: 100,
    });
    const active = page.items.filter((c) => !c.inactive);
    return active.find((c) => c.conversationId === preferredId) ?? active[0];
  }
}
