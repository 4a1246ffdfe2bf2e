/**
 * What the experiments page asks for: a name search, tag filters, which lifecycle stages, an order
 * and which experiments are picked to open together; and how that becomes MLflow's filter and order_by (built as clauses, never by interpolation).
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
  /**
   * Experiment ids picked to open their runs together, in the order they were picked. They stay
   * picked while the search or tag filters hide them, so several searches can build one selection.
   */
  selected: readonly string[]
}

export const DEFAULT_EXPERIMENT_SEARCH: ExperimentSearch = {
  search: '',
  tags: [],
  view: 'active',
  sort: 'last_update_time',
  descending: true,
  selected: [],
}

/** A selection belongs to one view: switching between active and deleted experiments starts afresh. */
export function withView(state: ExperimentSearch, view: ExperimentView): ExperimentSearch {
  return view === state.view ? state : { ...state, view, selected: [] }
}

/** Adds the experiment to the selection, or takes it out if it is already there. */
export function toggleSelected(selected: readonly string[], experimentId: string): string[] {
  return selected.includes(experimentId)
    ? selected.filter((id) => id !== experimentId)
    : [...selected, experimentId]
}

/** Whether the shown experiments are all, some or none of them selected (for the header checkbox). */
export function shownSelection(
  selected: readonly string[],
  shownIds: readonly string[],
): 'all' | 'some' | 'none' {
  const picked = new Set(selected)
  const count = shownIds.filter((id) => picked.has(id)).length
  return count === 0 ? 'none' : count === shownIds.length ? 'all' : 'some'
}

/**
 * The header checkbox: selects every shown experiment, or, when all are already selected, unselects
 * them; selected experiments the filters hide are left as they are.
 */
export function toggleAllShown(selected: readonly string[], shownIds: readonly string[]): string[] {
  if (shownSelection(selected, shownIds) === 'all') {
    const shown = new Set(shownIds)
    return selected.filter((id) => !shown.has(id))
  }
  const picked = new Set(selected)
  return [...selected, ...shownIds.filter((id) => !picked.has(id))]
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
