/**
 * The price schedule (BPU) in the `catalogue` container: one document per version, in the system
 * partition (the schedule belongs to the agreement, not to a beneficiary). A version is written once
 * and never rewritten: a price revision is a new version valid from a later date, and quotes copy the
 * lines they use, so nothing stored can change the price of a quote already made.
 */
import { ConflictError } from '../domain/errors';
import { scheduleInForce, type PriceSchedule } from '../domain/catalogue/price-schedule';
import type { LocalDate } from '../domain/calendar/civil-date';
import { SYSTEM_PARTITION, type Container, type Doc, type Store } from './port';

type PriceScheduleDoc = Doc & PriceSchedule & { type: 'price-schedule' };

/** Versions are few (one or two a year): every read loads them all. */
const MAX_VERSIONS = 1000;

function docId(version: string): string {
  return `price-schedule:${version}`;
}

/** Reads and records versions of the price schedule. */
export class PriceScheduleRepository {
  private readonly container: Container<PriceScheduleDoc>;

  constructor(store: Store) {
    this.container = store.container<PriceScheduleDoc>('catalogue');
  }

  /**
   * Records a version; `created: false` when the very same version is already there (imports and
   * seeds are re-runnable). `ConflictError` when the label exists with other content.
   */
  async save(schedule: PriceSchedule): Promise<{ created: boolean }> {
    const doc: PriceScheduleDoc = {
      version: schedule.version,
      validFrom: schedule.validFrom,
      lines: schedule.lines.map((l) => ({ ...l })),
      id: docId(schedule.version),
      pk: SYSTEM_PARTITION,
      type: 'price-schedule',
    };
    try {
      await this.container.create(doc);
      return { created: true };
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const existing = await this.get(schedule.version);
      if (existing && sameContent(existing, schedule)) return { created: false };
      throw new ConflictError(
        `La version ${schedule.version} du BPU existe déjà avec d'autres prix : ` +
          'une révision de prix est une nouvelle version, avec sa date de début.',
      );
    }
  }

  /** The version with this label, if any. */
  async get(version: string): Promise<PriceSchedule | undefined> {
    const doc = await this.container.read(SYSTEM_PARTITION, docId(version));
    return doc?.type === 'price-schedule' ? fromDoc(doc) : undefined;
  }

  /** Every version, the oldest first. */
  async list(): Promise<PriceSchedule[]> {
    const page = await this.container.query({
      pk: SYSTEM_PARTITION,
      filters: [{ field: 'type', op: 'eq', value: 'price-schedule' }],
      orderBy: [{ field: 'validFrom' }],
      limit: MAX_VERSIONS,
    });
    return page.items.map(fromDoc);
  }

  /** The version in force on a local date (the latest that started on or before it). */
  async inForce(date: LocalDate): Promise<PriceSchedule | undefined> {
    return scheduleInForce(await this.list(), date);
  }
}

function fromDoc(doc: PriceScheduleDoc): PriceSchedule {
  return { version: doc.version, validFrom: doc.validFrom, lines: doc.lines };
}

function sameContent(a: PriceSchedule, b: PriceSchedule): boolean {
  const canonical = (s: PriceSchedule) =>
    JSON.stringify({
      validFrom: s.validFrom,
      lines: s.lines.map((l) => [
        l.code,
        l.label,
        l.kind,
        l.level,
        l.unit,
        l.unitPriceCents,
        l.option ?? null,
      ]),
    });
  return canonical(a) === canonical(b);
}
