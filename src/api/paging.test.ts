import { describe, expect, it } from 'vitest'
import { appendPage, collectPages, flattenPages, type Page } from './paging'

interface Row {
  id: string
}
const rows = (...ids: string[]): Row[] => ids.map((id) => ({ id }))
const idOf = (row: Row) => row.id

/** Pages keyed by the token that fetches them; `undefined` is the first page. */
function pagedServer(pages: Readonly<Record<string, Page<Row>>>) {
  return (token: string | undefined): Promise<Page<Row>> => {
    const page = pages[token ?? 'first']
    return page ? Promise.resolve(page) : Promise.reject(new Error(`unknown token ${String(token)}`))
  }
}

describe('collectPages', () => {
  it('follows tokens to the end and drops rows a shifted offset served twice', async () => {
    const fetchPage = pagedServer({
      first: { items: rows('a', 'b'), nextPageToken: 'o2' },
      // A row inserted before the next request shifted the offset: `b` comes again.
      o2: { items: rows('b', 'c'), nextPageToken: 'o4' },
      o4: { items: rows('d'), nextPageToken: undefined },
    })
    const { items, nextPageToken } = await collectPages(fetchPage, { keyOf: idOf })
    expect(items.map(idOf)).toEqual(['a', 'b', 'c', 'd'])
    expect(nextPageToken).toBeUndefined()
  })

  it('stops at the limit and hands back the token to continue from', async () => {
    const fetchPage = pagedServer({
      first: { items: rows('a', 'b'), nextPageToken: 'o2' },
      o2: { items: rows('c', 'd'), nextPageToken: 'o4' },
    })
    expect(await collectPages(fetchPage, { keyOf: idOf, limit: 3 })).toEqual({
      items: rows('a', 'b', 'c'),
      nextPageToken: 'o4',
    })
  })

  it('stops when a token repeats instead of looping forever', async () => {
    const fetchPage = pagedServer({
      first: { items: rows('a'), nextPageToken: 'again' },
      again: { items: rows('b'), nextPageToken: 'again' },
    })
    expect((await collectPages(fetchPage, { keyOf: idOf })).items).toEqual(rows('a', 'b'))
  })

  it('treats an empty token as the end', async () => {
    const fetchPage = pagedServer({ first: { items: rows('a'), nextPageToken: '' } })
    expect((await collectPages(fetchPage, { keyOf: idOf })).items).toEqual(rows('a'))
  })
})

describe('appendPage and flattenPages', () => {
  it('append only rows not yet shown, in order', () => {
    expect(appendPage(rows('a', 'b'), rows('b', 'c', 'c'), idOf)).toEqual(rows('a', 'b', 'c'))
  })

  it('flatten infinite-query pages into one list without duplicates', () => {
    const pages: Page<Row>[] = [
      { items: rows('a', 'b'), nextPageToken: 'o2' },
      { items: rows('b', 'c'), nextPageToken: undefined },
    ]
    expect(flattenPages(pages, idOf)).toEqual(rows('a', 'b', 'c'))
  })
})
