import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** A failure, in French, in place of what should have been shown. */
export function ErrorMessage({ title, message }: { title: string; message: string }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {message}
      </MessageBarBody>
    </MessageBar>
  );
}
