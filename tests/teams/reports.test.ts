/**
 * "rapport …" in Teams over real HTTP: the report card for the CANUT's and the Titulaire's staff, a
 * French refusal for a beneficiary's agent, a French error for a period nobody could read; the card
 * stays valid and under 28 KB with 500 beneficiaries; its buttons open the tab's Rapports page on
 * the same period, with a download request for the files (a Teams deep link when the app id is known).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_TENANTS } from '../../bot/src/config/config';
import { buildReport } from '../../bot/src/domain/reports/build-report';
import { parseReportPeriod, quarterPeriod, yearPeriod } from '../../bot/src/domain/reports/report-period';
import type { Report, VolumeRow } from '../../bot/src/domain/reports/report-types';
import { PERSONAL_TAB_ENTITY_ID, reportCard, topBeneficiaries } from '../../bot/src/teams/cards/report-card';
import { REPORT_REFUSAL } from '../../bot/src/teams/report-handlers';
import { requestOfText } from '../../bot/src/teams/text-commands';
import { checkAdaptiveCard } from '../support/adaptive-card-check';
import { useBotHarness } from '../support/bot-harness';
import { anActivity } from '../support/factories';

const SOPHIE = 'a1b2c3d4-0000-4000-8000-000000000004'; // Canut.Staff
const CAMILLE = 'a1b2c3d4-0000-4000-8000-000000000001'; // Support.Engineer

type Reply = { attachments?: { content: Record<string, unknown> }[]; text?: string };

const WEB = { publicUrl: 'https://guichet.example/' };
const IN_TEAMS = { publicUrl: 'https://guichet.example', teamsAppId: '0f7f5a1e-2b3c-4d5e-8f90-1a2b3c4d5e6f' };

/** The URLs of the card's Action.OpenUrl buttons, in order. */
function cardUrls(content: { actions?: unknown[] }): URL[] {
  return (content.actions as { type: string; url: string }[])
    .filter((a) => a.type === 'Action.OpenUrl')
    .map((a) => new URL(a.url));
}

/**
 * What the tab reads from a route such as `rapports?period=2026-T3&download=xlsx`, the period as
 * `/api/v1/reports` understands it (its key, so a period that would not parse fails the test).
 */
function tabRequest(route: string): { page: string; period: string; download: string | null } {
  const [page, query = ''] = route.split('?');
  const params = new URLSearchParams(query);
  return {
    page: page!,
    period: parseReportPeriod(params.get('period')).key,
    download: params.get('download'),
  };
}

/** A report of a period (Q3 2026 by default) whose volume lists `count` beneficiaries. */
function reportWith(count: number, period = quarterPeriod(2026, 3)): Report {
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
    for (const links of [WEB, IN_TEAMS]) {
      const check = checkAdaptiveCard(reportCard(report, links));
      expect(check.errors).toEqual([]);
      expect(check.bytes).toBeLessThan(28 * 1024);
      expect(check.actionTitles).toEqual(['Ouvrir les rapports', 'Télécharger (Excel)', 'Télécharger (CSV)']);
      expect(check.texts.join('\n')).toContain('495 autre(s) bénéficiaire(s)');
    }
  });

  it.each([
    ['T3 2026', quarterPeriod(2026, 3)],
    ['2026', yearPeriod(2026)],
  ])('links the tab on the web to the Rapports page of %s, with each download', (_label, period) => {
    const urls = cardUrls(reportCard(reportWith(3, period), WEB));
    expect(urls.map((u) => u.origin + u.pathname)).toEqual(Array(3).fill('https://guichet.example/tab/'));
    expect(urls.map((u) => tabRequest(u.hash.replace(/^#\//, '')))).toEqual([
      { page: 'rapports', period: period.key, download: null },
      { page: 'rapports', period: period.key, download: 'xlsx' },
      { page: 'rapports', period: period.key, download: 'csv' },
    ]);
  });

  it('links inside Teams to the personal tab, the route in the deep link context', () => {
    const period = quarterPeriod(2026, 3);
    const urls = cardUrls(reportCard(reportWith(3, period), IN_TEAMS));
    for (const url of urls) {
      expect(url.origin).toBe('https://teams.microsoft.com');
      expect(url.pathname).toBe(`/l/entity/${IN_TEAMS.teamsAppId}/${PERSONAL_TAB_ENTITY_ID}`);
      expect([...url.searchParams.keys()]).toEqual(['context']);
    }
    const routes = urls.map((u) => JSON.parse(u.searchParams.get('context')!) as Record<string, string>);
    expect(routes.map((context) => Object.keys(context))).toEqual(Array(3).fill(['subEntityId']));
    expect(routes.map((context) => tabRequest(context.subEntityId!))).toEqual([
      { page: 'rapports', period: '2026-T3', download: null },
      { page: 'rapports', period: '2026-T3', download: 'xlsx' },
      { page: 'rapports', period: '2026-T3', download: 'csv' },
    ]);
  });

  it("deep-links to the manifest's personal tab that shows the tab", () => {
    const manifest = JSON.parse(
      readFileSync(path.join(__dirname, '../../manifest/manifest.json'), 'utf8'),
    ) as { staticTabs: { entityId: string; contentUrl?: string; scopes: string[] }[] };
    const tab = manifest.staticTabs.find((t) => t.entityId === PERSONAL_TAB_ENTITY_ID);
    expect(tab?.scopes).toContain('personal');
    expect(tab?.contentUrl).toMatch(/\/tab\/$/);
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
    ['the CANUT', 'rapport T3 2026', DEMO_TENANTS.canut, SOPHIE, 'T3 2026', '2026-T3'],
    ['the Titulaire', 'rapport 2026', DEMO_TENANTS.titulaire, CAMILLE, '2026', '2026'],
    ['the CANUT', 'rapport octobre 2026', DEMO_TENANTS.canut, SOPHIE, 'octobre 2026', '2026-10'],
  ])(
    'answers %s staff with the card of "%s" at once',
    async (_who, text, tenantId, aadObjectId, label, key) => {
      const [reply] = await ask(text, { tenantId, aadObjectId });
      const content = reply?.attachments?.[0]?.content;
      const check = checkAdaptiveCard(content);
      expect(check.errors).toEqual([]);
      expect(check.texts[0]).toBe(`Rapport AOO_2024_PSTM — ${label}`);
      expect(check.texts.join('\n')).not.toMatch(/undefined|NaN/);
      expect(JSON.stringify(content)).toContain("Volume d'affaires HT");
      const routes = cardUrls(content as { actions?: unknown[] }).map((u) => tabRequest(u.hash.slice(2)));
      expect(routes.map((r) => [r.period, r.download])).toEqual([
        [key, null],
        [key, 'xlsx'],
        [key, 'csv'],
      ]);
    },
  );

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
