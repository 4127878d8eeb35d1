import { validateBeneficiaryRows } from '../../../bot/src/domain/beneficiaries/validate-beneficiary-rows';
import { aBeneficiary } from '../../support/factories';

describe('validating a batch of beneficiaries', () => {
  it('accepts good rows and fills defaults (active, no closing days)', () => {
    const { beneficiaries, issues } = validateBeneficiaryRows([{ line: 2, data: aBeneficiary() }]);
    expect(issues).toEqual([]);
    expect(beneficiaries[0]).toMatchObject({ active: true, closingDays: [] });
  });

  it('names the line and the field of every problem', () => {
    const { issues } = validateBeneficiaryRows([
      { line: 2, data: aBeneficiary() },
      { line: 7, data: aBeneficiary({ siret: '21690012300028', zone: 'corse' as never }) },
    ]);
    expect(issues).toEqual([
      { line: 7, path: 'siret', message: 'siret : SIRET invalide (clé de contrôle de Luhn incorrecte)' },
      expect.objectContaining({
        line: 7,
        path: 'zone',
        message: expect.stringMatching(/^zone : zone inconnue/),
      }),
    ]);
  });

  it('explains in French a missing field that has no message of its own', () => {
    const { tenantIds: _omitted, ...withoutTenants } = aBeneficiary();
    const { issues } = validateBeneficiaryRows([{ line: 4, data: withoutTenants }]);
    expect(issues).toEqual([
      { line: 4, path: 'tenantIds', message: expect.stringMatching(/^tenantIds : .*attendu/) },
    ]);
    expect(issues[0]!.message).not.toMatch(/expected|received/i);
  });

  it('refuses the same SIRET twice in one file', () => {
    const { issues } = validateBeneficiaryRows([
      { line: 2, data: aBeneficiary() },
      { line: 3, data: aBeneficiary({ name: 'Autre nom' }) },
    ]);
    expect(issues).toEqual([
      { line: 3, path: 'siret', message: 'siret : 21690012300029 figure déjà ligne 2' },
    ]);
  });

  it('refuses modality 3, a bad date and a bad tenant id', () => {
    const { issues } = validateBeneficiaryRows([
      {
        line: 2,
        data: aBeneficiary({ modality: 3 as never, conventionDate: '2024-13-01', tenantIds: ['contoso'] }),
      },
    ]);
    expect(issues.map((i) => i.path)).toEqual(['modality', 'conventionDate', 'tenantIds.0']);
  });

  it('refuses an empty file', () => {
    expect(validateBeneficiaryRows([]).issues).toEqual([
      { message: 'le fichier ne contient aucun bénéficiaire' },
    ]);
  });
});
