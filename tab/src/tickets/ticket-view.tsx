import { useEffect, useRef } from 'react';
import {
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import type { TicketActionRequest } from '../api/tickets';
import type { TicketActionType, TicketDetail } from '../api/types';
import { SeverityBadge, StatusBadge } from '../components/ticket-badges';
import type { useIdempotentCall } from '../hooks/use-idempotent-call';
import { ResolutionReport } from './resolution-report';
import { TicketActions } from './ticket-actions';
import { TicketFacts } from './ticket-facts';
import { TicketSection } from './ticket-section';
import { TicketTimeline } from './ticket-timeline';

const useStyles = makeStyles({
  heading: { ...typographyStyles.subtitle1, margin: 0, overflowWrap: 'anywhere' },
  badges: { display: 'flex', gap: tokens.spacingHorizontalS, marginBlock: tokens.spacingVerticalS },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    marginTop: tokens.spacingVerticalL,
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  description: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  notice: { marginBlock: tokens.spacingVerticalM },
});

interface TicketViewProps {
  detail: TicketDetail;
  /** What the last action did, focused so a screen reader says it and the keyboard starts there. */
  notice: string | undefined;
  action: ReturnType<typeof useIdempotentCall<TicketActionRequest, TicketDetail, TicketActionType>>;
}

export function TicketView({
  detail: { ticket, timeline, availableActions },
  notice,
  action,
}: TicketViewProps) {
  const styles = useStyles();
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => noticeRef.current?.focus(), [notice, timeline.length]);
  return (
    <>
      <h3 className={styles.heading}>
        {ticket.number} — {ticket.title}
      </h3>
      <div className={styles.badges}>
        <SeverityBadge severity={ticket.severity} />
        <StatusBadge status={ticket.status} />
      </div>
      {notice && !action.failure && (
        <div ref={noticeRef} tabIndex={-1} role="status" className={styles.notice}>
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      {availableActions.length > 0 && (
        <TicketSection id="actions" title="Actions">
          {/* Keyed by the timeline: a form closes once its action went through. */}
          <TicketActions key={timeline.length} available={availableActions} zone={ticket.zone} {...action} />
        </TicketSection>
      )}
      <div className={styles.columns}>
        <div className={styles.column}>
          <TicketSection id="informations" title="Informations">
            <TicketFacts ticket={ticket} />
          </TicketSection>
          <TicketSection id="description" title="Description">
            <Body1 className={styles.description}>{ticket.description}</Body1>
          </TicketSection>
          {ticket.resolution && (
            <TicketSection id="rapport" title="Rapport d'intervention">
              <ResolutionReport ticket={ticket} />
            </TicketSection>
          )}
        </div>
        <TicketSection id="chronologie" title="Chronologie">
          <TicketTimeline events={timeline} zone={ticket.zone} />
        </TicketSection>
      </div>
    </>
  );
}
