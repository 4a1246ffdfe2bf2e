/**
 * The filter and order_by of a search request, checked in the order the real server checks them, so
 * a request with several problems gets the same error: for runs the filter's syntax, then order_by,
 * then the filter's comparators (`SqlAlchemyStore._search_runs`); for experiments the whole filter,
 * then order_by (`_search_experiments`). Whitespace-only filters are rejected as the server does.
 */

import {
  checkRunFilter,
  parseExperimentFilter,
  parseRunFilterSyntax,
  type ExperimentFilter,
  type RunFilter,
} from '@/domain/search-filter/parse-filter'
import {
  parseExperimentOrderBy,
  parseRunOrderBy,
  type ExperimentOrderBy,
  type OrderByError,
  type RunOrderBy,
} from '@/domain/search-filter/parse-order-by'
import type { FilterError } from '@/domain/search-filter/parse-result'

/** Where the error came from; order_by errors also say which entry. */
export type SearchRequestError =
  | { readonly source: 'filter'; readonly error: FilterError }
  | { readonly source: 'order_by'; readonly error: OrderByError }

export type SearchRequestResult<F, O> =
  | { readonly ok: true; readonly filter: F; readonly orderBy: O }
  | ({ readonly ok: false } & SearchRequestError)

export function parseRunSearchRequest(
  filter: string,
  orderBy: readonly string[],
): SearchRequestResult<RunFilter, RunOrderBy[]> {
  const syntax = parseRunFilterSyntax(filter, { rejectBlank: true })
  if (!syntax.ok) return { ok: false, source: 'filter', error: syntax.error }
  const orders = parseRunOrderBy(orderBy)
  if (!orders.ok) return { ok: false, source: 'order_by', error: orders.error }
  const checked = checkRunFilter(syntax.value)
  if (!checked.ok) return { ok: false, source: 'filter', error: checked.error }
  return { ok: true, filter: checked.value, orderBy: orders.value }
}

export function parseExperimentSearchRequest(
  filter: string,
  orderBy: readonly string[],
): SearchRequestResult<ExperimentFilter, ExperimentOrderBy[]> {
  const parsed = parseExperimentFilter(filter, { rejectBlank: true })
  // SQLite refusing a value (BAD_REQUEST) happens when the query runs, after order_by is read.
  if (!parsed.ok && parsed.error.errorCode !== 'BAD_REQUEST') {
    return { ok: false, source: 'filter', error: parsed.error }
  }
  const orders = parseExperimentOrderBy(orderBy)
  if (!orders.ok) return { ok: false, source: 'order_by', error: orders.error }
  if (!parsed.ok) return { ok: false, source: 'filter', error: parsed.error }
  return { ok: true, filter: parsed.value, orderBy: orders.value }
}
