/**
 * The registered-models page's view state in the URL, so a link reproduces the view:
 * `?q=resnet&tag=team=cv&sort=last_updated_timestamp&dir=desc&size=50&page=<token>&page=<token>`.
 * `page` repeats: the tokens of the pages walked through, the last one the current page's. Parsing
 * never fails: a bad parameter falls back to its default.
 */

import {
  DEFAULT_MODEL_LIST_SEARCH,
  MODEL_PAGE_SIZES,
  type ModelListSearch,
  type ModelSortKey,
} from '@/domain/models/model-list-search'
import { formatTagFilter, parseTagFilter } from './experiment-list-state'

const SORT_KEYS: readonly ModelSortKey[] = ['name', 'last_updated_timestamp']

function sortKey(value: string | null): ModelSortKey | undefined {
  return SORT_KEYS.find((candidate) => candidate === value)
}

function pageSize(value: string | null): number {
  const size = Number(value)
  return MODEL_PAGE_SIZES.find((candidate) => candidate === size) ?? DEFAULT_MODEL_LIST_SEARCH.pageSize
}

export function parseModelListSearch(params: URLSearchParams): ModelListSearch {
  const sort = sortKey(params.get('sort')) ?? DEFAULT_MODEL_LIST_SEARCH.sort
  const dir = params.get('dir')
  return {
    search: params.get('q') ?? '',
    tags: params.getAll('tag').flatMap((text) => parseTagFilter(text) ?? []),
    sort,
    // Names read naturally A→Z, times newest first.
    descending: dir === 'asc' ? false : dir === 'desc' ? true : sort !== 'name',
    pageSize: pageSize(params.get('size')),
    pageTokens: params.getAll('page').filter((token) => token !== ''),
  }
}

/** The inverse of parse; defaults are left out to keep links short. */
export function serializeModelListSearch(state: ModelListSearch): URLSearchParams {
  const params = new URLSearchParams()
  if (state.search !== '') params.set('q', state.search)
  for (const tag of state.tags) params.append('tag', formatTagFilter(tag))
  if (state.sort !== DEFAULT_MODEL_LIST_SEARCH.sort) params.set('sort', state.sort)
  const naturalDescending = state.sort !== 'name'
  if (state.descending !== naturalDescending) params.set('dir', state.descending ? 'desc' : 'asc')
  if (state.pageSize !== DEFAULT_MODEL_LIST_SEARCH.pageSize) params.set('size', String(state.pageSize))
  for (const token of state.pageTokens) params.append('page', token)
  return params
}

/** The query string for a state, without `?`. */
export function modelListSearchQuery(state: ModelListSearch): string {
  return serializeModelListSearch(state).toString()
}
