import type { Beneficiary } from '../../../bot/src/domain/beneficiaries/beneficiary';
import { ForbiddenError } from '../../../bot/src/domain/errors';
import {
  actorFromRequester,
  isAgentOf,
  isSupport,
  requireAgentOf,
  requireSupport,
} from '../../../bot/src/domain/tickets/ticket-actor';
import { PARIS_SIRET, aCanutStaff, anAdmin, anAgent, anEngineer } from './factories';

describe('ticket actors', () => {
  it('builds an actor from a Titulaire requester, keeping its roles', () => {
    expect(
      actorFromRequester(
        { kind: 'titulaire', tenantId: 't', objectId: 'o', roles: ['Support.Engineer'] },
        'Marc Lefèvre',
      ),
    ).toEqual({
      kind: 'titulaire',
      tenantId: 't',
      objectId: 'o',
      name: 'Marc Lefèvre',
      roles: ['Support.Engineer'],
      beneficiaryIds: [],
      channel: 'teams',
    });
  });

  it('builds an actor from a beneficiary requester with the SIRETs of its beneficiaries', () => {
    const beneficiaries = [{ siret: PARIS_SIRET }, { siret: '22010045600015' }] as Beneficiary[];
    const actor = actorFromRequester(
      { kind: 'beneficiary', tenantId: 'b', objectId: 'o', beneficiaries, roles: [] },
      'Léa Dubois',
      'tab',
    );
    expect(actor).toMatchObject({ beneficiaryIds: [PARIS_SIRET, '22010045600015'], channel: 'tab' });
  });

  it('has no actor for an unknown requester or one without object id', () => {
    expect(actorFromRequester({ kind: 'unknown' }, 'X')).toBeUndefined();
    expect(actorFromRequester({ kind: 'titulaire', tenantId: 't', roles: ['Admin'] }, 'X')).toBeUndefined();
  });

  it('counts staff roles only for Titulaire staff', () => {
    expect(isSupport(anEngineer())).toBe(true);
    expect(isSupport(anAdmin())).toBe(true);
    expect(isSupport(anAgent({ roles: ['Support.Engineer'] }))).toBe(false);
    expect(isSupport(aCanutStaff({ roles: ['Admin'] }))).toBe(false);
  });

  it('acts as an engineer when someone holds both engineer and admin roles', () => {
    expect(requireSupport(anEngineer({ roles: ['Admin', 'Support.Engineer'] }), 'x')).toBe(
      'Support.Engineer',
    );
    expect(requireSupport(anAdmin(), 'x')).toBe('Admin');
  });

  it('recognises the agents of a beneficiary, approvers acting as agents', () => {
    expect(isAgentOf(anAgent(), PARIS_SIRET)).toBe(true);
    expect(isAgentOf(anEngineer({ beneficiaryIds: [PARIS_SIRET] }), PARIS_SIRET)).toBe(false);
    expect(
      requireAgentOf(
        anAgent({ roles: ['Beneficiary.Approver'] }),
        { id: PARIS_SIRET, name: 'X' },
        'clore ce ticket',
      ),
    ).toBe('Beneficiary.Agent');
    expect(() => requireAgentOf(anAgent(), { id: '1', name: 'Ville de Y' }, 'clore ce ticket')).toThrow(
      new ForbiddenError('Seuls les agents de Ville de Y peuvent clore ce ticket.'),
    );
  });
});
