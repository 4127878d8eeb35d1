import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { QuoteSummary } from '../api/types';
import { formatLocalDate } from './quote-format';
import { todayIn, workingDaysUntil } from './working-days';

const useStyles = makeStyles({
  text: { whiteSpace: 'nowrap' },
  soon: { color: tokens.colorPaletteDarkOrangeForeground2, fontWeight: tokens.fontWeightSemibold },
  late: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/**
 * The quote's answer deadline: its date and, while the quote is not sent yet, the working days left
 * ("encore 3 jours ouvrés", "dernier jour", "en retard de 2 jours ouvrés"); once sent, whether it was on
 * time.
 */
export function DueCountdown({ quote }: { quote: QuoteSummary }) {
  const styles = useStyles();
  const date = formatLocalDate(quote.dueDate);
  if (quote.timeliness) {
    return (
      <span>
        {date} —{' '}
        {quote.timeliness.onTime
          ? 'envoyé à temps'
          : `envoyé avec ${quote.timeliness.workingDaysLate} j ouvré(s) de retard`}
      </span>
    );
  }
  if (quote.status !== 'requested' && quote.status !== 'in-preparation') return <span>{date}</span>;
  const left = workingDaysUntil(todayIn('Europe/Paris'), quote.dueDate);
  const text =
    left < 0
      ? `en retard de ${workingDays(-left)}`
      : left === 0
        ? 'dernier jour'
        : `encore ${workingDays(left)}`;
  return (
    <span className={styles.text}>
      {date} —{' '}
      <span className={mergeClasses(left < 0 && styles.late, left >= 0 && left <= 2 && styles.soon)}>
        {text}
      </span>
    </span>
  );
}

/** "1 jour ouvré", "3 jours ouvrés". */
function workingDays(n: number): string {
  return n > 1 ? `${n} jours ouvrés` : `${n} jour ouvré`;
}
