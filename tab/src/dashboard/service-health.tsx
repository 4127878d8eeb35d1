import { fetchApiInfo, fetchReadiness } from '../api/service-status';
import { ApiVersion } from '../components/api-version';
import { ServiceStatus } from '../components/service-status';
import { StatusCard } from '../components/status-card';
import { useAsync } from '../hooks/use-async';

/** The health of the service and the API version (what support asks first when something breaks). */
export function ServiceHealth() {
  const [readiness] = useAsync(fetchReadiness);
  const [apiInfo] = useAsync(fetchApiInfo);
  return (
    <>
      <StatusCard id="etat-service" title="État du service">
        <ServiceStatus state={readiness} />
      </StatusCard>
      <StatusCard id="version-api" title="API">
        <ApiVersion state={apiInfo} />
      </StatusCard>
    </>
  );
}
