/**
 * The experiments page's view state in the URL, so a link reproduces the view:
 * `?q=mnist&tag=team=vision&tag=stage~prod&view=deleted&sort=name&dir=asc&sel=1,2`. Parsing never
 * fails: a bad parameter falls back to its default.
 */

import {
  DEFAULT_EXPERIMENT_SEARCH,
  type ExperimentSearch,
  type ExperimentSortKey,
  type ExperimentView,
  type TagFilter,
} from '@/domain/experiment-search'

const SORT_KEYS: readonly ExperimentSortKey[] = ['name', 'creation_time', 'last_update_time']
const VIEWS: readonly ExperimentView[] = ['active', 'deleted', 'all']

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value)
}

/** `key!=value`, `key~value` or `key=value`; the first operator after a non-empty key wins. */
export function parseTagFilter(text: string): TagFilter | undefined {
  const match = /^(.+?)(!=|~|=)(.*)$/s.exec(text)
  if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined) return undefined
  const operator = oneOf(match[2], ['=', '!=', '~'] as const)
  if (operator === undefined || match[1].trim() === '') return undefined
  return { key: match[1], operator, value: match[3] }
}

export function formatTagFilter(filter: TagFilter): string {
  return `${filter.key}${filter.operator}${filter.value}`
}

/** `sel=1,2`: experiment ids, without blanks or repeats. */
function parseSelection(text: string | null): string[] {
  if (text === null) return []
  const ids = text
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '')
  return [...new Set(ids)]
}

export function parseExperimentSearch(params: URLSearchParams): ExperimentSearch {
  const sort = oneOf(params.get('sort'), SORT_KEYS) ?? DEFAULT_EXPERIMENT_SEARCH.sort
  const dir = params.get('dir')
  return {
    search: params.get('q') ?? '',
    tags: params.getAll('tag').flatMap((text) => parseTagFilter(text) ?? []),
    view: oneOf(params.get('view'), VIEWS) ?? DEFAULT_EXPERIMENT_SEARCH.view,
    sort,
    // Names read naturally A→Z, times newest first.
    descending: dir === 'asc' ? false : dir === 'desc' ? true : sort !== 'name',
    selected: parseSelection(params.get('sel')),
  }
}

/** The inverse of parse; defaults are left out to keep links short. */
export function serializeExperimentSearch(state: ExperimentSearch): URLSearchParams {
  const params = new URLSearchParams()
  if (state.search !== '') params.set('q', state.search)
  for (const tag of state.tags) params.append('tag', formatTagFilter(tag))
  if (state.view !== DEFAULT_EXPERIMENT_SEARCH.view) params.set('view', state.view)
  if (state.sort !== DEFAULT_EXPERIMENT_SEARCH.sort) params.set('sort', state.sort)
  const naturalDescending = state.sort !== 'name'
  if (state.descending !== naturalDescending) params.set('dir', state.descending ? 'desc' : 'asc')
  if (state.selected.length > 0) params.set('sel', state.selected.join(','))
  return params
}

/**
 * The query string for a state (without `?`), with commas left as they are (`sel=1,2`, not
 * `sel=1%2C2`): a comma needs no escaping in a query, and the link stays readable.
 */
export function experimentSearchQuery(state: ExperimentSearch): string {
  return serializeExperimentSearch(state).toString().replaceAll('%2C', ',')
}
