/** How a rejected input value is quoted in a French error message. */

/** Short French rendering of a bad value for an error message (never the whole of a long input). */
export function showValue(value: unknown): string {
  if (value === undefined) return 'absente';
  const text = typeof value === 'string' ? `« ${value} »` : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
