import { useEffect, useRef, type ReactNode } from 'react';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  // A plain h2 with Fluent's title2 type ramp: Title2 does not forward the ref the focus move needs.
  title: {
    ...typographyStyles.title2,
    marginBlockStart: 0,
    marginBlockEnd: tokens.spacingVerticalL,
    ':focus': { outlineStyle: 'none' },
  },
});

/**
 * Heading + content of the current page. On a page change (not on first load) focus moves to the heading,
 * so screen-reader users hear where they landed, as they would after a full page load.
 */
export function PageFrame({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isFirstRender = useRef(true);

  useEffect(() => {
    document.title = `${title} — Guichet`;
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [title]);

  return (
    <>
      <h2 ref={headingRef} tabIndex={-1} className={styles.title}>
        {title}
      </h2>
      {children}
    </>
  );
}
