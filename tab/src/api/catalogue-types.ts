/**
 * The offer: amounts, the price schedule (BPU) and the account managers.
 */
/** Amounts in euro cents: excluding VAT, VAT, including VAT. */
export interface Amounts {
  htCents: number;
  vatCents: number;
  ttcCents: number;
}

export type ProfileLevel = 'JUNIOR' | 'CONFIRME' | 'EXPERT';

/** A line of the price schedule (BPU). */
export interface PriceLine {
  code: string;
  label: string;
  kind: string;
  /** null for the 24/7 support option, sold by the month. */
  level: ProfileLevel | null;
  unit: 'jour' | 'mois';
  unitPriceCents: number;
  option?: string;
}

/** GET /api/v1/catalogue/price-schedule. */
export interface PriceSchedule {
  version: string;
  validFrom: string;
  lines: (PriceLine & { kindLabel: string })[];
}

/** A commercial contact of the Titulaire (GET /api/v1/catalogue/contacts). */
export interface CatalogueContact {
  name: string;
  email?: string;
}
