import { isValidSiret, normaliseSiret, siretProblem } from '../../../bot/src/domain/beneficiaries/siret';

describe('SIRET', () => {
  it('accepts a Luhn-valid 14-digit SIRET', () => {
    expect(isValidSiret('21690012300029')).toBe(true);
    expect(isValidSiret('73282932000074')).toBe(true);
  });

  it('refuses a SIRET whose Luhn key is wrong', () => {
    expect(siretProblem('21690012300028')).toMatch(/Luhn/);
  });

  it('refuses anything that is not 14 digits', () => {
    expect(siretProblem('2169001230002')).toMatch(/14 chiffres/);
    expect(siretProblem('2169001230002A')).toMatch(/14 chiffres/);
  });

  it("checks La Poste's SIRETs (SIREN 356000000) by the sum of their digits instead of Luhn", () => {
    expect(isValidSiret('35600000000048')).toBe(true); // La Poste head office: Luhn-valid
    expect(isValidSiret('35600000049837')).toBe(true); // not Luhn-valid, digit sum 45
    expect(siretProblem('21690012349837')).toMatch(/Luhn/); // the same rule for anyone else: refused
    expect(siretProblem('35600000049838')).toMatch(/La Poste/);
  });

  it('removes the spaces people type', () => {
    expect(normaliseSiret('216 900 123 00029')).toBe('21690012300029');
  });
});
