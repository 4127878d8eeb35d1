import { formatCharge, formatQuantity, formatSiret } from '../../bot/src/documents/document-formats';
import { DEMO_TITULAIRE, checkTitulaireIdentity } from '../../bot/src/documents/titulaire-identity';
import { isValidSiret } from '../../bot/src/domain/beneficiaries/siret';
import { ValidationError } from '../../bot/src/domain/errors';

describe('document formats', () => {
  it('groups a SIRET as INSEE prints it, with no-break spaces', () => {
    expect(formatSiret('84712905300017')).toBe('847\u00a0129\u00a0053\u00a000017');
  });

  it('writes quantities with the French decimal comma and a short unit', () => {
    expect(formatQuantity(4.25, 'jour')).toBe('4,25\u00a0j');
    expect(formatQuantity(2, 'mois')).toBe('2\u00a0mois');
  });

  it('sums charges per unit exactly, in quarters of a day', () => {
    const day = { unit: 'jour' as const };
    const month = { unit: 'mois' as const };
    expect(
      formatCharge([
        { quantity: 0.25, line: day },
        { quantity: 0.5, line: day },
      ]),
    ).toBe('0,75\u00a0j');
    expect(
      formatCharge([
        { quantity: 3, line: day },
        { quantity: 2, line: month },
      ]),
    ).toBe('3\u00a0j + 2\u00a0mois');
    expect(formatCharge([])).toBe('—');
  });
});

describe('Titulaire identity', () => {
  it('ships a demo Titulaire with a Luhn-valid SIRET', () => {
    expect(isValidSiret(DEMO_TITULAIRE.siret)).toBe(true);
    expect(checkTitulaireIdentity(DEMO_TITULAIRE)).toBe(DEMO_TITULAIRE);
  });

  it('refuses an identity with an invalid SIRET', () => {
    expect(() => checkTitulaireIdentity({ ...DEMO_TITULAIRE, siret: '84712905300018' })).toThrow(
      ValidationError,
    );
  });
});
