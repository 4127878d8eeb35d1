import { useEffect, useRef } from 'react';
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({ notice: { marginBlock: tokens.spacingVerticalM } });

/**
 * What the last action did (focused, so a screen reader says it and the keyboard starts there), or
 * why the service refused it.
 */
export function ActionBanners({
  notice,
  failure,
  focusKey,
}: {
  notice: string | undefined;
  failure: { title: string; message: string } | undefined;
  /** Changes when the document changed: the notice is focused again. */
  focusKey: number;
}) {
  const styles = useStyles();
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => noticeRef.current?.focus(), [notice, focusKey]);
  if (failure)
    return (
      <div role="alert" className={styles.notice}>
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{failure.title}</MessageBarTitle>
            {failure.message}
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  if (!notice) return null;
  return (
    <div ref={noticeRef} tabIndex={-1} role="status" className={styles.notice}>
      <MessageBar intent="success">
        <MessageBarBody>{notice}</MessageBarBody>
      </MessageBar>
    </div>
  );
}
