/**
 * Builds what the quote and order handlers (and, later, the API routes) need from the store and the
 * configuration, and tells the services where the approvers and the account managers are.
 *
 * Approvers are designated per beneficiary in the staff registry (partition = SIRET). Teams lets a
 * bot write first only into a conversation it already has: an approver is reached in the personal
 * chat stored when they last talked to the bot. An approver who never did gets nothing pushed —
 * the requester's copy of the quote says so and tells them to write "devis DEV-…" to the bot,
 * which shows the card with its buttons and stores their chat for the next quotes. Installing the
 * app for them (Graph `installedApps`, with the TeamsAppInstallation.ReadWriteForUser permission)
 * would close that gap and is left for the deployment issue.
 */
import type { Config } from '../config/config';
import type { Role } from '../domain/identity/requester';
import { OrderService } from '../services/order-service';
import {
  QuoteService,
  type ApproverReach,
  type ConversationTarget,
  type QuoteServiceOptions,
} from '../services/quote-service';
import { BeneficiaryRepository } from '../store/beneficiary-repository';
import { ConversationRepository, type ConversationRecord } from '../store/conversation-repository';
import { SYSTEM_PARTITION, type Container, type Doc, type Store } from '../store/port';
import { StaffRepository, type StaffMember } from '../store/staff-repository';
import { QUOTE_RENDERERS } from './cards/quote-notifications';
import type { ApproverDirectory, QuoteDependencies } from './quote-handlers';

type StaffDoc = Doc & StaffMember;
type ConversationDoc = Doc & ConversationRecord;

const APPROVER: Role = 'Beneficiary.Approver';
/** More approvers than a card can list for automatic refresh is already far beyond a public body's need. */
const MAX_APPROVERS = 60;

/** The staff registry and the stored conversations, read for quotes and orders. */
export class StoreApproverDirectory implements ApproverDirectory {
  private readonly staff: Container<StaffDoc>;
  private readonly registry: StaffRepository;
  private readonly conversations: Container<ConversationDoc>;
  private readonly beneficiaries: BeneficiaryRepository;
  private readonly conversationRepository: ConversationRepository;

  constructor(
    store: Store,
    private readonly config: Pick<Config, 'titulaireTenantId' | 'supportChannelId'>,
  ) {
    this.staff = store.container<StaffDoc>('staff');
    this.registry = new StaffRepository(store);
    this.conversations = store.container<ConversationDoc>('conversations');
    this.beneficiaries = new BeneficiaryRepository(store);
    this.conversationRepository = new ConversationRepository(store);
  }

  /** SIRETs this person approves for: the partitions of their approver entries. */
  async approverOf(tenantId: string, objectId: string): Promise<string[]> {
    return this.registry.approvedBy(tenantId, objectId);
  }

  /** The beneficiary's approvers, and the personal chats of those who talked to the bot. */
  async approvers(beneficiaryId: string): Promise<ApproverReach> {
    const page = await this.staff.query({
      pk: beneficiaryId,
      filters: [{ field: 'roles', op: 'arrayContains', value: APPROVER }],
      orderBy: [{ field: 'displayName' }],
      limit: MAX_APPROVERS,
    });
    const conversations: ApproverReach['conversations'] = [];
    for (const member of page.items) {
      const chat = await this.personalChat(member, beneficiaryId);
      if (!chat) continue;
      const user = (chat.reference as { user?: { id?: string } }).user;
      conversations.push({
        pk: chat.pk,
        conversationId: chat.conversationId,
        objectId: member.objectId,
        ...(user?.id ? { userId: user.id } : {}),
      });
    }
    return { objectIds: page.items.map((m) => m.objectId), conversations };
  }

  /**
   * Where account managers hear about quotes: their personal chats with the bot, or, when none of
   * them has talked to it yet, the Titulaire's channel (the support channel) so nothing is lost.
   */
  async accountManagers(): Promise<ConversationTarget[]> {
    const managers = await this.staff.query({
      pk: SYSTEM_PARTITION,
      filters: [{ field: 'roles', op: 'arrayContains', value: 'Account.Manager' }],
      limit: 100,
    });
    const ids = managers.items.map((m) => m.objectId);
    const chats =
      ids.length === 0
        ? []
        : (
            await this.conversations.query({
              pk: SYSTEM_PARTITION,
              filters: [
                { field: 'scope', op: 'eq', value: 'personal' },
                { field: 'userObjectId', op: 'in', value: ids },
              ],
              limit: 100,
            })
          ).items.filter((c) => !c.inactive);
    if (chats.length > 0) return chats.map((c) => ({ pk: c.pk, conversationId: c.conversationId }));
    const channel = await this.conversationRepository.findStaffChannel(
      this.config.titulaireTenantId,
      this.config.supportChannelId,
    );
    return channel ? [{ pk: channel.pk, conversationId: channel.conversationId }] : [];
  }

  /**
   * The approver's active personal chat. It is stored under the first active beneficiary of their
   * tenant, which for a groupement's shared tenant may be another member than this one.
   */
  private async personalChat(member: StaffDoc, beneficiaryId: string): Promise<ConversationDoc | undefined> {
    const others = (await this.beneficiaries.findByTenant(member.tenantId)).map((b) => b.siret);
    for (const pk of new Set([beneficiaryId, ...others])) {
      const page = await this.conversations.query({
        pk,
        filters: [
          { field: 'scope', op: 'eq', value: 'personal' },
          { field: 'userObjectId', op: 'eq', value: member.objectId },
        ],
        orderBy: [{ field: 'updatedAt', direction: 'desc' }],
        limit: 5,
      });
      const chat = page.items.find((c) => !c.inactive && c.tenantId === member.tenantId);
      if (chat) return chat;
    }
    return undefined;
  }
}

/** The quote and order services over the store, with the audiences found in the registries. */
export function quoteDependencies(
  store: Store,
  config: Pick<Config, 'titulaireTenantId' | 'supportChannelId'>,
  wake: () => void,
  options: Pick<QuoteServiceOptions, 'now' | 'terms'> = {},
): QuoteDependencies {
  const now = options.now ?? (() => new Date());
  const directory = new StoreApproverDirectory(store, config);
  const shared = { audiences: directory, render: QUOTE_RENDERERS, wake, now };
  return {
    quotes: new QuoteService(store, { ...shared, terms: options.terms }),
    orders: new OrderService(store, shared),
    directory,
    now,
  };
}
