import type { ReactNode } from 'react';
import { Link, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    width: '100%',
  },
  line: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { overflowWrap: 'anywhere' },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
});

/** A short named list of a dashboard tile (tickets, quotes, orders), one `DashboardLine` each. */
export function DashboardLines({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className={useStyles().list} aria-label={label}>
      {children}
    </ul>
  );
}

/** One document of a tile: its title as a link to its page, then what matters about it now. */
export function DashboardLine({
  href,
  title,
  children,
}: {
  href: string;
  title: string;
  children?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <li className={styles.line}>
      <Link className={styles.title} href={href}>
        {title}
      </Link>
      <div className={styles.meta}>{children}</div>
    </li>
  );
}
