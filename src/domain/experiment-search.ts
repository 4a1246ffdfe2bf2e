/**
 * What the experiments page asks for: a name search, tag filters, which lifecycle stages, and an
 * order; and how that becomes MLflow's filter and order_by (built as clauses, never by interpolation).
 */

import type { ExperimentClause } from '@/domain/search-filter/parse-filter'

export type ExperimentSortKey = 'name' | 'creation_time' | 'last_update_time'
export type ExperimentView = 'active' | 'deleted' | 'all'
/** `=` is, `!=` is not, `~` contains (case-insensitive), as MLflow's tag filter rows offer. */
export type TagOperator = '=' | '!=' | '~'

export interface TagFilter {
  key: string
  operator: TagOperator
  value: string
}

export interface ExperimentSearch {
  /** Part of the experiment name, case-insensitive. */
  search: string
  tags: readonly TagFilter[]
  view: ExperimentView
  sort: ExperimentSortKey
  descending: boolean
}

export const DEFAULT_EXPERIMENT_SEARCH: ExperimentSearch = {
  search: '',
  tags: [],
  view: 'active',
  sort: 'last_update_time',
  descending: true,
}

/** MLflow's grammar cannot escape LIKE wildcards, so `%` and `_` typed in the search match any characters. */
export function experimentFilterClauses(state: ExperimentSearch): ExperimentClause[] {
  const clauses: ExperimentClause[] = []
  if (state.search.trim() !== '') {
    clauses.push({ entity: 'attribute', key: 'name', comparator: 'ILIKE', value: `%${state.search.trim()}%` })
  }
  for (const tag of state.tags) {
    if (tag.operator === '~') {
      clauses.push({ entity: 'tag', key: tag.key, comparator: 'ILIKE', value: `%${tag.value}%` })
    } else {
      clauses.push({ entity: 'tag', key: tag.key, comparator: tag.operator, value: tag.value })
    }
  }
  return clauses
}

export function experimentOrderBy(state: ExperimentSearch): string[] {
  return [`${state.sort} ${state.descending ? 'DESC' : 'ASC'}`]
}
