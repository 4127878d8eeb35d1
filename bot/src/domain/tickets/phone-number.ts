/**
 * French phone numbers as people type them ("06 12 34 56 78", "+33 (0)1 23 45 67 89",
 * "0590 12 34 56", "00 687 25 12 34"), normalised to E.164 so that a support engineer can call back
 * from any phone. Overseas departments have their own country codes: a Guadeloupe number dialled
 * 0590… from Paris is +590 590… in E.164, not +33 590….
 */

/** Country codes of the overseas territories and how many digits follow them. */
export const OVERSEAS_CODES: Readonly<Record<string, number>> = Object.freeze({
  '590': 9, // Guadeloupe, Saint-Barthélemy, Saint-Martin
  '596': 9, // Martinique
  '594': 9, // Guyane
  '262': 9, // La Réunion, Mayotte
  '269': 9, // Mayotte's former code, still on some business cards
  '687': 6, // Nouvelle-Calédonie
  '689': 8, // Polynésie française
  '508': 6, // Saint-Pierre-et-Miquelon
  '681': 6, // Wallis-et-Futuna
});

// National (0…) prefixes that the French numbering plan routes overseas, with their E.164 code.
const NATIONAL_OVERSEAS: Readonly<Record<string, string>> = Object.freeze({
  '0590': '590',
  '0690': '590',
  '0691': '590',
  '0596': '596',
  '0696': '596',
  '0697': '596',
  '0594': '594',
  '0694': '594',
  '0262': '262',
  '0263': '262',
  '0692': '262',
  '0693': '262',
  '0269': '262',
  '0639': '262',
});

export const PHONE_FORMAT_HINT =
  'saisissez par exemple 06 12 34 56 78, +33 6 12 34 56 78 ou, outre-mer, +596 696 12 34 56';

/** The E.164 form (`+33612345678`) of a French or overseas number, or `undefined` if it is not one. */
export function normaliseFrenchPhone(text: string): string | undefined {
  let s = text
    .trim()
    .replace(/\(0\)/g, '')
    .replace(/[\s.\-/()\u00a0\u202f]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (/^0[1-9]\d{8}$/.test(s)) return fromNational(s);
  if (!/^\+\d+$/.test(s)) return undefined;
  if (s.startsWith('+33')) {
    const rest = s.slice(3);
    // "+33 0 6 12…": the trunk 0 kept by habit after the country code.
    const national = rest.length === 10 && rest.startsWith('0') ? rest : `0${rest}`;
    return /^0[1-9]\d{8}$/.test(national) ? fromNational(national) : undefined;
  }
  const code = s.slice(1, 4);
  const length = OVERSEAS_CODES[code];
  if (length === undefined) return undefined;
  const subscriber = s.slice(4);
  return subscriber.length === length && /^[1-9]/.test(subscriber) ? s : undefined;
}

function fromNational(national: string): string {
  const overseas = NATIONAL_OVERSEAS[national.slice(0, 4)];
  return overseas ? `+${overseas}${national.slice(1)}` : `+33${national.slice(1)}`;
}
