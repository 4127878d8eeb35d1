import { ValidationError } from '../../../bot/src/domain/errors';
import { SEVERITY_LABELS } from '../../../bot/src/domain/sla/severity';
import {
  CATEGORY_LABELS,
  DOMAIN_LABELS,
  INCIDENT_CATEGORIES,
  INCIDENT_DOMAINS,
  SEVERITY_CHOICES,
  parseIncidentForm,
} from '../../../bot/src/domain/tickets/incident-form';
import { formValues } from './factories';

/** The issues of a refused form, as `{ input id: message }`. */
function issuesOf(values: unknown): Record<string, string> {
  try {
    parseIncidentForm(values);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return Object.fromEntries((err as ValidationError).issues.map((i) => [i.path, i.message]));
  }
  throw new Error('expected the form to be refused');
}

describe('declare-incident form', () => {
  it('reads the card values: severity as a number, texts as typed, no phone when left empty', () => {
    expect(parseIncidentForm(formValues())).toEqual({
      severity: 3,
      category: 'incident',
      domain: 'modern-workplace',
      title: 'Messagerie inaccessible',
      description: 'Outlook ne se connecte plus depuis 8 h pour tout le service état civil.',
    });
  });

  it('ignores the submit data and anything else Teams adds to the values', () => {
    const form = parseIncidentForm(formValues({ action: 'incident.create', msteams: { x: 1 } }));
    expect(Object.keys(form).sort()).toEqual(['category', 'description', 'domain', 'severity', 'title']);
  });

  it('trims texts and keeps the title on one line', () => {
    const form = parseIncidentForm(
      formValues({
        title: '  Imprimante \n  du 2e   étage  ',
        description: '\n  Elle affiche « bourrage » en boucle.\r\n  ',
      }),
    );
    expect(form.title).toBe('Imprimante du 2e étage');
    expect(form.description).toBe('Elle affiche « bourrage » en boucle.');
  });

  it('normalises the phone to E.164', () => {
    expect(parseIncidentForm(formValues({ phone: '06 12 34 56 78' })).phone).toBe('+33612345678');
    expect(parseIncidentForm(formValues({ phone: '0596 61 23 45' })).phone).toBe('+596596612345');
  });

  it('accepts every category and domain of the card', () => {
    for (const category of INCIDENT_CATEGORIES)
      expect(parseIncidentForm(formValues({ category })).category).toBe(category);
    for (const domain of INCIDENT_DOMAINS)
      expect(parseIncidentForm(formValues({ domain })).domain).toBe(domain);
  });

  it('accepts severities "1" to "4" (and the numbers, for API clients)', () => {
    expect(
      ['1', '2', '3', '4', 2].map((severity) => parseIncidentForm(formValues({ severity })).severity),
    ).toEqual([1, 2, 3, 4, 2]);
  });

  it('accepts a title of exactly 3 and 120 characters, a description of exactly 10 and 4000', () => {
    expect(() => parseIncidentForm(formValues({ title: 'VPN' }))).not.toThrow();
    expect(() => parseIncidentForm(formValues({ title: 'é'.repeat(120) }))).not.toThrow();
    expect(() => parseIncidentForm(formValues({ description: 'x'.repeat(10) }))).not.toThrow();
    expect(() => parseIncidentForm(formValues({ description: 'x'.repeat(4000) }))).not.toThrow();
  });

  describe('says what is wrong next to each input, in French', () => {
    it.each([
      ['severity', '', "Choisissez la gravité de l'incident, de 1 (critique) à 4 (minime)."],
      ['severity', '5', "Choisissez la gravité de l'incident, de 1 (critique) à 4 (minime)."],
      ['severity', 'critique', "Choisissez la gravité de l'incident, de 1 (critique) à 4 (minime)."],
      [
        'category',
        'urgence',
        'Choisissez une catégorie : incident, demande de service, maintenance corrective ou évolutive.',
      ],
      [
        'domain',
        'cloud',
        'Choisissez un domaine : Modern Workplace, infrastructure, protection des données ou applications métier.',
      ],
      ['title', '', 'Donnez un titre à votre demande.'],
      ['title', '   ', 'Donnez un titre à votre demande.'],
      ['title', 'ab', 'Le titre doit compter au moins 3 caractères.'],
      ['title', 'x'.repeat(121), 'Le titre ne doit pas dépasser 120 caractères (actuellement 121).'],
      ['description', '', 'Décrivez le problème : ce qui se passe, depuis quand, qui est touché.'],
      [
        'description',
        'En panne',
        'La description doit compter au moins 10 caractères : dites ce qui se passe, depuis quand, qui est touché.',
      ],
      [
        'description',
        'x'.repeat(4001),
        'La description ne doit pas dépasser 4\u00a0000 caractères (actuellement 4\u00a0001).',
      ],
      [
        'phone',
        '06 12 34',
        'Numéro de téléphone invalide : saisissez par exemple 06 12 34 56 78, +33 6 12 34 56 78 ou, outre-mer, +596 696 12 34 56.',
      ],
    ])('%s = %p → %p', (input, value, message) => {
      expect(issuesOf(formValues({ [input]: value }))).toEqual({ [input]: message });
    });
  });

  it('reports an absent input like an empty one (Teams omits empty inputs)', () => {
    const { title: _title, ...values } = formValues();
    expect(issuesOf(values)).toEqual({ title: 'Donnez un titre à votre demande.' });
  });

  it('reports every wrong input at once, with a summary naming them in card order', () => {
    try {
      parseIncidentForm({ severity: '9', title: 'x', phone: 'abc' });
      throw new Error('expected a refusal');
    } catch (err) {
      const e = err as ValidationError;
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.message).toBe(
        'Le formulaire contient 6 erreurs : gravité, catégorie, domaine, titre, description, téléphone.',
      );
      expect(e.issues.map((i) => i.path)).toEqual([
        'severity',
        'category',
        'domain',
        'title',
        'description',
        'phone',
      ]);
    }
  });

  it('says "une erreur" for a single one', () => {
    expect(() => parseIncidentForm(formValues({ title: '' }))).toThrow(
      'Le formulaire contient une erreur : titre.',
    );
  });

  it('treats values that are not an object as an empty form', () => {
    for (const values of [undefined, null, 'incident', [1, 2]])
      expect(Object.keys(issuesOf(values))).toEqual([
        'severity',
        'category',
        'domain',
        'title',
        'description',
      ]);
  });

  it('labels categories and domains in French, one label per value', () => {
    expect(Object.keys(CATEGORY_LABELS)).toEqual([...INCIDENT_CATEGORIES]);
    expect(Object.keys(DOMAIN_LABELS)).toEqual([...INCIDENT_DOMAINS]);
    expect(CATEGORY_LABELS['maintenance-evolutive']).toBe('Maintenance évolutive');
    expect(DOMAIN_LABELS['protection-donnees']).toMatch(/^Protection des données/);
  });

  it("titles each severity choice with the CCTP's description", () => {
    expect(SEVERITY_CHOICES.map((c) => c.value)).toEqual(['1', '2', '3', '4']);
    expect(SEVERITY_CHOICES[0]!.title).toBe('Gravité 1 — Système critique arrêté, activité menacée');
    SEVERITY_CHOICES.forEach((c, i) =>
      expect(c.title.toLowerCase()).toContain(SEVERITY_LABELS[(i + 1) as 1 | 2 | 3 | 4]),
    );
  });
});
