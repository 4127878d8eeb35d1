import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { TimelineEvent } from '../api/types';
import { formatShortInZone, zoneTimeName } from '../format/dates';
import { ACTOR_ROLE_LABELS, CHANNEL_LABELS, EVENT_VERBS, labelOf, STATUS_LABELS } from '../format/labels';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none' },
  event: {
    position: 'relative',
    paddingInlineStart: tokens.spacingHorizontalXL,
    paddingBlockEnd: tokens.spacingVerticalL,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke2,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    // The dot on the line marks each event.
    '::before': {
      content: '""',
      position: 'absolute',
      insetInlineStart: '-7px',
      top: '4px',
      width: '12px',
      height: '12px',
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorBrandBackground,
    },
  },
  quote: {
    margin: 0,
    marginBlockStart: tokens.spacingVerticalXS,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke1,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  zone: { display: 'block', marginBottom: tokens.spacingVerticalM, color: tokens.colorNeutralForeground2 },
});

/** The audit trail, oldest first: who (with role and channel), when, what, and the status change. */
export function TicketTimeline({ events, zone }: { events: readonly TimelineEvent[]; zone: string }) {
  const styles = useStyles();
  return (
    <>
      <Caption1 className={styles.zone}>Heures exprimées en {zoneTimeName(zone)}.</Caption1>
      <ol className={styles.list}>
        {events.map((event) => (
          <li key={event.id} className={styles.event}>
            <Caption1>
              <time dateTime={event.at}>{formatShortInZone(event.at, zone)}</time>
            </Caption1>
            <Text>
              <Text weight="semibold">{event.actor.name}</Text> (
              {labelOf(ACTOR_ROLE_LABELS, event.actor.role)}, depuis{' '}
              {labelOf(CHANNEL_LABELS, event.actor.channel)}) {labelOf(EVENT_VERBS, event.action)}.
            </Text>
            {event.before !== event.after && (
              <Caption1>
                Statut : {event.before ? `${STATUS_LABELS[event.before]} → ` : ''}
                {STATUS_LABELS[event.after]}
              </Caption1>
            )}
            <EventDetails event={event} zone={zone} quoteClass={styles.quote} />
          </li>
        ))}
      </ol>
    </>
  );
}

/** What an event adds beyond its verb: the message, the reason, the new assignee, the timeliness. */
function EventDetails({
  event,
  zone,
  quoteClass,
}: {
  event: TimelineEvent;
  zone: string;
  quoteClass: string;
}) {
  const d = event.details;
  const text =
    typeof d['message'] === 'string' ? d['message'] : typeof d['reason'] === 'string' ? d['reason'] : '';
  const to = (d['to'] as { name?: unknown } | null | undefined)?.name;
  const notes = [
    event.action === 'take' && typeof d['onTime'] === 'boolean'
      ? d['onTime']
        ? 'Première réponse dans les délais.'
        : 'Première réponse hors délai.'
      : '',
    typeof to === 'string' ? `Confié à ${to}.` : '',
    event.action === 'resolve' && typeof d['restoredAt'] === 'string'
      ? `Service rétabli le ${formatShortInZone(d['restoredAt'], zone)}.`
      : '',
  ].filter(Boolean);
  return (
    <>
      {notes.map((note) => (
        <Caption1 key={note}>{note}</Caption1>
      ))}
      {text && <blockquote className={quoteClass}>{text}</blockquote>}
    </>
  );
}
