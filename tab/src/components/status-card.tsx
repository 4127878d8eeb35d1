import type { ReactNode } from 'react';
import { Card, CardHeader, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  card: { minWidth: 0 },
  heading: { margin: 0 },
  // flex-start: a badge keeps its natural width instead of stretching into a bar.
  body: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalS,
  },
});

interface StatusCardProps {
  id: string;
  title: string;
  children: ReactNode;
  /**
   * Announce content changes politely (default). Off for tiles holding live countdowns, whose every
   * second would otherwise be read out.
   */
  live?: boolean;
}

/** One dashboard tile: a titled region (so screen readers list it) whose content updates politely. */
export function StatusCard({ id, title, children, live = true }: StatusCardProps) {
  const styles = useStyles();
  const headingId = `${id}-titre`;
  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <CardHeader
        header={
          <Subtitle2 as="h3" id={headingId} className={styles.heading}>
            {title}
          </Subtitle2>
        }
      />
      <div className={styles.body} aria-live={live ? 'polite' : undefined}>
        {children}
      </div>
    </Card>
  );
}
