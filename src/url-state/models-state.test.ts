import { describe, expect, it } from 'vitest'
import { DEFAULT_MODEL_LIST_SEARCH, type ModelListSearch } from '@/domain/models/model-list-search'
import { modelListSearchQuery, parseModelListSearch } from './models-state'

const parse = (query: string) => parseModelListSearch(new URLSearchParams(query))

describe('registered models URL state', () => {
  it('fall back to defaults for a bare or bad URL', () => {
    expect(parse('')).toEqual(DEFAULT_MODEL_LIST_SEARCH)
    expect(parse('sort=creation_timestamp&size=7&tag=nonsense&page=')).toEqual(DEFAULT_MODEL_LIST_SEARCH)
  })

  it('read search, tags, sort, page size and the pages walked through', () => {
    expect(
      parse('q=res&tag=team%3Dcv&sort=last_updated_timestamp&dir=asc&size=100&page=AAA%3D&page=BBB%2B'),
    ).toEqual({
      search: 'res',
      tags: [{ key: 'team', operator: '=', value: 'cv' }],
      sort: 'last_updated_timestamp',
      descending: false,
      pageSize: 100,
      pageTokens: ['AAA=', 'BBB+'],
    })
  })

  it('sort names A to Z and times newest first unless told otherwise', () => {
    expect(parse('sort=name').descending).toBe(false)
    expect(parse('sort=last_updated_timestamp').descending).toBe(true)
    expect(parse('sort=name&dir=desc').descending).toBe(true)
  })

  it('leave defaults out of the link', () => {
    expect(modelListSearchQuery(DEFAULT_MODEL_LIST_SEARCH)).toBe('')
    expect(modelListSearchQuery({ ...DEFAULT_MODEL_LIST_SEARCH, search: 'a&b' })).toBe('q=a%26b')
  })

  it.each<ModelListSearch>([
    DEFAULT_MODEL_LIST_SEARCH,
    {
      search: "tags.team = 'cv'",
      tags: [{ key: 'stage name', operator: '~', value: 'a=b' }],
      sort: 'last_updated_timestamp',
      descending: false,
      pageSize: 500,
      pageTokens: ['eyJvZmZzZXQiOiAyNX0=', 'eyJvZmZzZXQiOiA1MH0='],
    },
    { ...DEFAULT_MODEL_LIST_SEARCH, sort: 'name', descending: true, pageSize: 50 },
  ])('round-trip %j', (state) => {
    expect(parse(modelListSearchQuery(state))).toEqual(state)
  })
})
