/**
 * SIRET numbers: 14 digits, Luhn-valid. La Poste's establishments (SIREN 356000000) outnumber what
 * the Luhn key allows, so INSEE also accepts theirs when the sum of the digits is a multiple of 5
 * (its head office, 356 000 000 00048, is Luhn-valid).
 */

const LA_POSTE_SIREN = '356000000';

/** Luhn check over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Removes the spaces people type in SIRETs ("213 801 210 00013"). */
export function normaliseSiret(raw: string): string {
  return raw.replace(/[\s.\u00a0]/g, '');
}

/** Why `siret` is not a valid SIRET, in French, or undefined when it is valid. */
export function siretProblem(siret: string): string | undefined {
  if (!/^\d{14}$/.test(siret)) return 'le SIRET doit compter exactement 14 chiffres';
  if (luhnValid(siret)) return undefined;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const sum = [...siret].reduce((s, c) => s + Number(c), 0);
    return sum % 5 === 0
      ? undefined
      : 'SIRET de La Poste invalide (ni clé de Luhn, ni somme des chiffres multiple de 5)';
  }
  return 'SIRET invalide (clé de contrôle de Luhn incorrecte)';
}

/** True when `siret` is a valid SIRET. */
export function isValidSiret(siret: string): boolean {
  return siretProblem(siret) === undefined;
}
