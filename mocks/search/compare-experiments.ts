/**
 * Experiment ordering as MLflow's SQL store builds it (`_get_search_experiments_order_by_clauses`):
 * no order_by means `creation_time DESC, experiment_id ASC`; otherwise the given keys, then
 * `experiment_id DESC` unless experiment_id was already ordered on. experiment_id is an integer
 * column, so "10" sorts after "9".
 */

import type { ExperimentOrderBy } from '@/domain/search-filter/parse-order-by'
import type { MockExperiment } from '../store/types'
import { compareSortValues } from '@/domain/search-filter/sql-compare'

const DEFAULT_ORDER: readonly ExperimentOrderBy[] = [
  { key: 'creation_time', ascending: false },
  { key: 'experiment_id', ascending: true },
]

function sortValue(experiment: MockExperiment, key: string): string | number {
  switch (key) {
    case 'experiment_id':
      return Number(experiment.experimentId)
    case 'creation_time':
      return experiment.creationTime
    case 'last_update_time':
      return experiment.lastUpdateTime
    default:
      return experiment.name
  }
}

/** A comparator for `Array.prototype.sort` that orders experiments like `experiments/search`. */
export function compareExperiments(
  orderBy: readonly ExperimentOrderBy[],
): (a: MockExperiment, b: MockExperiment) => number {
  const orders = orderBy.length > 0 ? [...orderBy] : [...DEFAULT_ORDER]
  if (!orders.some((o) => o.key === 'experiment_id')) orders.push({ key: 'experiment_id', ascending: false })
  return (a, b) => {
    for (const order of orders) {
      const result = compareSortValues(sortValue(a, order.key), sortValue(b, order.key))
      if (result !== 0) return order.ascending ? result : -result
    }
    return 0
  }
}
