import type { ReactNode } from 'react';
import { makeStyles, Title3, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 600px)': { paddingInline: tokens.spacingHorizontalM },
  },
  title: { margin: 0 },
});

/** The page banner: product name and the framework agreement it serves; `children` go to its end. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Title3 as="h1" className={styles.title}>
        Guichet — accord-cadre AOO_2024_PSTM
      </Title3>
      {children}
    </header>
  );
}
