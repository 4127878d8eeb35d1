/**
 * The payment delay printed on quotes and orders follows the beneficiary's kind, read from the real
 * beneficiary registry: 50 days (art. R. 2192-11) for a public health establishment, 30 days
 * (art. R. 2192-10) for a town, and the general rule when the registry does not know the SIRET.
 */
import { renderOrderPdf } from '../../bot/src/documents/order-pdf';
import { renderQuotePdf } from '../../bot/src/documents/quote-pdf';
import { DEMO_TITULAIRE, documentParties } from '../../bot/src/documents/titulaire-identity';
import { type BeneficiaryKind, beneficiaryInputSchema } from '../../bot/src/domain/beneficiaries/beneficiary';
import { BeneficiaryRepository } from '../../bot/src/store/beneficiary-repository';
import type { Store } from '../../bot/src/store/port';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import { aBeneficiary } from '../support/factories';
import { PARIS_SIRET, aQuoteIn, anIssuedOrder } from '../domain/quotes/factories';
import { extractPdf } from './pdf-text';

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('payment terms printed by kind of beneficiary', () => {
  let store: Store;
  let registry: BeneficiaryRepository;
  beforeAll(() => {
    store = openSqliteStore({ memory: true });
    registry = new BeneficiaryRepository(store);
  });
  afterAll(() => store.close());

  const registerAs = (kind: BeneficiaryKind) =>
    registry.save(beneficiaryInputSchema.parse(aBeneficiary({ siret: PARIS_SIRET, kind })));
  const quoteText = async () =>
    oneLine(
      extractPdf(
        await renderQuotePdf(aQuoteIn('sent').quote, undefined, documentParties(DEMO_TITULAIRE, registry)),
      ).text,
    );
  const orderText = async () =>
    oneLine(
      extractPdf(await renderOrderPdf(anIssuedOrder().order, documentParties(DEMO_TITULAIRE, registry))).text,
    );

  it('prints 50 days (R. 2192-11) on the quote and the order of a public health establishment', async () => {
    await registerAs('etablissement-sante');
    for (const text of [await quoteText(), await orderText()]) {
      expect(text).toContain(
        'délai global de paiement de 50 jours prévu par le code de la commande publique (article R. 2192-11)',
      );
      expect(text).not.toContain('30 jours');
    }
  });

  it('prints 30 days (R. 2192-10) for a town', async () => {
    await registerAs('commune');
    for (const text of [await quoteText(), await orderText()]) {
      expect(text).toContain(
        'délai global de paiement de 30 jours prévu par le code de la commande publique (article R. 2192-10)',
      );
      expect(text).not.toContain('50 jours');
    }
  });

  it('prints the general rule for a SIRET the registry does not know', async () => {
    const other = openSqliteStore({ memory: true });
    try {
      const empty = new BeneficiaryRepository(other);
      const text = oneLine(
        extractPdf(await renderOrderPdf(anIssuedOrder().order, documentParties(DEMO_TITULAIRE, empty))).text,
      );
      expect(text).toContain('délai global de paiement de 30 jours');
    } finally {
      await other.close();
    }
  });
});
