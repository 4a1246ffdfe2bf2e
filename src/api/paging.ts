/**
 * MLflow's page tokens are offsets in disguise (base64 `{"offset": 100}`, contract §6): a row inserted
 * or re-sorted between two page requests shifts the next page, so one row can come back twice. Every
 * helper here therefore de-duplicates by a key while it appends.
 */

import { array, object, optionalText, type Decoder } from './decode'

/** One page of a search, in the app's words. `nextPageToken` is absent on the last page. */
export interface Page<T> {
  items: T[]
  nextPageToken: string | undefined
}

export interface CollectOptions<T> {
  /** Identifies an item; a later item with a key already seen is dropped. */
  keyOf: (item: T) => string
  /** Stop once this many items are collected (the rest of the last page is dropped). */
  limit?: number
}

export interface Collected<T> {
  items: T[]
  /** Set when collection stopped at `limit` with more pages left on the server. */
  nextPageToken: string | undefined
}

/**
 * Follows `next_page_token` from the first page until the server has no more or `limit` is reached.
 * Stops as well if a token repeats, so a misbehaving server cannot loop us forever. Cancellation is
 * the page fetcher's business: it receives the caller's signal and throws when aborted.
 */
export async function collectPages<T>(
  fetchPage: (pageToken: string | undefined) => Promise<Page<T>>,
  options: CollectOptions<T>,
): Promise<Collected<T>> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY
  const seenKeys = new Set<string>()
  const seenTokens = new Set<string>()
  const items: T[] = []
  let pageToken: string | undefined
  for (;;) {
    const page = await fetchPage(pageToken)
    for (const item of page.items) {
      if (items.length >= limit) break
      const key = options.keyOf(item)
      if (seenKeys.has(key)) continue
      seenKeys.add(key)
      items.push(item)
    }
    const next = page.nextPageToken
    if (next === undefined || next === '' || seenTokens.has(next)) return { items, nextPageToken: undefined }
    if (items.length >= limit) return { items, nextPageToken: next }
    seenTokens.add(next)
    pageToken = next
  }
}

/** `existing` followed by the items of `page` whose key it does not already hold. */
export function appendPage<T>(existing: readonly T[], page: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set(existing.map(keyOf))
  const result = [...existing]
  for (const item of page) {
    const key = keyOf(item)
    if (seen.has(key)) continue
    seen.add(key)
    result.push(item)
  }
  return result
}

/**
 * The items of an infinite query's pages as one de-duplicated list, for `select`:
 * `useInfiniteQuery({ ...runQueries.searchPages(params), select: (data) => flattenPages(data.pages, runKey) })`.
 */
export function flattenPages<T>(pages: readonly Page<T>[], keyOf: (item: T) => string): T[] {
  return appendPage(
    [],
    pages.flatMap((page) => page.items),
    keyOf,
  )
}

/** `getNextPageParam` for infinite queries over `Page`s. */
export function nextPageParam<T>(lastPage: Page<T>): string | undefined {
  return lastPage.nextPageToken === '' ? undefined : lastPage.nextPageToken
}

/** The page parameter of an infinite query's first page: no token. */
export const FIRST_PAGE: string | undefined = undefined

/** A search response `{<field>: [...], next_page_token?}` as a `Page`. */
export function pageOf<T>(field: string, item: Decoder<T>): Decoder<Page<T>> {
  return object((read) => ({
    items: read(field, array(item)),
    nextPageToken: read('next_page_token', optionalText),
  }))
}
