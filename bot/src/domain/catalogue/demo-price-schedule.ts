/**
 * The demo price schedule the seed loads: fifteen lines at day rates typical of 2024 French public
 * procurement of Microsoft services (excluding VAT), plus the 24/7 support option by the month.
 * Demo data only: the real BPU is the Titulaire's offer, imported with `guichet import`.
 */
import type { PriceLine } from './price-line';
import type { PriceSchedule } from './price-schedule';

const day = (
  code: string,
  label: string,
  kind: PriceLine['kind'],
  level: NonNullable<PriceLine['level']>,
  euros: number,
): PriceLine => Object.freeze({ code, label, kind, level, unit: 'jour', unitPriceCents: euros * 100 });

/** Version `2024-1` of the demo BPU, in force from the agreement's notification. */
export const DEMO_PRICE_SCHEDULE: PriceSchedule = Object.freeze({
  version: '2024-1',
  validFrom: '2024-07-01',
  lines: Object.freeze([
    day('CA-JUN', 'Consultant', 'conseil-audit', 'JUNIOR', 550),
    day('CA-CONF', 'Consultant', 'conseil-audit', 'CONFIRME', 750),
    day('CA-EXP', 'Consultant senior / architecte', 'conseil-audit', 'EXPERT', 1_050),
    day('INT-JUN', "Ingénieur d'intégration", 'integration', 'JUNIOR', 480),
    day('INT-CONF', "Ingénieur d'intégration", 'integration', 'CONFIRME', 650),
    day('INT-EXP', "Ingénieur d'intégration", 'integration', 'EXPERT', 890),
    day('PIL-CONF', 'Chef de projet', 'pilotage', 'CONFIRME', 780),
    day('PIL-EXP', 'Directeur de projet', 'pilotage', 'EXPERT', 1_050),
    day(
      'FOR-CONF',
      'Formateur (journée de formation, groupe de 8 au plus)',
      'accompagnement-formation',
      'CONFIRME',
      850,
    ),
    day(
      'FOR-EXP',
      'Formateur certifié (journée de formation, groupe de 8 au plus)',
      'accompagnement-formation',
      'EXPERT',
      1_100,
    ),
    day('ACC-CONF', 'Accompagnement au changement', 'accompagnement-formation', 'CONFIRME', 680),
    day('AST-JUN', 'Technicien support', 'assistance', 'JUNIOR', 420),
    day('AST-CONF', 'Ingénieur support', 'assistance', 'CONFIRME', 580),
    day('AST-EXP', 'Ingénieur support', 'assistance', 'EXPERT', 820),
    Object.freeze({
      code: 'SUP-247',
      label: 'Option support 24/7 (gravités 1 et 2, astreinte comprise)',
      kind: 'assistance',
      level: null,
      unit: 'mois',
      unitPriceCents: 180_000,
      option: 'support-24-7',
    } satisfies PriceLine),
  ]),
});
