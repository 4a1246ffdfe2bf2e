/**
 * Run ordering as MLflow's SQL store builds it (`_get_orderby_clauses`). Each order_by key sorts
 * first by a presence column that is always ascending, so missing values come last in both
 * directions; for metrics NaN comes after every number but before missing values. Then the value
 * itself in the requested direction (params and tags as text, so "10" < "9"). Finally
 * `start_time DESC` unless start_time was already ordered on, and `run_id ASC`.
 */

import type { RunOrderBy } from '@/domain/search-filter/parse-order-by'
import type { MockRun } from '../store/types'
import { storedMetric } from './match-run'
import { compareSortValues, compareText } from '@/domain/search-filter/sql-compare'

/** The CASE column (0 value, 1 NaN, 2 missing for metrics; 0 value, 1 missing otherwise) and the value. */
type SortKey = readonly [number, string | number | undefined]

function sortKey(run: MockRun, order: RunOrderBy): SortKey {
  switch (order.entity) {
    case 'metric': {
      const metric = run.latestMetrics.get(order.key)
      if (metric === undefined) return [2, undefined]
      const stored = storedMetric(metric)
      return [stored.isNan ? 1 : 0, stored.value]
    }
    case 'param':
    case 'tag': {
      const value = (order.entity === 'param' ? run.params : run.tags).get(order.key)
      return value === undefined ? [1, undefined] : [0, value]
    }
    case 'attribute': {
      const value = attributeValue(run, order.key)
      return value === undefined ? [1, undefined] : [0, value]
    }
  }
}

/** Ordering uses the runs table, so `run_name` is the name column, not the `mlflow.runName` tag. */
function attributeValue(run: MockRun, key: string): string | number | undefined {
  switch (key) {
    case 'run_id':
      return run.runId
    case 'run_name':
      return run.runName
    case 'status':
      return run.status
    case 'user_id':
      return run.userId
    case 'artifact_uri':
      return run.artifactUri
    case 'start_time':
      return run.startTime
    case 'end_time':
      return run.endTime
    default:
      return undefined
  }
}

function compareKeys(a: SortKey, b: SortKey, ascending: boolean): number {
  if (a[0] !== b[0]) return a[0] - b[0]
  if (a[1] === undefined || b[1] === undefined) return 0
  const order = compareSortValues(a[1], b[1])
  return ascending ? order : -order
}

/** The order_by with the store's `start_time DESC` tiebreak (unless start_time is already there). */
function withTiebreak(orderBy: readonly RunOrderBy[]): RunOrderBy[] {
  const orders: RunOrderBy[] = [...orderBy]
  if (!orders.some((o) => o.entity === 'attribute' && o.key === 'start_time')) {
    orders.push({ entity: 'attribute', key: 'start_time', ascending: false })
  }
  return orders
}

/** A comparator for `Array.prototype.sort` that orders runs like `runs/search` with this order_by. */
export function compareRuns(orderBy: readonly RunOrderBy[]): (a: MockRun, b: MockRun) => number {
  const orders = withTiebreak(orderBy)
  return (a, b) => {
    for (const order of orders) {
      const result = compareKeys(sortKey(a, order), sortKey(b, order), order.ascending)
      if (result !== 0) return result
    }
    return compareText(a.runId, b.runId)
  }
}

/**
 * The runs in `compareRuns` order, computing each run's sort keys once instead of at every
 * comparison: sorting 20,000 runs by a metric takes a fraction of the time.
 */
export function sortRuns(runs: readonly MockRun[], orderBy: readonly RunOrderBy[]): MockRun[] {
  const orders = withTiebreak(orderBy)
  const keyed = runs.map((run) => ({ run, keys: orders.map((order) => sortKey(run, order)) }))
  keyed.sort((a, b) => {
    for (let i = 0; i < orders.length; i++) {
      const order = orders[i]
      const keyA = a.keys[i]
      const keyB = b.keys[i]
      if (order === undefined || keyA === undefined || keyB === undefined) continue
      const result = compareKeys(keyA, keyB, order.ascending)
      if (result !== 0) return result
    }
    return compareText(a.run.runId, b.run.runId)
  })
  return keyed.map((entry) => entry.run)
}
