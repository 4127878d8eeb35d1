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

/** One dashboard tile: a titled region (so screen readers list it) whose content updates politely. */
export function StatusCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
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
      <div className={styles.body} aria-live="polite">
        {children}
      </div>
    </Card>
  );
}
