import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { fetchApiInfo, fetchReadiness } from '../api/service-status';
import { ApiVersion } from '../components/api-version';
import { ServiceStatus } from '../components/service-status';
import { StatusCard } from '../components/status-card';
import { useAsync } from '../hooks/use-async';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    // Two tiles side by side on a desktop tab, stacked on a phone.
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 280px), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  actions: { marginTop: tokens.spacingVerticalL },
});

/** Dashboard: for now the health of the service and the API version; tickets, quotes and orders come next. */
export function DashboardPage() {
  const styles = useStyles();
  const [readiness, reloadReadiness] = useAsync(fetchReadiness);
  const [apiInfo, reloadApiInfo] = useAsync(fetchApiInfo);
  const refresh = (): void => {
    reloadReadiness();
    reloadApiInfo();
  };

  return (
    <>
      <div className={styles.grid}>
        <StatusCard id="etat-service" title="État du service">
          <ServiceStatus state={readiness} />
        </StatusCard>
        <StatusCard id="version-api" title="API">
          <ApiVersion state={apiInfo} />
        </StatusCard>
      </div>
      <div className={styles.actions}>
        <Button onClick={refresh}>Actualiser</Button>
      </div>
    </>
  );
}
