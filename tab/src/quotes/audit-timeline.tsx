import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { AuditEvent } from '../api/types';
import { formatShortInZone } from '../format/dates';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  item: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
  reason: { display: 'block', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

/** The audit events of a quote or an order, oldest first, with the status change each made. */
export function AuditTimeline({
  events,
  zone,
  labels,
}: {
  events: readonly AuditEvent[];
  zone: string;
  labels: Readonly<Record<string, string>>;
}) {
  const styles = useStyles();
  if (events.length === 0) return <Caption1>Aucun événement.</Caption1>;
  return (
    <ol className={styles.list}>
      {events.map((event) => {
        const reason = typeof event.details['reason'] === 'string' ? event.details['reason'] : undefined;
        return (
          <li key={event.id} className={styles.item}>
            <Caption1>
              <time dateTime={event.at}>{formatShortInZone(event.at, zone)}</time> — {event.actor.name}
              {event.version ? ` — version ${event.version}` : ''}
            </Caption1>
            <div>
              {event.before ? `${labels[event.before] ?? event.before} → ` : ''}
              {labels[event.after] ?? event.after}
            </div>
            {reason && <span className={styles.reason}>Raison : {reason}</span>}
          </li>
        );
      })}
    </ol>
  );
}
