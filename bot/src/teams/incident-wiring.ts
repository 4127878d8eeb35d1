/**
 * Builds what the incident handlers need from the store and the configuration.
 */
import type { Config } from '../config/config';
import { TicketService, type SupportChannelLookup } from '../services/ticket-service';
import { BeneficiaryRepository } from '../store/beneficiary-repository';
import { ConversationRepository } from '../store/conversation-repository';
import type { Store } from '../store/port';
import { StaffRepository } from '../store/staff-repository';
import { TicketRepository } from '../store/ticket-repository';
import type { IncidentDependencies } from './incident-handlers';
import { renderTicketNotification } from './notification-renderer';

/** Finds the Titulaire's support channel: the configured one, or the Titulaire channel heard last. */
export function supportChannelLookup(store: Store, config: Config): SupportChannelLookup {
  const conversations = new ConversationRepository(store);
  return async () => {
    const channel = await conversations.findStaffChannel(config.titulaireTenantId, config.supportChannelId);
    return channel && { pk: channel.pk, conversationId: channel.conversationId };
  };
}

/** The ticket service and repositories, with the support channel found among the Titulaire's channels. */
export function incidentDependencies(store: Store, config: Config, wake: () => void): IncidentDependencies {
  const now = () => new Date();
  const tickets = new TicketService(store, {
    supportChannel: supportChannelLookup(store, config),
    render: renderTicketNotification,
    wake,
    now,
  });
  return {
    tickets,
    ticketRepository: new TicketRepository(store),
    staff: new StaffRepository(store),
    beneficiaries: new BeneficiaryRepository(store),
    now,
  };
}
