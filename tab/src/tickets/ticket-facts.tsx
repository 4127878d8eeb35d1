import type { ReactNode } from 'react';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { TicketFull } from '../api/types';
import { Countdown } from '../components/countdown';
import { StatusBadge } from '../components/ticket-badges';
import { formatInZone, formatLongInZone, zoneTimeName } from '../format/dates';
import { CATEGORY_LABELS, CHANNEL_LABELS, DOMAIN_LABELS, labelOf, SEVERITY_LABELS } from '../format/labels';
import { FactList } from './fact-list';

const useStyles = makeStyles({
  zone: { display: 'block', marginBottom: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
});

/** The ticket's facts; every time is the beneficiary's wall time, in its zone, named. */
export function TicketFacts({ ticket }: { ticket: TicketFull }) {
  const styles = useStyles();
  const at = (instant: string): string => formatLongInZone(instant, ticket.zone);
  return (
    <>
      <Caption1 className={styles.zone}>
        Heures exprimées en {zoneTimeName(ticket.zone)}, le fuseau du bénéficiaire.
      </Caption1>
      <FactList
        facts={[
          ['Numéro', ticket.number],
          ['Bénéficiaire', `${ticket.beneficiaryName} (SIRET ${ticket.beneficiaryId})`],
          ['Gravité', `${ticket.severity} — ${SEVERITY_LABELS[ticket.severity]}`],
          ['Statut', <StatusBadge key="statut" status={ticket.status} />],
          ['Catégorie', labelOf(CATEGORY_LABELS, ticket.category)],
          ['Domaine', labelOf(DOMAIN_LABELS, ticket.domain)],
          ['Reçu le', `${at(ticket.receivedAt)}, par ${labelOf(CHANNEL_LABELS, ticket.channel)}`],
          [
            'Déclaré par',
            ticket.phone ? `${ticket.declaredBy.name} (${ticket.phone})` : ticket.declaredBy.name,
          ],
          [
            'Première réponse',
            <FirstResponse key="premiere-reponse" ticket={ticket} className={styles.stack} />,
          ],
          ['Rétablissement', restorationOf(ticket, styles.stack)],
          ['Suivi par', ticket.assignee?.name],
          ['Clos le', ticket.closedAt && at(ticket.closedAt)],
          ['Support', ticket.modality === 2 ? 'Option 24/7' : 'Support de base (heures ouvrées)'],
        ]}
      />
    </>
  );
}

function FirstResponse({ ticket, className }: { ticket: TicketFull; className: string }) {
  const due = formatInZone(ticket.firstResponseDueAt, ticket.zone);
  const given = ticket.firstResponse;
  if (given) {
    return (
      <span className={className}>
        <span>
          Donnée le {formatLongInZone(given.at, ticket.zone)} par {given.by.name},{' '}
          {given.onTime ? 'dans les délais' : 'hors délai'}
        </span>
        <Caption1>Échéance : {due}</Caption1>
      </span>
    );
  }
  return (
    <span className={className}>
      <span>Attendue au plus tard le {due}</span>
      <Countdown dueAt={ticket.firstResponseDueAt} />
    </span>
  );
}

function restorationOf(ticket: TicketFull, className: string): ReactNode {
  const r = ticket.restoration;
  if (r.status === 'running') {
    return (
      <span className={className}>
        <span>Attendu au plus tard le {formatInZone(r.dueAt, ticket.zone)}</span>
        {ticket.status !== 'resolved' && ticket.status !== 'closed' && <Countdown dueAt={r.dueAt} />}
      </span>
    );
  }
  if (r.status === 'paused') {
    const why = ticket.status === 'waiting-beneficiary' ? 'en attente du bénéficiaire' : 'ticket résolu';
    return `Délai suspendu depuis le ${formatLongInZone(r.pausedSince, ticket.zone)} (${why})`;
  }
  return undefined;
}
