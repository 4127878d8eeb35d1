/**
 * Parses and validates an Adaptive Card with Microsoft's `adaptivecards` SDK, plus the checks the
 * SDK skips (FIELD-NOTES.md: it is silent on a missing version and on Teams' size limit).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');

export interface CardReport {
  errors: string[];
  actionTitles: string[];
  texts: string[];
  bytes: number;
}

/** Every problem the SDK reports, the titles of the card's actions, its texts. */
export function checkAdaptiveCard(json: unknown): CardReport {
  const errors: string[] = [];
  const obj = json as Record<string, unknown>;
  if (obj.type !== 'AdaptiveCard') errors.push('type is not AdaptiveCard');
  if (obj.version !== '1.5') errors.push(`version is ${String(obj.version)}, expected 1.5`);
  const bytes = Buffer.byteLength(JSON.stringify(json));
  if (bytes > 28 * 1024) errors.push(`card is ${bytes} bytes, over Teams' 28 KB`);
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  card.parse(json, ctx);
  for (let i = 0; i < ctx.eventCount; i++) errors.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents) errors.push(`validate: ${e.message}`);
  // Every action of the card, in reading order: those of ActionSets in the body, then the card's own.
  // The SDK lists ActionSet actions twice (as elements and as actions): keep each object once.
  const actionTitles: string[] = [...new Set(card.getAllActions() as { title: string }[])].map(
    (a) => a.title,
  );
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'TextBlock' && typeof n.text === 'string') texts.push(n.text);
      Object.values(n).forEach(walk);
    }
  };
  walk(obj.body);
  return { errors, actionTitles, texts, bytes };
}
