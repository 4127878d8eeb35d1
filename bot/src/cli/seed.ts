/**
 * Seeds the demo data set (DESIGN.md demo: beneficiaries across zones, a groupement, one user per
 * role, the demo price schedule). Runs on the first `npm start` and on `npm run seed -- --reset`;
 * never in production.
 */
import { beneficiaryInputSchema } from '../domain/beneficiaries/beneficiary';
import { BeneficiaryRepository } from '../store/beneficiary-repository';
import type { Store } from '../store/port';
import { PriceScheduleRepository } from '../store/price-schedule-repository';
import { StaffRepository } from '../store/staff-repository';
import { DEMO_BENEFICIARIES, DEMO_PRICE_SCHEDULES, DEMO_STAFF } from './demo-data';

export interface SeedResult {
  seeded: boolean;
  beneficiaries: number;
  staff: number;
  /** Versions of the price schedule (BPU) loaded. */
  priceSchedules: number;
}

/** Writes the demo data set (idempotent: documents are upserted by their natural keys). */
export async function seedDemoData(store: Store): Promise<SeedResult> {
  const beneficiaries = new BeneficiaryRepository(store);
  const staff = new StaffRepository(store);
  for (const input of DEMO_BENEFICIARIES) await beneficiaries.save(beneficiaryInputSchema.parse(input));
  for (const member of DEMO_STAFF) await staff.save(member);
  // A version already there with the same prices is left as it is: quotes may have copied it.
  const schedules = new PriceScheduleRepository(store);
  for (const schedule of DEMO_PRICE_SCHEDULES) await schedules.save(schedule);
  return {
    seeded: true,
    beneficiaries: DEMO_BENEFICIARIES.length,
    staff: DEMO_STAFF.length,
    priceSchedules: DEMO_PRICE_SCHEDULES.length,
  };
}

/** Seeds only an empty store, so a user's own data is never overwritten by the demo set. */
export async function seedIfEmpty(store: Store): Promise<SeedResult> {
  const existing = await new BeneficiaryRepository(store).count();
  if (existing > 0) return { seeded: false, beneficiaries: existing, staff: 0, priceSchedules: 0 };
  return seedDemoData(store);
}
