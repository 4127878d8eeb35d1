import type { AnonymisedProfile } from '../../../bot/src/domain/quotes/anonymised-profile';
import {
  certificationProblem,
  parseProfiles,
  profileTitle,
} from '../../../bot/src/domain/quotes/anonymised-profile';
import type { Issue } from '../../../bot/src/domain/errors';

const parse = (input: unknown) => {
  const issues: Issue[] = [];
  return { profiles: parseProfiles(input, issues), issues };
};

describe('anonymised profiles', () => {
  it('keeps a code, a level and certifications — and nothing else', () => {
    expect(
      parse([{ code: 'p1', level: 'Expert', certifications: [' AZ-305 ', 'AZ-104', 'AZ-104'] }]),
    ).toEqual({
      profiles: [{ code: 'P1', level: 'EXPERT', certifications: ['AZ-305', 'AZ-104'] }],
      issues: [],
    });
  });

  it('has no place for a name in its type', () => {
    // @ts-expect-error — a profile cannot carry a name.
    const named: AnonymisedProfile = { code: 'P1', level: 'JUNIOR', certifications: [], name: 'Jean Dupont' };
    expect(named.code).toBe('P1');
  });

  it('refuses any extra field, a name above all, saying profiles are anonymous', () => {
    const { profiles, issues } = parse([
      { code: 'P1', level: 'JUNIOR', name: 'Jean Dupont', email: 'j.dupont@titulaire.fr' },
    ]);
    expect(profiles).toEqual([]);
    expect(issues).toEqual([
      {
        path: 'profiles.0.name',
        message:
          "Profil 1 : les profils sont anonymes, le champ « name » n'est pas admis (code, niveau et certifications seulement).",
      },
      expect.objectContaining({ path: 'profiles.0.email' }),
    ]);
  });

  it('accepts certifications that read like certifications', () => {
    for (const ok of [
      'AZ-104',
      'MS-102',
      'ITIL 4 Foundation',
      'PMP',
      'PRINCE2 Practitioner',
      'Microsoft Certified: Azure Solutions Architect Expert',
      'ISO 27001 Lead Implementer',
      'CISSP',
    ]) {
      expect(certificationProblem(ok)).toBeUndefined();
    }
  });

  it('refuses a person’s name typed as a certification', () => {
    for (const name of ['Jean Dupont', 'DUPONT', 'Marie-Claire de La Tour']) {
      expect(certificationProblem(name)).toMatch(
        /ne ressemble pas à une certification .* jamais le nom d’une personne$/,
      );
    }
  });

  it('refuses a bad code, an unknown level, a duplicate and an empty list', () => {
    expect(parse([]).issues).toEqual([
      { path: 'profiles', message: 'Indiquez au moins un profil (code P1, niveau, certifications).' },
    ]);
    expect(parse([{ code: 'Dev1', level: 'senior' }]).issues.map((i) => i.path)).toEqual([
      'profiles.0.code',
      'profiles.0.level',
    ]);
    expect(
      parse([
        { code: 'P1', level: 'JUNIOR' },
        { code: 'P1', level: 'EXPERT' },
      ]).issues,
    ).toEqual([{ path: 'profiles.1.code', message: 'Le profil P1 figure deux fois.' }]);
  });

  it('is shown by code, level (with its accent) and certifications', () => {
    expect(profileTitle({ code: 'P2', level: 'CONFIRME', certifications: ['MS-700'] })).toBe(
      'P2 — CONFIRMÉ (MS-700)',
    );
  });
});
