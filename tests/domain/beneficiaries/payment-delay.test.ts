/**
 * The payment delay a beneficiary owes, by kind (code de la commande publique): 50 days for public
 * health establishments and the armed forces' health service (art. R. 2192-11, 1°), 30 days for
 * every other public buyer (art. R. 2192-10), and the general rule when the kind is not known.
 */
import { BENEFICIARY_KINDS, type BeneficiaryKind } from '../../../bot/src/domain/beneficiaries/beneficiary';
import { paymentDelayOf } from '../../../bot/src/domain/beneficiaries/payment-delay';
import { validateBeneficiaryRows } from '../../../bot/src/domain/beneficiaries/validate-beneficiary-rows';
import { aBeneficiary } from '../../support/factories';

const HEALTH: BeneficiaryKind[] = ['etablissement-sante', 'etablissement-sante-armees'];

describe('payment delay by kind of beneficiary', () => {
  it.each(HEALTH)('gives %s 50 days (R. 2192-11)', (kind) => {
    expect(paymentDelayOf(kind)).toEqual({ days: 50, article: 'R. 2192-11' });
  });

  it.each((Object.keys(BENEFICIARY_KINDS) as BeneficiaryKind[]).filter((k) => !HEALTH.includes(k)))(
    'gives %s 30 days (R. 2192-10)',
    (kind) => {
      expect(paymentDelayOf(kind)).toEqual({ days: 30, article: 'R. 2192-10' });
    },
  );

  it('applies the general rule when the kind is not known', () => {
    expect(paymentDelayOf(undefined)).toEqual({ days: 30, article: 'R. 2192-10' });
  });

  it('names both health kinds as public establishments, and the import accepts them', () => {
    expect(BENEFICIARY_KINDS['etablissement-sante']).toBe('Établissement public de santé');
    expect(BENEFICIARY_KINDS['etablissement-sante-armees']).toBe(
      'Établissement du service de santé des armées',
    );
    for (const kind of HEALTH) {
      const verdict = validateBeneficiaryRows([{ line: 2, data: aBeneficiary({ kind }) }]);
      expect(verdict.issues).toEqual([]);
      expect(verdict.beneficiaries.map((b) => b.kind)).toEqual([kind]);
    }
  });
});
