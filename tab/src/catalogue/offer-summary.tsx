import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { PriceSchedule } from '../api/types';
import { formatLocalDate } from '../quotes/quote-format';

const useStyles = makeStyles({
  text: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** The offer in a few lines: what the agreement covers, its kinds of service, the schedule in force. */
export function OfferSummary({ schedule }: { schedule: PriceSchedule }) {
  const styles = useStyles();
  const kinds = [...new Set(schedule.lines.map((line) => line.kindLabel))];
  return (
    <div className={styles.text}>
      <Body1>
        L’accord-cadre AOO_2024_PSTM couvre les prestations spécialisées sur les technologies Microsoft,
        commandées sur devis aux prix du bordereau ci-dessous :
      </Body1>
      <ul className={styles.list} aria-label="Types de prestation">
        {kinds.map((kind) => (
          <li key={kind}>
            <Body1>{kind}</Body1>
          </li>
        ))}
      </ul>
      <Body1>
        Chaque demande de devis reçoit sa réponse au plus tard le 10e jour ouvré qui suit sa réception. Prix
        de la version {schedule.version} du bordereau, en vigueur depuis le{' '}
        {formatLocalDate(schedule.validFrom)}.
      </Body1>
    </div>
  );
}
