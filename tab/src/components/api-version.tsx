import { Body1, Spinner } from '@fluentui/react-components';
import type { ApiInfo } from '../api/service-status';
import type { AsyncState } from '../hooks/use-async';
import { ErrorMessage } from './error-message';

/** Name and version of the API the tab talks to (what support asks first when something breaks). */
export function ApiVersion({ state }: { state: AsyncState<ApiInfo> }) {
  switch (state.status) {
    case 'loading':
      return <Spinner size="tiny" labelPosition="after" label="Lecture de la version de l'API…" />;
    case 'error':
      return <ErrorMessage title="Version de l'API inconnue." message={state.message} />;
    case 'success':
      return (
        <Body1>
          API {state.data.name}, version <strong>{state.data.version}</strong>
        </Body1>
      );
  }
}
