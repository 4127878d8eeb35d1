import type { ReactNode } from 'react';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  section: {
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    minWidth: 0,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalM },
  },
  title: { ...typographyStyles.subtitle2, marginBlockStart: 0, marginBlockEnd: tokens.spacingVerticalM },
});

/** A titled block of the ticket page, listed by screen readers as a region. */
export function TicketSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = `${id}-titre`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.title}>
        {title}
      </h4>
      {children}
    </section>
  );
}
