/**
 * Keeps the conversation references the outbox needs for proactive messages: saved on install and on
 * every message from a known requester, removed when the bot is uninstalled.
 */
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Requester } from '../domain/identity/requester';
import type { ConversationRepository } from '../store/conversation-repository';
import { SYSTEM_PARTITION } from '../store/port';
import { activityFacts } from './activity-context';

/** The partition a requester's conversations belong to; undefined for unknown requesters. */
export function partitionOf(requester: Requester): string | undefined {
  if (requester.kind === 'unknown') return undefined;
  if (requester.kind === 'beneficiary') return requester.beneficiaries.find((b) => b.active)?.siret;
  return SYSTEM_PARTITION;
}

/** Saves (or refreshes) the reference of the conversation the turn belongs to. */
export async function rememberConversation(
  conversations: ConversationRepository,
  ctx: TurnContext,
  requester: Requester,
  now: Date,
): Promise<void> {
  const pk = partitionOf(requester);
  const facts = activityFacts(ctx.activity);
  if (!pk || !facts.conversationId || !facts.tenantId || !ctx.activity.serviceUrl) return;
  await conversations.save({
    pk,
    conversationId: facts.conversationId,
    scope: facts.scope,
    tenantId: facts.tenantId,
    teamId: facts.teamId,
    channelId: facts.channelId,
    userObjectId: facts.scope === 'personal' ? facts.userObjectId : undefined,
    serviceUrl: ctx.activity.serviceUrl,
    reference: referenceOf(ctx, facts.conversationId),
    updatedAt: now.toISOString(),
  });
}

/** The SDK's conversation reference as plain JSON, addressed to the conversation itself (not a thread). */
function referenceOf(ctx: TurnContext, conversationId: string): Record<string, unknown> {
  const reference = JSON.parse(JSON.stringify(ctx.activity.getConversationReference())) as {
    conversation?: { id?: string };
    activityId?: string;
  };
  if (reference.conversation) reference.conversation.id = conversationId;
  delete reference.activityId;
  return reference as Record<string, unknown>;
}

/** Forgets the conversation (or, for a team, every channel of it) the bot was removed from. */
export async function forgetConversation(
  conversations: ConversationRepository,
  ctx: TurnContext,
  requester: Requester,
): Promise<void> {
  const pk = partitionOf(requester);
  const facts = activityFacts(ctx.activity);
  if (!pk || !facts.conversationId) return;
  if (facts.scope === 'channel' && facts.teamId) await conversations.removeTeam(pk, facts.teamId);
  else await conversations.remove(pk, facts.conversationId);
}
