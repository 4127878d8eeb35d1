import { Badge, Caption1, Spinner } from '@fluentui/react-components';
import type { Readiness } from '../api/service-status';
import type { AsyncState } from '../hooks/use-async';
import { ErrorMessage } from './error-message';

/** Readiness of the service as a badge; an unreachable service is shown as unavailable, with the reason. */
export function ServiceStatus({ state }: { state: AsyncState<Readiness> }) {
  switch (state.status) {
    case 'loading':
      return <Spinner size="tiny" labelPosition="after" label="Vérification de l'état du service…" />;
    case 'error':
      return (
        <>
          <UnavailableBadge />
          <ErrorMessage title="État du service inconnu." message={state.message} />
        </>
      );
    case 'success':
      return state.data.operational ? (
        <>
          <Badge appearance="filled" color="success" size="large">
            Service opérationnel
          </Badge>
          {state.data.store && <Caption1>Stockage : {state.data.store}</Caption1>}
        </>
      ) : (
        <>
          <UnavailableBadge />
          <Caption1>État signalé par le service : {state.data.status}</Caption1>
        </>
      );
  }
}

function UnavailableBadge() {
  return (
    <Badge appearance="filled" color="danger" size="large">
      Service indisponible
    </Badge>
  );
}
