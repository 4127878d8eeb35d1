import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatCountdown, urgencyOf } from '../format/countdown';
import { useNow } from '../hooks/use-now';

const useStyles = makeStyles({
  timer: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  ok: { color: tokens.colorNeutralForeground1 },
  soon: { color: tokens.colorPaletteDarkOrangeForeground2, fontWeight: tokens.fontWeightSemibold },
  late: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/**
 * Live time left before `dueAt`, or the delay once past it. role="timer" keeps screen readers quiet
 * (its live region is off by default): a voice reading every second would drown the page.
 */
export function Countdown({ dueAt, className }: { dueAt: string; className?: string }) {
  const styles = useStyles();
  const remaining = Date.parse(dueAt) - useNow();
  return (
    <span role="timer" className={mergeClasses(styles.timer, styles[urgencyOf(remaining)], className)}>
      {formatCountdown(remaining)}
    </span>
  );
}
