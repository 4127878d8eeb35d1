/**
 * The staff's lists of open quotes and orders come from their views (one partition of the `views`
 * container), not from every beneficiary's partition: the dashboard's tiles and the tab's default
 * filters ask for them on every load. Every other list goes through `listVisible`: a beneficiary's
 * own partitions, or staff lists that include decided quotes and finished orders — the history,
 * read across partitions on purpose, since nobody browses it on every page load.
 */
import type { Container, Doc, Page } from '../store/port';
import type { OpenView } from '../store/views/open-view';
import type { ReadScope } from './api-caller';
import { listVisible, type DocumentFilters } from './scoped-listing';

/** True when the list is the staff's, across beneficiaries, of statuses the view holds only. */
export function servedByView(scope: ReadScope, f: DocumentFilters, view: OpenView<Doc>): boolean {
  return (
    scope.kind === 'all' &&
    f.beneficiaryId === undefined &&
    f.statuses !== undefined &&
    view.covers(f.statuses) &&
    (f.filters ?? []).length === 0
  );
}

/** One page of the list `f`: from `view` when it holds the whole list, through `listVisible` otherwise. */
export async function listOpenOrVisible<T extends Doc>(
  container: Container<T>,
  view: OpenView<T>,
  scope: ReadScope,
  f: DocumentFilters,
): Promise<Page<T>> {
  if (!servedByView(scope, f, view as OpenView<Doc>)) return listVisible(container, scope, f);
  // The store's token as is: a token of the other path fails its check (400), never reads elsewhere.
  return view.list({
    statuses: f.statuses,
    orderBy: f.orderBy,
    limit: f.limit,
    continuationToken: f.continuationToken,
  });
}
