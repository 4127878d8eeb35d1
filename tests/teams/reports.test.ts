/**
 * "rapport …" in Teams over real HTTP: the report card for the CANUT's and the Titulaire's staff, a
 * French refusal for a beneficiary's agent, a French error for a period nobody could read; and the
 * card stays valid and under 28 KB with 500 beneficiaries.
 */
import { DEMO_TENANTS } from '../../bot/src/config/config';
import { buildReport } from '../../bot/src/domain/reports/build-report';
import { quarterPeriod } from '../../bot/src/domain/reports/report-period';
import type { Report, VolumeRow } from '../../bot/src/domain/reports/report-types';
import { reportCard, topBeneficiaries } from '../../bot/src/teams/cards/report-card';
import { REPORT_REFUSAL } from '../../bot/src/teams/report-handlers';
import { requestOfText } from '../../bot/src/teams/text-commands';
import { checkAdaptiveCard } from '../support/adaptive-card-check';
import { useBotHarness } from '../support/bot-harness';
import { anActivity } from '../support/factories';

const SOPHIE = 'a1b2c3d4-0000-4000-8000-000000000004'; // Canut.Staff
const CAMILLE = 'a1b2c3d4-0000-4000-8000-000000000001'; // Support.Engineer

type Reply = { attachments?: { content: Record<string, unknown> }[]; text?: string };

/** A report of Q3 2026 whose volume lists `count` beneficiaries. */
function reportWith(count: number): Report {
  const period = quarterPeriod(2026, 3);
  const empty = buildReport(period, { orders: [], tickets: [], quotes: [] }, { now: '2026-10-02T00:00:00Z' });
  const bucket = empty.volume.total.bucket;
  const rows: VolumeRow[] = Array.from({ length: count }, (_, i) => ({
    ...empty.volume.total,
    siret: String(21690000000000 + i),
    beneficiaryName: `Commune numéro ${i} avec un nom assez long pour peser`,
    orderCount: 1 + (i % 7),
    htCents: 100_00 * (i + 1),
    bucket,
  }));
  return { ...empty, volume: { total: { ...empty.volume.total, htCents: 1_000_000_00 }, rows } };
}

describe('report card', () => {
  it('names the five largest beneficiaries and stays valid under 28 KB with 500 of them', () => {
    const report = reportWith(500);
    expect(topBeneficiaries(report).map((r) => r.beneficiaryName)).toEqual(
      [499, 498, 497, 496, 495].map((i) => `Commune numéro ${i} avec un nom assez long pour peser`),
    );
    const content = reportCard(report, 'https://guichet.example/');
    const check = checkAdaptiveCard(content);
    expect(check.errors).toEqual([]);
    expect(check.bytes).toBeLessThan(28 * 1024);
    expect(check.actionTitles).toEqual(['Ouvrir les rapports']);
    expect(JSON.stringify(content)).toContain('"url":"https://guichet.example/tab/#/rapports"');
    expect(check.texts.join('\n')).toContain('495 autre(s) bénéficiaire(s)');
  });

  it('reads the periods people type', () => {
    expect(requestOfText('rapport T3 2026')).toEqual({ command: 'report.show', arg: 't3 2026' });
    expect(requestOfText('Rapport août 2026')).toEqual({ command: 'report.show', arg: 'aout 2026' });
    expect(requestOfText('rapport')).toEqual({ command: 'welcome' });
  });
});

describe('rapport in Teams', () => {
  const h = useBotHarness();
  const ask = async (text: string, from: { tenantId?: string; aadObjectId?: string } = {}) => {
    const res = await h.svc.post('/api/messages', {
      ...anActivity({ text, serviceUrl: h.connector.serviceUrl, ...from }),
      deliveryMode: 'expectReplies',
    });
    return ((await res.json()) as { activities: Reply[] }).activities;
  };

  it.each([
    ['the CANUT', 'rapport T3 2026', DEMO_TENANTS.canut, SOPHIE, 'T3 2026'],
    ['the Titulaire', 'rapport 2026', DEMO_TENANTS.titulaire, CAMILLE, '2026'],
    ['the CANUT', 'rapport octobre 2026', DEMO_TENANTS.canut, SOPHIE, 'octobre 2026'],
  ])('answers %s staff with the card of "%s" at once', async (_who, text, tenantId, aadObjectId, label) => {
    const [reply] = await ask(text, { tenantId, aadObjectId });
    const content = reply?.attachments?.[0]?.content;
    const check = checkAdaptiveCard(content);
    expect(check.errors).toEqual([]);
    expect(check.texts[0]).toBe(`Rapport AOO_2024_PSTM — ${label}`);
    expect(check.texts.join('\n')).not.toMatch(/undefined|NaN/);
    expect(JSON.stringify(content)).toContain("Volume d'affaires HT");
  });

  it('refuses a beneficiary agent in French', async () => {
    const [reply] = await ask('rapport T3 2026');
    expect(reply?.text).toBe(REPORT_REFUSAL);
    expect(reply?.attachments ?? []).toHaveLength(0);
  });

  it('explains a period it cannot read, in French, with examples', async () => {
    const [reply] = await ask('rapport la semaine dernière', {
      tenantId: DEMO_TENANTS.canut,
      aadObjectId: SOPHIE,
    });
    expect(reply?.text).toMatch(/^Période non reconnue .*« T3 2026 »/);
  });
});
