import { useState } from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { AtRiskTickets } from '../dashboard/at-risk-tickets';
import { OpenBySeverity } from '../dashboard/open-by-severity';
import { OrdersUnderWay } from '../dashboard/orders-under-way';
import { QuotesToSend } from '../dashboard/quotes-to-send';
import { RecentTickets } from '../dashboard/recent-tickets';
import { ServiceHealth } from '../dashboard/service-health';

const useStyles = makeStyles({
  toolbar: { display: 'flex', justifyContent: 'flex-end', marginBottom: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    // Side by side on a desktop tab, stacked at Teams mobile width.
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 340px), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  severity: { marginBottom: tokens.spacingVerticalL },
  commercial: { marginTop: tokens.spacingVerticalL },
  health: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 280px), 1fr))',
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalL,
  },
});

/**
 * Dashboard: open tickets per severity, tickets whose first response is due (live countdowns), the
 * latest changes, the quotes to send soonest and the orders under way, and the service's health.
 * "Actualiser" remounts the blocks, which reload.
 */
export default function DashboardPage() {
  const styles = useStyles();
  const [generation, setGeneration] = useState(0);
  return (
    <>
      <div className={styles.toolbar}>
        <Button onClick={() => setGeneration((n) => n + 1)}>Actualiser</Button>
      </div>
      <div key={generation}>
        <div className={styles.severity}>
          <OpenBySeverity />
        </div>
        <div className={styles.grid}>
          <AtRiskTickets />
          <RecentTickets />
        </div>
        <div className={mergeClasses(styles.grid, styles.commercial)}>
          <QuotesToSend />
          <OrdersUnderWay />
        </div>
        <div className={styles.health}>
          <ServiceHealth />
        </div>
      </div>
    </>
  );
}
