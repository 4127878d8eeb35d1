import type { ReactNode } from 'react';
import { Field, makeStyles, mergeClasses, Select, tokens } from '@fluentui/react-components';
import type { VisibleBeneficiary } from '../api/types';

const useStyles = makeStyles({
  bar: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  // A native select is as wide as its longest option ("Service départemental d'incendie et de
  // secours…"): let it shrink to its grid cell instead of pushing the page sideways on a phone.
  field: { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  select: { minWidth: 0, width: '100%' },
  native: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

/** A bar of filters (a search landmark named by `label`), as many columns as the width allows. */
export function FilterChoices({
  label,
  className,
  children,
}: {
  label: string;
  /** Overrides of the bar's layout (narrower columns). */
  className?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.bar, className)} role="search" aria-label={label}>
      {children}
    </div>
  );
}

/** One filter: a native select (Fluent's Select), the most usable choice on a phone and with a screen reader. */
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
        className={styles.select}
        select={{ className: styles.native }}
        value={props.value}
        onChange={(_event, data) => props.onChange(data.value)}
      >
        {props.children}
      </Select>
    </Field>
  );
}

/** The beneficiary filter, offered only to those who see several (the Titulaire, the CANUT, a groupement). */
export function BeneficiaryChoice({
  beneficiaries,
  value,
  onChange,
  all,
}: {
  beneficiaries: readonly VisibleBeneficiary[];
  value: string;
  onChange: (value: string) => void;
  /** Text of the "no filter" option (value ""); none when a beneficiary must be chosen. */
  all: string | undefined;
}) {
  if (beneficiaries.length <= 1) return null;
  return (
    <Choice label="Bénéficiaire" value={value} onChange={onChange}>
      {all !== undefined && <option value="">{all}</option>}
      {beneficiaries.map((b) => (
        <option key={b.id} value={b.id}>
          {b.name}
        </option>
      ))}
    </Choice>
  );
}
