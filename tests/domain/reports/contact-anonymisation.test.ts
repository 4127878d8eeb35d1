/**
 * The pure part of anonymisation: which person records are the contact, which texts name them, and
 * what is never touched (ids, namesakes, words that merely contain the name).
 */
import {
  anonymiseDocument,
  personMatch,
  planAnonymisation,
  pseudonymOf,
} from '../../../bot/src/domain/reports/contact-anonymisation';
import { ValidationError } from '../../../bot/src/domain/errors';

const LEA = { name: 'Léa Dubois', email: 'lea.dubois@bellerive.example', objectId: 'a1b2-0005' };
const PSEUDONYM = pseudonymOf('0123456789abcdef');
const plan = (docs: unknown[] = []) => planAnonymisation(LEA, PSEUDONYM, docs);

describe('personMatch', () => {
  it('recognises the contact by object id, e-mail, or name when nothing says otherwise', () => {
    expect(personMatch({ objectId: 'A1B2-0005', name: 'L. D.' }, LEA)).toBe('same');
    expect(personMatch({ name: 'Autre', email: 'LEA.DUBOIS@bellerive.example' }, LEA)).toBe('same');
    expect(personMatch({ name: ' léa  dubois ' }, LEA)).toBe('same');
    expect(personMatch({ name: 'Léa Dubois', objectId: 'another-id' }, LEA)).toBe('other');
    expect(personMatch({ label: 'Léa Dubois' }, LEA)).toBe('unknown');
  });
});

describe('anonymiseDocument', () => {
  it('replaces person records and whole-word mentions, keeps ids, namesakes and longer words', () => {
    const doc = {
      id: 'tkt-Léa Dubois',
      pk: '21690012300029',
      type: 'ticket',
      declaredBy: { tenantId: 't', objectId: 'a1b2-0005', name: 'Léa Dubois' },
      phone: '+33612345678',
      description:
        'Rappeler DUBOIS Léa au +33612345678 ou lea.dubois@bellerive.example ; voir Léa Duboisson.',
      assignee: { objectId: 'eng-1', name: 'Camille Martin' },
      namesake: { objectId: 'someone-else', name: 'Léa Dubois' },
      lastAction: { key: 'k', by: 'a1b2-0005' },
    };
    const { doc: out, changed } = anonymiseDocument(doc, plan([doc]));
    expect(changed).toBe(true);
    expect(out).toEqual({
      id: 'tkt-Léa Dubois',
      pk: '21690012300029',
      type: 'ticket',
      declaredBy: { tenantId: 't', objectId: PSEUDONYM.objectId, name: PSEUDONYM.name },
      description: `Rappeler ${PSEUDONYM.name} au [téléphone supprimé] ou [e-mail supprimé] ; voir Léa Duboisson.`,
      assignee: { objectId: 'eng-1', name: 'Camille Martin' },
      namesake: { objectId: 'someone-else', name: 'Léa Dubois' },
      lastAction: { key: 'k', by: PSEUDONYM.objectId },
    });
    expect(doc.declaredBy.name).toBe('Léa Dubois'); // the input is never modified
  });

  it('drops the e-mail of a matching contact record and says when nothing changed', () => {
    const request = { requestedBy: { name: 'Léa Dubois', email: 'lea.dubois@bellerive.example' } };
    expect(anonymiseDocument(request, plan()).doc).toEqual({ requestedBy: { name: PSEUDONYM.name } });
    const unrelated = { text: 'Rien à voir.' };
    expect(anonymiseDocument(unrelated, plan())).toEqual({ doc: unrelated, changed: false });
  });
});

describe('pseudonymOf and planAnonymisation', () => {
  it('derives a stable pseudonym from a random token, and refuses a bad one', () => {
    expect(PSEUDONYM).toEqual({ name: 'Contact anonymisé 01234567', objectId: 'anonymise-0123456789abcdef' });
    expect(() => pseudonymOf('short')).toThrow(ValidationError);
  });

  it('refuses a contact without a usable name', () => {
    expect(() => planAnonymisation({ name: 'L' }, PSEUDONYM, [])).toThrow(/Nom du contact/);
  });
});
