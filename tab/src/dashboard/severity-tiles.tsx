import { Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { SEVERITY_LABELS } from '../format/labels';
import { ticketsHref } from '../navigation/routes';
import type { SeverityCount } from './dashboard-data';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 130px), 1fr))',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    width: '100%',
  },
  tile: {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderInlineStartWidth: tokens.strokeWidthThickest,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  s1: { borderInlineStartColor: tokens.colorPaletteRedBorder2 },
  s2: { borderInlineStartColor: tokens.colorPaletteDarkOrangeBorder2 },
  s3: { borderInlineStartColor: tokens.colorPaletteYellowBorder2 },
  s4: { borderInlineStartColor: tokens.colorPaletteBlueBorderActive },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  count: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
});

/** One tile per severity: the number of open tickets, a link to the list filtered on it. */
export function SeverityTiles({ counts }: { counts: readonly SeverityCount[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {counts.map(({ severity, count, more }) => (
        <li key={severity}>
          <a
            className={mergeClasses(styles.tile, styles[`s${severity}`])}
            href={ticketsHref({ status: 'open', severity: String(severity) })}
          >
            <Text weight="semibold" className={styles.count}>
              {count}
              {more ? '+' : ''}
            </Text>
            {/* Heard, not seen: the link then reads "3 tickets ouverts, Gravité 1, …". */}
            <span className={styles.hidden}>{count > 1 ? ' tickets ouverts, ' : ' ticket ouvert, '}</span>
            <Text weight="semibold">Gravité {severity}</Text>
            <Caption1>{SEVERITY_LABELS[severity]}</Caption1>
          </a>
        </li>
      ))}
    </ul>
  );
}
