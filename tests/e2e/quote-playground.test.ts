/**
 * End to end, a quote from the request to the order: the real service (its own process, SQLite
 * file, demo data), the account manager's side through the REST API (token from the local sign-in),
 * and two Microsoft 365 Agents Playgrounds of the same beneficiary tenant (Ville de
 * Bellerive-sur-Rhône), since a Playground has one current user: Léa Dubois, an agent, asks for the
 * quote; Marc Petit, its approver, accepts it. Headless Chromium drives both like people would.
 *
 * Teams lets a bot write first only into a conversation it already has: the quote card reaches an
 * approver's personal chat once the bot has stored it (bot/src/teams/quote-wiring.ts), which it does
 * on install and on every message. Opening the Playground already sends the install events; Marc
 * also says "bonjour", as an approver opening Guichet would, and the bot must know him as approver.
 * Selectors are those of tests/e2e/incident-playground.test.ts (Playground 0.2.28).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { testStoreIsCosmos } from '../store/cosmos-service-store';
import { BENEFICIARY_PLAYGROUND_CONFIG } from '../support/playground';
import { expectValue, say, PlaygroundRig } from '../support/playground-rig';

const ROOT = path.resolve(__dirname, '../..');
const APPROVER_PLAYGROUND_CONFIG = path.join(ROOT, 'playground/approver.m365agentsplayground.yml');
/** Ville de Bellerive-sur-Rhône and the demo account manager, Julien Bernard (bot/src/cli/demo-data.ts). */
const BELLERIVE = '21690012300029';
const ACCOUNT_MANAGER = 'a1b2c3d4-0000-4000-8000-000000000002';
const SUBJECT = 'Migration de la messagerie vers Exchange Online';
const NEED = 'Migrer les 40 boîtes aux lettres de la mairie, sans interruption du service.';
const DOMAIN = 'Modern Workplace (Microsoft 365, postes de travail)';
/** How long a bot answer may take to show up (the outbox sweeps every 200 ms here). */
const SHOWN = 20000;

jest.setTimeout(45000);

describe('a quote requested in the Playground, sent through the API, accepted by the approver', () => {
  const rig = new PlaygroundRig<'lea' | 'marc'>('quote', {
    lea: BENEFICIARY_PLAYGROUND_CONFIG,
    marc: APPROVER_PLAYGROUND_CONFIG,
  });
  let lea: Page;
  let marc: Page;
  let quoteNumber: string | undefined;
  let sent = false;

  beforeAll(async () => {
    await rig.start();
    ({ lea, marc } = rig.pages);
  }, 90000);

  afterAll(() => rig.stop());

  const step = (name: string, run: () => Promise<void>) => rig.step(name, run);

  function requireQuote(needSent = false): string {
    if (!quoteNumber) throw new Error('no quote number: the request step failed (see above)');
    if (needSent && !sent) throw new Error(`${quoteNumber} was not sent: the API step failed (see above)`);
    return quoteNumber;
  }

  /** A JSON call to the service's API; anything but 200 throws with the answer. */
  async function api<T>(method: string, url: string, body?: unknown, token?: string): Promise<T> {
    const res = await fetch(`${rig.botUrl}${url}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${method} ${url} answered ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  }

  it('Marc Petit, the approver, opens Guichet: the bot knows him as an approver and keeps his chat', async () => {
    await step('approver hello', async () => {
      await say(marc, 'bonjour');
      const welcome = marc.locator('.ac-adaptiveCard', { hasText: 'Bonjour Marc Petit !' }).first();
      await welcome.waitFor({ timeout: SHOWN });
      await welcome.getByText('Approbateur (validation des devis)').first().waitFor();
    });
  });

  it('Léa asks for a quote through the form and gets its number and due date', async () => {
    await step('request', async () => {
      await say(lea, 'devis');
      const form = lea
        .locator('.ac-adaptiveCard', { hasText: 'Demander un devis' })
        .filter({ has: lea.locator('button[aria-label="Envoyer la demande"]') })
        .last();
      await form.waitFor({ timeout: SHOWN });
      await form.locator('input[placeholder^="Ex. : migration de la messagerie"]').fill(SUBJECT);
      await form.locator('textarea[placeholder^="Le contexte, le résultat attendu"]').fill(NEED);
      await form.getByRole('combobox', { name: /Domaine/ }).click();
      await lea.getByRole('option', { name: DOMAIN }).click();
      await expectValue(form.getByRole('combobox', { name: /Domaine/ }), 'Domaine', DOMAIN);
      await form.locator('button[aria-label="Envoyer la demande"]').click();

      const confirmation = lea
        .locator('p', { hasText: /Votre demande de devis est enregistrée sous le numéro/ })
        .last();
      await confirmation.waitFor({ timeout: SHOWN });
      const text = (await confirmation.textContent()) ?? '';
      quoteNumber = /\bDEV-\d{4}-\d{4}\b/.exec(text)?.[0];
      expect(quoteNumber).toMatch(/^DEV-\d{4}-\d{4}$/);
      expect(text).toMatch(
        /Le Titulaire vous enverra son devis au plus tard le \w+ (1er|\d{1,2}) \p{L}+ \d{4} \(10 jours ouvrés\)\./u,
      );
      await lea
        .locator('.ac-adaptiveCard', { hasText: `${quoteNumber} — ${SUBJECT}` })
        .first()
        .waitFor();
    });
  });

  it('the account manager prepares the quote and sends it through the API', async () => {
    const number = requireQuote();
    await step('prepare and send', async () => {
      const { accessToken: token } = await api<{ accessToken: string }>('POST', '/api/v1/local-sign-in', {
        userId: ACCOUNT_MANAGER,
      });
      const page = await api<{ items: { id: string; number: string }[] }>(
        'GET',
        `/api/v1/quotes?beneficiary=${BELLERIVE}&limit=100`,
        undefined,
        token,
      );
      const id = page.items.find((q) => q.number === number)?.id;
      if (!id) throw new Error(`${number} is not in the account manager's list of Bellerive's quotes`);
      const quotePath = `/api/v1/quotes/${BELLERIVE}/${id}`;
      type Detail = { quote: { status: string; versions: { totals: { ttcCents: number } }[] } };
      const prepared = await api<Detail>('PUT', `${quotePath}/draft`, aDraft(), token);
      expect(prepared.quote.status).toBe('in-preparation');
      // 2 days of PIL-CONF (780 €) and 5 of INT-EXP (890 €): 6 010 € HT, 7 212 € TTC.
      expect(prepared.quote.versions[0]!.totals.ttcCents).toBe(721_200);
      const done = await api<Detail>('POST', `${quotePath}/send`, { version: 1 }, token);
      expect(done.quote.status).toBe('sent');
      sent = true;
    });
  });

  it("the quote card reaches Léa's chat, without Accepter for her", async () => {
    const number = requireQuote(true);
    await step('requester card', async () => {
      const card = lea
        .locator('.ac-adaptiveCard', { hasText: number })
        .filter({ hasText: 'Envoyé · version 1' });
      await card.first().waitFor({ timeout: SHOWN });
      expect(await card.count()).toBe(1);
      await card
        .getByText(/7\s212,00\s€/)
        .first()
        .waitFor();
      await card.getByText(/Seuls les approbateurs de .+ peuvent accepter ou refuser ce devis\./).waitFor();
      expect(await lea.locator('button[aria-label="Accepter"]').count()).toBe(0);
      const notice = lea.locator('p', {
        hasText: /peuvent l'accepter ou le refuser depuis la carte du devis/,
      });
      await notice.first().waitFor();
      // Marc has talked to the bot: Léa is not asked to pass the word on.
      expect(await lea.getByText(/n'ont pas encore ouvert Guichet/).count()).toBe(0);
    });
  });

  it('Marc gets the card in his chat and accepts it: the card says so and names the order', async () => {
    const number = requireQuote(true);
    await step('approver accepts', async () => {
      const cards = marc.locator('.ac-adaptiveCard', { hasText: number });
      const accept = cards.locator('button[aria-label="Accepter"]');
      await accept.first().waitFor({ timeout: SHOWN });
      expect(await accept.count()).toBe(1);
      await cards.locator('button[aria-label="Refuser"]').first().waitFor();
      await accept.first().click();

      const banner = /Devis accepté : bon de commande BC-\d{4}-\d{4} émis\./;
      const accepted = marc.locator('.ac-adaptiveCard', { hasText: banner }).first();
      await accepted.waitFor({ timeout: SHOWN });
      const order = /BC-\d{4}-\d{4}/.exec((await accepted.textContent()) ?? '')![0];
      await accepted.getByText('Accepté · version 1').waitFor();
      await accepted.getByText(/^Accepté par Marc Petit le /).waitFor();
      expect(await marc.locator('button[aria-label="Accepter"]').count()).toBe(0);

      // The order's notice and card go to the conversation the request came from: Léa's.
      await lea
        .locator('p', { hasText: `Bon de commande ${order} émis pour le devis ${number}` })
        .first()
        .waitFor({ timeout: SHOWN });
      await lea
        .locator('.ac-adaptiveCard', { hasText: `Bon de commande ${order}` })
        .first()
        .waitFor();
    });
  });

  it('the service ran on the store of this test project and logged no error along the way', () => {
    expect(rig.serviceStore()).toBe(testStoreIsCosmos() ? 'cosmos' : 'sqlite');
    expect(rig.serviceErrors()).toEqual([]);
  });
});

/** One phase from 3 to 30 days ahead: 2 days of PIL-CONF, a deliverable of 5 days of INT-EXP by P1. */
function aDraft(): unknown {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  return {
    phases: [
      {
        label: 'Cadrage et migration',
        start: day(3),
        end: day(30),
        charges: [{ line: 'PIL-CONF', quantity: 2 }],
        deliverables: [
          {
            label: 'Dossier de migration',
            dueDate: day(30),
            charges: [{ line: 'INT-EXP', quantity: 5, profile: 'P1' }],
          },
        ],
      },
    ],
    profiles: [{ code: 'P1', level: 'EXPERT', certifications: ['MS-203'] }],
  };
}
