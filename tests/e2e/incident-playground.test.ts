/**
 * End to end, an incident across the two sides of the contract: the real service (its own process,
 * SQLite file, demo data) and two Microsoft 365 Agents Playgrounds, since a Playground serves one
 * tenant only. One is the beneficiary's (Léa Dubois, Ville de Bellerive-sur-Rhône), the other the
 * Titulaire's (Camille Martin, support engineer), whose team channel plays the support channel.
 * Both post to the same bot; each bot message goes back to the Playground whose serviceUrl the
 * conversation was stored with. Headless Chromium drives both like people would.
 *
 * What the Playground 0.2.28 renders (found by looking at screenshots and page.content()):
 * - chats and channels are buttons named `<team> - <channel>`; a channel is a list of posts with a
 *   "Start a new post" box on top and a reply box under each post (all are Lexical editors);
 * - bot text is a `p`; cards are `.ac-adaptiveCard`; an expanded ChoiceSet is radio buttons named by
 *   their titles, a compact one a Fluent combobox (named by its label) whose choices are `option`s;
 *   text inputs carry their placeholder; buttons are `button[aria-label="<title>"]`;
 * - in a channel (and a group chat) only messages that @mention the bot reach it: type "@Gui" and
 *   pick the `menuitem` "Guichet"; the bot's answer shows in the post's thread.
 */
import type { Locator, Page } from 'playwright-core';
import { testStoreIsCosmos } from '../store/cosmos-service-store';
import { BENEFICIARY_PLAYGROUND_CONFIG, SUPPORT_PLAYGROUND_CONFIG } from '../support/playground';
import { expectValue, PLAYGROUND_EDITOR as EDITOR, say, PlaygroundRig } from '../support/playground-rig';

/** The team channel of playground/support.m365agentsplayground.yml, as its chat-list button is named. */
const SUPPORT_CHANNEL = 'Titulaire — Support Guichet - Support Guichet';
const TITLE = 'Messagerie arrêtée pour tout le service';
const DESCRIPTION = "Plus aucun courriel n'arrive depuis 8 h, pour les 40 agents de la mairie.";
const DOMAIN = 'Infrastructure (Azure, serveurs, réseau)';
/** How long a bot answer may take to show up (the outbox sweeps every 200 ms here). */
const SHOWN = 20000;

jest.setTimeout(45000);

describe('an incident declared in the Playground, taken in the support channel', () => {
  const rig = new PlaygroundRig<'lea' | 'camille'>('incident', {
    lea: BENEFICIARY_PLAYGROUND_CONFIG,
    camille: SUPPORT_PLAYGROUND_CONFIG,
  });
  let lea: Page;
  let camille: Page;
  let ticketNumber: string | undefined;

  beforeAll(async () => {
    await rig.start();
    ({ lea, camille } = rig.pages);
  }, 90000);

  afterAll(() => rig.stop());

  const step = (name: string, run: () => Promise<void>) => rig.step(name, run);

  function requireTicket(): string {
    if (!ticketNumber) throw new Error('no ticket number: the declaration step failed (see above)');
    return ticketNumber;
  }

  it('Camille says "bonjour" to the bot in the team channel, which it then knows as the support channel', async () => {
    await step('support channel', async () => {
      await camille.locator(`button[aria-label="${SUPPORT_CHANNEL}"]`).click();
      const newPost = camille.locator('[role="group"]', {
        has: camille.getByText('Start a new post', { exact: true }),
      });
      await newPost.locator(EDITOR).click();
      // In a channel the Playground, like Teams, forwards only messages that @mention the bot.
      await camille.keyboard.type('@Gui');
      await camille.getByRole('menuitem', { name: 'Guichet' }).click();
      await camille.keyboard.type(' bonjour');
      await camille.keyboard.press('Enter');
      // The answer to a message names its author; the welcome cards sent on install do not.
      await camille
        .locator('.ac-adaptiveCard', { hasText: 'Bonjour Camille Martin !' })
        .first()
        .waitFor({ timeout: SHOWN });
    });
  });

  it('Léa declares an incident through the form and gets its number and deadline in Paris time', async () => {
    await step('declaration', async () => {
      await say(lea, 'incident');
      const form = lea
        .locator('.ac-adaptiveCard', { hasText: 'Déclarer un incident' })
        .filter({ has: lea.locator('input[type="radio"]') })
        .last();
      await form.waitFor({ timeout: SHOWN });
      await fillIncidentForm(lea, form);
      await form.locator('button[aria-label="Envoyer"]').click();

      const confirmation = lea
        .locator('p', { hasText: /Votre demande est enregistrée sous le numéro/ })
        .last();
      await confirmation.waitFor({ timeout: SHOWN });
      const text = (await confirmation.textContent()) ?? '';
      ticketNumber = /\bINC-\d{4}-\d{6}\b/.exec(text)?.[0];
      expect(ticketNumber).toMatch(/^INC-\d{4}-\d{6}$/);
      expect(text).toMatch(/Première réponse du support au plus tard le .+, heure de Paris\./);
      expect(text).toContain('gravité 1');
    });
  });

  it('the ticket card appears in the support channel, and "Prendre en charge" takes the ticket', async () => {
    const number = requireTicket();
    await step('support card', async () => {
      const cards = camille.locator('.ac-adaptiveCard', { hasText: number });
      await cards
        .first()
        .waitFor({ timeout: SHOWN })
        .catch(() => {
          throw new Error(`no card of ${number} in the channel « ${SUPPORT_CHANNEL} » after ${SHOWN} ms`);
        });
      expect(await cards.count()).toBe(1);
      const card = cards.first();
      await card.getByText(`${number} — ${TITLE}`).waitFor();
      await card.locator('p', { hasText: /^Nouveau · Gravité 1/ }).waitFor();
      await card.locator('button[aria-label="Prendre en charge"]').click();

      await card.locator('p', { hasText: /^Pris en charge · Gravité 1/ }).waitFor({ timeout: SHOWN });
      await card.getByText('Camille Martin', { exact: true }).first().waitFor();
      expect(await card.locator('button[aria-label="Prendre en charge"]').count()).toBe(0);
    });
  });

  it("Léa's chat hears that Camille Martin took the ticket", async () => {
    const number = requireTicket();
    await step('beneficiary notified', async () => {
      await lea
        .locator('p', { hasText: `Votre ticket ${number} est pris en charge par Camille Martin` })
        .first()
        .waitFor({ timeout: SHOWN });
    });
  });

  it('the service ran on the store of this test project and logged no error along the way', () => {
    expect(rig.serviceStore()).toBe(testStoreIsCosmos() ? 'cosmos' : 'sqlite');
    expect(rig.serviceErrors()).toEqual([]);
  });
});

/** Severity 1, the default category, the Infrastructure domain, a title and a description. */
async function fillIncidentForm(page: Page, form: Locator): Promise<void> {
  await form.getByRole('radio', { name: /^Gravité 1 —/ }).check();
  expect(await form.getByRole('combobox', { name: /Catégorie/ }).inputValue()).toBe('Incident');
  await form.getByRole('combobox', { name: /Domaine/ }).click();
  await page.getByRole('option', { name: DOMAIN }).click();
  await expectValue(form.getByRole('combobox', { name: /Domaine/ }), 'Domaine', DOMAIN);
  await form.locator('input[placeholder^="Ex. : messagerie inaccessible"]').fill(TITLE);
  await form.locator('textarea[placeholder^="Que se passe-t-il"]').fill(DESCRIPTION);
}
