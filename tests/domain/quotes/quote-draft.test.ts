import { DEMO_PRICE_SCHEDULE } from '../../../bot/src/domain/catalogue/demo-price-schedule';
import type { PriceSchedule } from '../../../bot/src/domain/catalogue/price-schedule';
import { ValidationError } from '../../../bot/src/domain/errors';
import {
  type DraftContext,
  type QuoteDraftInput,
  draftInputOf,
  priceQuoteDraft,
} from '../../../bot/src/domain/quotes/quote-draft';
import { aDraftInput, deepFreeze, errorOf } from './factories';

const ctx: DraftContext = { schedule: DEMO_PRICE_SCHEDULE, vatRateBp: 2000, notBefore: '2026-04-30' };

/** The default draft with its first phase's first charge replaced. */
function withFirstCharge(charge: Record<string, unknown>): QuoteDraftInput {
  const draft = aDraftInput();
  return { ...draft, phases: [{ ...draft.phases[0]!, charges: [charge as never] }, draft.phases[1]!] };
}

/** The issues of a refused draft. */
function issuesOf(input: unknown): { path?: string; message: string }[] {
  const error = errorOf(() => priceQuoteDraft(input, ctx));
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

describe('quote draft', () => {
  describe('pricing', () => {
    const content = priceQuoteDraft(aDraftInput(), ctx);

    it('prices every charge from the BPU and totals 17 217,50 € HT, 3 443,50 € VAT, 20 661,00 € TTC', () => {
      expect(content.totals).toEqual({ htCents: 1_721_750, vatCents: 344_350, ttcCents: 2_066_100 });
      expect(content.phases.map((p) => p.totals.htCents)).toEqual([523_500, 1_198_250]);
      expect(content.phases[1]!.deliverables.map((d) => d.totals.htCents)).toEqual([1_028_250, 170_000]);
      expect(content).toMatchObject({ scheduleVersion: '2024-1', vatRateBp: 2000 });
    });

    it('numbers phases and deliverables, and reads French decimals and levels', () => {
      expect(content.phases.map((p) => [p.code, ...p.deliverables.map((d) => d.code)])).toEqual([
        ['PH1', 'L1.1'],
        ['PH2', 'L2.1', 'L2.2'],
      ]);
      expect(content.phases[0]!.deliverables[0]!.charges[0]).toMatchObject({ quantity: 3.5, profile: 'P2' });
      expect(content.profiles[2]).toEqual({
        code: 'P3',
        level: 'CONFIRME',
        certifications: ['MS-203', 'MS-700'],
      });
    });

    it('copies each price line into the quote: a later price change never reprices it', () => {
      const schedule: PriceSchedule = JSON.parse(JSON.stringify(DEMO_PRICE_SCHEDULE));
      const priced = priceQuoteDraft(aDraftInput(), { ...ctx, schedule });
      (schedule.lines[6] as { unitPriceCents: number }).unitPriceCents = 99_900; // PIL-CONF, after the fact
      expect(priced.phases[0]!.charges[0]!.line).toMatchObject({ code: 'PIL-CONF', unitPriceCents: 78_000 });
      expect(priced.totals.htCents).toBe(1_721_750);
    });

    it('gives back the input a revision form starts from', () => {
      expect(priceQuoteDraft(draftInputOf(content), ctx)).toEqual(content);
    });

    it('counts the 24/7 support option in whole months', () => {
      const priced = priceQuoteDraft(withFirstCharge({ line: 'SUP-247', quantity: 3 }), ctx);
      expect(priced.phases[0]!.charges[0]!.amountHtCents).toBe(540_000);
    });
  });

  describe('bad input: a clear French error on the input concerned, nothing priced', () => {
    it.each([
      [
        { line: 'PIL-CONF', quantity: -2 },
        'quantity',
        'Phase 1, charge 1 : la quantité ne peut pas être négative (−2 jours).',
      ],
      [
        { line: 'PIL-CONF', quantity: '-0,5' },
        'quantity',
        'Phase 1, charge 1 : la quantité ne peut pas être négative (−0,5 jours).',
      ],
      [
        { line: 'PIL-CONF', quantity: 0 },
        'quantity',
        'Phase 1, charge 1 : la quantité doit être supérieure à zéro.',
      ],
      [
        { line: 'PIL-CONF', quantity: 1.3 },
        'quantity',
        'Phase 1, charge 1 : les jours se comptent au quart de jour près (0,25 ; 0,5 ; 0,75…).',
      ],
      [
        { line: 'PIL-CONF', quantity: 'deux' },
        'quantity',
        'Phase 1, charge 1 : quantité invalide (« deux ») : un nombre de jours comme 2 ou 2,5.',
      ],
      [{ line: 'PIL-CONF', quantity: 1000 }, 'quantity', 'Phase 1, charge 1 : au plus 999 jours par charge.'],
      [
        { line: 'SUP-247', quantity: 1.5 },
        'quantity',
        "Phase 1, charge 1 : l'option support se compte en mois entiers.",
      ],
      [
        { line: 'XYZ-99', quantity: 2 },
        'line',
        'Phase 1, charge 1 : ligne de prix inconnue « XYZ-99 » dans le BPU 2024-1.',
      ],
      [{ quantity: 2 }, 'line', 'Phase 1, charge 1 : choisissez une ligne du BPU.'],
      [
        { line: 'PIL-CONF', quantity: 2, profile: 'P9' },
        'profile',
        'Phase 1, charge 1 : profil inconnu « P9 » (déclarez-le dans les profils).',
      ],
      [
        { line: 'PIL-EXP', quantity: 2, profile: 'P1' },
        'profile',
        'Phase 1, charge 1 : le profil P1 est CONFIRMÉ mais la ligne PIL-EXP est au niveau EXPERT.',
      ],
    ])('refuses the charge %j', (charge, field, message) => {
      expect(issuesOf(withFirstCharge(charge))).toEqual([{ path: `phases.0.charges.0.${field}`, message }]);
    });

    it('checks the quantity even on an unknown line, so that every mistake shows at once', () => {
      expect(issuesOf(withFirstCharge({ line: 'NOPE', quantity: -1 })).map((i) => i.path)).toEqual([
        'phases.0.charges.0.line',
        'phases.0.charges.0.quantity',
      ]);
    });

    it('refuses dates out of order: a phase ending before it starts, a deliverable due outside its phase', () => {
      const draft = aDraftInput();
      const [p1, p2] = draft.phases;
      const bad = {
        ...draft,
        phases: [
          { ...p1!, start: '2026-06-12', end: '2026-06-01' },
          {
            ...p2!,
            deliverables: [{ ...p2!.deliverables![0]!, dueDate: '2026-08-01' }, p2!.deliverables![1]!],
          },
        ],
      };
      expect(issuesOf(bad)).toEqual([
        { path: 'phases.0.end', message: 'Phase 1 : la fin (2026-06-01) précède le début (2026-06-12).' },
        {
          path: 'phases.1.deliverables.0.dueDate',
          message:
            "Phase 2, livrable 1 : l'échéance (2026-08-01) doit tomber pendant la phase, du 2026-06-15 au 2026-07-10.",
        },
      ]);
    });

    it('refuses a phase starting before the request, an impossible date, and one five years away', () => {
      const draft = aDraftInput();
      const phase = (start: string, end: string) => ({
        ...draft,
        phases: [{ ...draft.phases[0]!, start, end }],
      });
      expect(issuesOf(phase('2026-04-29', '2026-06-12'))[0]!.message).toBe(
        'Phase 1 : date de début (2026-04-29) antérieure à la demande (2026-04-30).',
      );
      expect(issuesOf(phase('2026-06-31', '2026-07-01'))[0]!.message).toBe(
        'Phase 1 : date de début invalide, attendu AAAA-MM-JJ comme 2026-09-14.',
      );
      expect(issuesOf(phase('2026-06-01', '2031-06-12'))[0]!.path).toBe('phases.0.end');
    });

    it('refuses a quote without phases, a phase without charges, and a phase without a label', () => {
      expect(issuesOf({ ...aDraftInput(), phases: [] })).toEqual([
        { path: 'phases', message: 'Ajoutez au moins une phase.' },
      ]);
      const empty = {
        label: '',
        start: '2026-06-01',
        end: '2026-06-05',
        deliverables: [{ label: 'Note de cadrage' }],
      };
      expect(issuesOf({ ...aDraftInput(), phases: [empty] })).toEqual([
        { path: 'phases.0.label', message: 'Phase 1 : donnez-lui un intitulé (3 à 200 caractères).' },
        {
          path: 'phases.0.charges',
          message: "Phase 1 : aucune charge — ajoutez des jours d'une ligne du BPU.",
        },
      ]);
    });

    it('reports every problem of a draft at once, with a summary, and leaves the input untouched', () => {
      const input = deepFreeze(
        withFirstCharge({ line: 'PIL-CONF', quantity: -2 }) as unknown as Record<string, unknown>,
      );
      const before = JSON.stringify(input);
      const bad = { ...input, profiles: [{ code: 'P1', level: 'CONFIRME', name: 'Jean Dupont' }] };
      const error = errorOf(() => priceQuoteDraft(deepFreeze(bad), ctx)) as ValidationError;
      expect(error.message).toMatch(/^Le devis contient \d+ erreurs\. /);
      expect(error.issues.map((i) => i.path)).toEqual(
        expect.arrayContaining([
          'profiles.0.name',
          'phases.0.charges.0.quantity',
          'phases.0.deliverables.0.charges.0.profile',
        ]),
      );
      expect(JSON.stringify(input)).toBe(before);
    });
  });
});
