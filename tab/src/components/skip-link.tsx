import type { MouseEvent } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  // Hidden until focused, so keyboard users can jump over the header and nav (WCAG 2.4.1).
  link: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 1,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    ':focus': { top: tokens.spacingVerticalS },
  },
});

export function SkipLink({ targetId }: { targetId: string }) {
  const styles = useStyles();
  return (
    <a className={styles.link} href={`#${targetId}`} onClick={(event) => skipTo(event, targetId)}>
      Aller au contenu principal
    </a>
  );
}

/** The router owns the hash: move focus by hand instead of letting "#contenu" become a route. */
function skipTo(event: MouseEvent, targetId: string): void {
  event.preventDefault();
  document.getElementById(targetId)?.focus();
}
