import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(9rem, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    // At Teams mobile width the term goes above its value instead of squeezing it.
    '@media (max-width: 480px)': { gridTemplateColumns: '1fr', rowGap: tokens.spacingVerticalXXS },
  },
  // Groups a term with its value for the markup; the grid lays out its children directly.
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  value: {
    margin: 0,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
    '@media (max-width: 480px)': { marginBottom: tokens.spacingVerticalS },
  },
});

/** A description list of facts: term, value; `undefined` values are left out. */
export function FactList({ facts }: { facts: readonly (readonly [string, ReactNode | undefined])[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.list}>
      {facts
        .filter(([, value]) => value !== undefined && value !== null && value !== '')
        .map(([term, value]) => (
          <div key={term} className={styles.pair}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
