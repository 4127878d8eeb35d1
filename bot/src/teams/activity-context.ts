/**
 * What Guichet reads from an incoming Teams activity: tenant, user, conversation scope, team.
 * The deprecated Teams extension of the Agents SDK is not used (FIELD-NOTES.md): the fields are
 * read from the activity as Teams sends them.
 */
import type { Activity } from '@microsoft/agents-activity';
import type { ConversationScope } from '../store/conversation-repository';

export interface ActivityFacts {
  tenantId?: string;
  userObjectId?: string;
  userName?: string;
  conversationId?: string;
  scope: ConversationScope;
  teamId?: string;
  channelId?: string;
}

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string };
  channel?: { id?: string };
}

/** Extracts the Teams facts Guichet needs from an activity. */
export function activityFacts(activity: Activity): ActivityFacts {
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  const conversationType = activity.conversation?.conversationType;
  const scope: ConversationScope =
    conversationType === 'channel' ? 'channel' : conversationType === 'groupChat' ? 'groupChat' : 'personal';
  return {
    tenantId: (channelData.tenant?.id ?? activity.conversation?.tenantId)?.toLowerCase(),
    userObjectId: activity.from?.aadObjectId?.toLowerCase(),
    userName: activity.from?.name || undefined,
    conversationId:
      scope === 'channel' ? channelConversationId(activity.conversation?.id) : activity.conversation?.id,
    scope,
    teamId: channelData.team?.id,
    channelId: channelData.channel?.id,
  };
}

/**
 * In a channel, Teams addresses a reply thread as `<channel id>;messageid=<root post>`. Guichet keeps
 * the channel itself, so that proactive messages start new posts instead of landing in an old thread.
 */
export function channelConversationId(id: string | undefined): string | undefined {
  return id?.replace(/;messageid=\d+$/, '');
}

/** True when the bot itself is among the members added or removed. */
export function concernsBot(activity: Activity, members: { id?: string }[] | undefined): boolean {
  const botId = activity.recipient?.id;
  return !!botId && (members ?? []).some((m) => m.id === botId);
}
