import type { ReactNode } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { ErrorMessage } from '../components/error-message';
import type { PagesState } from './use-pages';

const useStyles = makeStyles({
  bar: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  field: { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  native: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
  more: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalL,
  },
  block: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalS,
  },
});

/** A filter bar of native selects (usable on a phone and with a screen reader). */
export function FilterChoices({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.bar} role="search" aria-label={label}>
      {children}
    </div>
  );
}

export function Choice(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <Field label={props.label} className={styles.field}>
      <Select
        select={{ className: styles.native }}
        value={props.value}
        onChange={(_e, data) => props.onChange(data.value)}
      >
        {props.children}
      </Select>
    </Field>
  );
}

/** Loading, error, empty, or the items with "Charger plus" while the API has more pages. */
export function PagedList<T>({
  pages: { state, loadMore, retry },
  noun,
  empty,
  children,
}: {
  pages: { state: PagesState<T>; loadMore: () => void; retry: () => void };
  /** "devis", "commande(s)". */
  noun: { one: string; many: string; title: string };
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  const styles = useStyles();
  if (state.status === 'loading') return <Spinner label={`Chargement des ${noun.many}…`} />;
  if (state.status === 'error')
    return (
      <div className={styles.block}>
        <ErrorMessage title={`${noun.title} indisponibles.`} message={state.message} />
        <Button onClick={retry}>Réessayer</Button>
      </div>
    );
  if (state.items.length === 0) return <Body1>{empty}</Body1>;
  const n = state.items.length;
  return (
    <>
      {children(state.items)}
      <div className={styles.more}>
        <Caption1 role="status">
          {n} {n > 1 ? noun.many : noun.one} affiché{n > 1 ? 's' : ''}
          {state.next ? '' : ` — tout est affiché`}
        </Caption1>
        {state.next && (
          <Button onClick={loadMore} disabledFocusable={state.loadingMore}>
            {state.loadingMore ? 'Chargement…' : 'Charger plus'}
          </Button>
        )}
        {state.moreError && <ErrorMessage title="Page suivante indisponible." message={state.moreError} />}
      </div>
    </>
  );
}
