/**
 * Reads the Bicep templates as text, for tests that cannot run the Bicep CLI: parameters with their
 * decorators, the body of a resource or module, the Web App's settings, the outputs. It relies on
 * the layout of infra/*.bicep (one declaration per line, multi-line arrays and objects), which is
 * also Bicep's own formatting.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const INFRA_DIR = path.resolve(__dirname, '../../infra');

export function readInfra(file: string): string {
  return readFileSync(path.join(INFRA_DIR, file), 'utf8');
}

export interface BicepParam {
  name: string;
  type: string;
  defaultValue?: string;
  /** Values of `@allowed([...])`, when present. */
  allowed?: string[];
}

/**
 * Text from `open` (an index of "[" or "{") to its matching bracket, both included. Brackets inside
 * strings are interpolations (`${…}`), balanced on their line; the rest of a line after `//` (a
 * comment, or a URL inside a string) is skipped, which keeps both cases balanced.
 */
function balanced(text: string, open: number): string {
  const pairs: Record<string, string> = { '[': ']', '{': '}' };
  const stack: string[] = [];
  for (let i = open; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      i = text.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (pairs[c]) stack.push(pairs[c]);
    else if (c === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return text.slice(open, i + 1);
    }
  }
  throw new Error(`unbalanced bracket at ${open}`);
}

/** The string literals of a Bicep array literal such as `['a'\n 'b']`. */
export function stringsOf(arrayText: string): string[] {
  return [...arrayText.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

/** Every `param`, with its `@allowed` values (decorators written on the lines above it). */
export function paramsOf(bicep: string): BicepParam[] {
  const params: BicepParam[] = [];
  for (const match of bicep.matchAll(/^param (\w+) (\w+)(?: = (.+))?$/gm)) {
    // Decorators sit between the previous declaration (or blank line) and this one.
    const before = bicep.slice(0, match.index);
    const start = Math.max(before.lastIndexOf('\n\n'), before.lastIndexOf('\nparam '));
    const decorators = before.slice(start);
    const at = decorators.indexOf('@allowed(');
    params.push({
      name: match[1]!,
      type: match[2]!,
      defaultValue: match[3],
      allowed: at >= 0 ? stringsOf(balanced(decorators, at + '@allowed('.length)) : undefined,
    });
  }
  return params;
}

/** The body (`{...}` or a `[for ...]` loop) of `resource <name>` or `module <name>`. */
export function declarationOf(bicep: string, symbol: string): string {
  const match = new RegExp(`^(?:resource|module) ${symbol} '[^']+' = `, 'm').exec(bicep);
  if (!match) throw new Error(`no resource or module named ${symbol}`);
  return balanced(bicep, match.index + match[0].length);
}

/** The type of `resource <name>`, e.g. "Microsoft.Web/sites@2024-04-01". */
export function resourceTypeOf(bicep: string, symbol: string): string | undefined {
  return new RegExp(`^resource ${symbol} '([^']+)'`, 'm').exec(bicep)?.[1];
}

/** The value expression of `key:` inside a block (first occurrence), e.g. "'NODE|22-lts'" or "true". */
export function propertyOf(block: string, key: string): string | undefined {
  return new RegExp(`^\\s*${key}: (.+)$`, 'm').exec(block)?.[1]?.trim();
}

/** The Web App's app settings: name → Bicep value expression (a quoted literal or an expression). */
export function appSettingsOf(webApp: string): Map<string, string> {
  const at = webApp.indexOf('appSettings: [');
  if (at < 0) throw new Error('no appSettings');
  const list = balanced(webApp, at + 'appSettings: '.length);
  const settings = new Map<string, string>();
  for (const m of list.matchAll(/^\s*name: '([^']+)'\s*\n\s*value: (.+)$/gm))
    settings.set(m[1]!, m[2]!.trim());
  return settings;
}

/** A quoted Bicep literal's text, or undefined for an expression. */
export function literal(expression: string): string | undefined {
  return /^'([^'$]*)'$/.exec(expression)?.[1];
}

/** Names of the template's outputs. */
export function outputsOf(bicep: string): string[] {
  return [...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]!);
}
