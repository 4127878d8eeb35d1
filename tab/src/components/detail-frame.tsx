import type { ReactNode } from 'react';
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { AsyncState } from '../hooks/use-async';
import { AsyncContent } from './async-content';

const useStyles = makeStyles({
  back: { display: 'inline-block', marginBottom: tokens.spacingVerticalM },
});

interface DetailFrameProps<T> {
  /** The list the document belongs to: "#/devis", "Tous les devis". */
  back: { href: string; label: string };
  state: AsyncState<T>;
  /** "Chargement du devis…" */
  loading: string;
  /** "Devis indisponible." */
  failed: string;
  onRetry: () => void;
  children: (data: T) => ReactNode;
}

/** A document's page: the way back to its list, then the document once loaded (or why it is not). */
export function DetailFrame<T>({ back, state, loading, failed, onRetry, children }: DetailFrameProps<T>) {
  const styles = useStyles();
  return (
    <>
      <Link className={styles.back} href={back.href}>
        {`← ${back.label}`}
      </Link>
      <AsyncContent state={state} loading={loading} failed={failed} onRetry={onRetry} spinner="medium">
        {children}
      </AsyncContent>
    </>
  );
}
