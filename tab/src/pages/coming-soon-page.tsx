import { Body1 } from '@fluentui/react-components';

/** Placeholder for the pages of the next iteration, so the nav is complete from day one. */
export default function ComingSoonPage() {
  return <Body1>Bientôt disponible</Body1>;
}
