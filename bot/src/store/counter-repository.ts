/**
 * Named sequences (ticket numbers per year…), shared by every instance of the service. Each
 * increment is a conditional write on the counter's ETag, retried when another instance won the race,
 * so two instances never hand out the same number.
 */
import { ConflictError, PreconditionFailedError, StoreUnavailableError } from '../domain/errors';
import { SYSTEM_PARTITION, type Container, type Doc, type Store } from './port';

interface CounterDoc extends Doc {
  type: 'counter';
  value: number;
}

const MAX_ATTEMPTS = 50;

/** Hands out strictly increasing numbers per sequence name. */
export class CounterRepository {
  private readonly container: Container<CounterDoc>;

  constructor(store: Store) {
    this.container = store.container<CounterDoc>('counters');
  }

  /** The next value of `name` (1 for a new sequence). */
  async next(name: string): Promise<number> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.container.read(SYSTEM_PARTITION, name);
      try {
        if (!current) {
          await this.container.create({ id: name, pk: SYSTEM_PARTITION, type: 'counter', value: 1 });
          return 1;
        }
        const value = current.value + 1;
        // No need to wait for the disk: a number is only ever used in a later commit that waits, and
        // the store's journal is written in order, so that commit makes this one durable too; a
        // number lost with an increment never flushed was never used.
        await this.container.replace({ ...current, value }, { ifMatch: current._etag, durable: false });
        return value;
      } catch (err) {
        if (!(err instanceof PreconditionFailedError || err instanceof ConflictError)) throw err;
        // Another instance took this value: back off a little, at random, and read again.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));
      }
    }
    throw new StoreUnavailableError('Trop de demandes simultanées : réessayez dans un instant.');
  }
}
