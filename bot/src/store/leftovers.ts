/**
 * Finishing what a crash left in a partition: the documents of one type that stand for unfinished
 * work (view-sync markers, follow-ups), each handled by the caller, who removes it once done.
 */
import type { Container, Doc, Stored } from './port';

/** Leftovers handled per visit of a partition. */
const PAGE = 100;

/**
 * Hands each document of `type` in partition `pk` to `finish` (a page of them); returns how many
 * are still left: those whose `finish` failed, plus one when more than a page waits.
 */
export async function finishLeftovers<T extends Doc>(
  container: Container<Doc>,
  pk: string,
  type: string,
  finish: (doc: Stored<T>) => Promise<void>,
): Promise<number> {
  const page = await container.query({
    pk,
    filters: [{ field: 'type', op: 'eq', value: type }],
    limit: PAGE,
  });
  let left = page.continuationToken ? 1 : 0;
  for (const doc of page.items as Stored<T>[]) {
    try {
      await finish(doc);
    } catch {
      left++;
    }
  }
  return left;
}
