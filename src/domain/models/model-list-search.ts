/**
 * What the registered-models page asks for: a name search (or a filter typed in MLflow's own syntax),
 * tag filters, an order and a page; how that becomes `registered-models/search` parameters; and what
 * the list shows for each model.
 */

import type { TagFilter } from '@/domain/experiment-search'
import type { ExperimentClause } from '@/domain/search-filter/parse-filter'
import type { ModelVersion, RegisteredModel } from './registry'

/** What an MLflow 3.17 SQL server sorts registered models by (`creation_timestamp` is refused with 400). */
export type ModelSortKey = 'name' | 'last_updated_timestamp'

export const MODEL_PAGE_SIZES = [25, 50, 100, 500] as const

export interface ModelListSearch {
  /** Part of the model name, case-insensitive; or a filter in MLflow's syntax (`tags.team = 'cv'`). */
  search: string
  tags: readonly TagFilter[]
  sort: ModelSortKey
  descending: boolean
  pageSize: number
  /**
   * The page tokens of the pages walked through, oldest first: empty on the first page, the last one
   * is the current page's. Keeping them all lets "Previous" go back, which a single token cannot.
   */
  pageTokens: readonly string[]
}

export const DEFAULT_MODEL_LIST_SEARCH: ModelListSearch = {
  search: '',
  tags: [],
  sort: 'name',
  descending: false,
  pageSize: 25,
  pageTokens: [],
}

/**
 * A search that is already a filter in MLflow's syntax, as MLflow's own search box allows: it names
 * `tags.` or starts with `name` and a comparator. Anything else is a part of the name.
 */
export function isFilterSyntax(search: string): boolean {
  const text = search.trim()
  return /\btags\.\S/.test(text) || /^name\s*(=|!=|LIKE\b|ILIKE\b|IN\b)/i.test(text)
}

/**
 * The clauses for the search box and the tag chips. MLflow's grammar cannot escape LIKE wildcards, so
 * `%` and `_` typed in the search match any characters. A search in filter syntax is not a clause: see
 * `modelListRawFilter`.
 */
export function modelListClauses(state: ModelListSearch): ExperimentClause[] {
  const clauses: ExperimentClause[] = []
  const text = state.search.trim()
  if (text !== '' && !isFilterSyntax(text)) {
    clauses.push({ entity: 'attribute', key: 'name', comparator: 'ILIKE', value: `%${text}%` })
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

/** The search text when it is typed filter syntax, sent as it is (the server says what it dislikes). */
export function modelListRawFilter(state: ModelListSearch): string | undefined {
  const text = state.search.trim()
  return text !== '' && isFilterSyntax(text) ? text : undefined
}

/** Ties are broken by name, as the server does. */
export function modelListOrderBy(state: ModelListSearch): string[] {
  const direction = state.descending ? 'DESC' : 'ASC'
  return state.sort === 'name' ? [`name ${direction}`] : [`last_updated_timestamp ${direction}`, 'name ASC']
}

/** Whether anything narrows the list (for the "no match" empty state). */
export function isFiltered(state: ModelListSearch): boolean {
  return state.search.trim() !== '' || state.tags.length > 0
}

/** A new search, sort or page size starts again from the first page. */
export function withFirstPage(state: ModelListSearch): ModelListSearch {
  return { ...state, pageTokens: [] }
}

function versionNumber(version: ModelVersion): number {
  const number = Number(version.version)
  return Number.isFinite(number) ? number : -1
}

/**
 * The newest version. `latest_versions` holds the newest version of each stage (`None`, `Staging`,
 * …), so the newest overall is the highest version number among them.
 */
export function latestVersionOf(model: RegisteredModel): ModelVersion | undefined {
  let latest: ModelVersion | undefined
  for (const version of model.latestVersions) {
    if (latest === undefined || versionNumber(version) > versionNumber(latest)) latest = version
  }
  return latest
}

/**
 * Who registered the model, as far as the registry knows: a registered model has no creator field,
 * so this is the `user_id` of its latest version (which servers without authentication leave empty).
 */
export function creatorOf(model: RegisteredModel): string | undefined {
  return latestVersionOf(model)?.userId
}

/** The model's aliases as `[alias, version]`, by version number (newest first), then alias. */
export function aliasEntries(aliases: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(aliases).sort(
    ([aliasA, versionA], [aliasB, versionB]) =>
      Number(versionB) - Number(versionA) || aliasA.localeCompare(aliasB),
  )
}
