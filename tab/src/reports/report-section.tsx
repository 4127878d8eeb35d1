import type { ReactNode } from 'react';
import { Card, CardHeader, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  card: { minWidth: 0 },
  heading: { margin: 0 },
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
});

/** A titled region of the report (screen readers list it among the page's landmarks). */
export function ReportSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = `${id}-titre`;
  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId} data-report-section={id}>
      <CardHeader
        header={
          <Subtitle2 as="h3" id={headingId} className={styles.heading}>
            {title}
          </Subtitle2>
        }
      />
      <div className={styles.body}>{children}</div>
    </Card>
  );
}
