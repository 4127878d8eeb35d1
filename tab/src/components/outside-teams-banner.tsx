import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** Tells a browser user why there is no Teams identity, and what replaces it. */
export function OutsideTeamsBanner() {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>Hors de Teams : connexion locale de démonstration</MessageBarBody>
    </MessageBar>
  );
}
