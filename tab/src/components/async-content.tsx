import type { ReactNode } from 'react';
import { Body1, Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { AsyncState } from '../hooks/use-async';
import { ErrorMessage } from './error-message';

const useStyles = makeStyles({
  error: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalS,
  },
  empty: { color: tokens.colorNeutralForeground2 },
});

interface AsyncContentProps<T> {
  state: AsyncState<T>;
  /** "Chargement des tickets…" */
  loading: string;
  /** "Tickets indisponibles." */
  failed: string;
  onRetry?: () => void;
  /** Small inside a tile or a section (default), medium when the block is the whole page. */
  spinner?: 'small' | 'medium';
  /** What to say when the data holds nothing; omit when an empty result needs no special text. */
  empty?: { when: (data: T) => boolean; text: string };
  children: (data: T) => ReactNode;
}

/** The three states every data block has (loading, error with a retry, empty) around its content. */
export function AsyncContent<T>(props: AsyncContentProps<T>) {
  const { state, loading, failed, onRetry, spinner = 'small', empty, children } = props;
  const styles = useStyles();
  switch (state.status) {
    case 'loading':
      return <Spinner size={spinner} labelPosition="after" label={loading} />;
    case 'error':
      return (
        <div className={styles.error}>
          <ErrorMessage title={failed} message={state.message} />
          {onRetry && <Button onClick={onRetry}>Réessayer</Button>}
        </div>
      );
    case 'success':
      if (empty?.when(state.data)) return <Body1 className={styles.empty}>{empty.text}</Body1>;
      return <>{children(state.data)}</>;
  }
}
