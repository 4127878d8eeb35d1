import { Body1, Link } from '@fluentui/react-components';

/** Unknown hash path (old bookmark, typo): say so and offer the way back instead of an empty page. */
export function NotFoundPage() {
  return (
    <Body1>
      Cette page n'existe pas. <Link href="#/">Revenir au tableau de bord</Link>
    </Body1>
  );
}
