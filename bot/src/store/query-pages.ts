/**
 * Reading a whole query, page after page: the continuation tokens followed until the last page, so
 * that a reader holds one page at a time however many documents match.
 */
import type { Container, Doc, QuerySpec, Stored } from './port';

/** Every page of `spec`'s results in `container`, in order. */
export async function* pagesOf<T extends Doc>(
  container: Container<T>,
  spec: QuerySpec,
): AsyncGenerator<Stored<T>[]> {
  let continuationToken = spec.continuationToken;
  do {
    const page = await container.query({ ...spec, continuationToken });
    yield page.items;
    continuationToken = page.continuationToken;
  } while (continuationToken);
}

/** Every result of `spec` in `container`, gathered (for results known to be few). */
export async function allOf<T extends Doc>(container: Container<T>, spec: QuerySpec): Promise<Stored<T>[]> {
  const out: Stored<T>[] = [];
  for await (const items of pagesOf(container, spec)) out.push(...items);
  return out;
}
