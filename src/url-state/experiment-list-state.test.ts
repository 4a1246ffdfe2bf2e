import { describe, expect, it } from 'vitest'
import { DEFAULT_EXPERIMENT_SEARCH, type ExperimentSearch } from '@/domain/experiment-search'
import {
  experimentSearchQuery,
  parseExperimentSearch,
  parseTagFilter,
  serializeExperimentSearch,
} from './experiment-list-state'

const parse = (query: string) => parseExperimentSearch(new URLSearchParams(query))

describe('experiment list URL state', () => {
  it('falls back to defaults for a bare or bad URL', () => {
    expect(parse('')).toEqual(DEFAULT_EXPERIMENT_SEARCH)
    expect(parse('view=weird&sort=color&tag=nonsense&sel=,%20,')).toEqual(DEFAULT_EXPERIMENT_SEARCH)
  })

  it('reads search, tag filters, view and sort', () => {
    expect(
      parse(
        'q=mnist&tag=team%3Dvision&tag=stage!%3Dprod&tag=owner~ali&view=deleted&sort=name&dir=desc&sel=4,2',
      ),
    ).toEqual({
      search: 'mnist',
      tags: [
        { key: 'team', operator: '=', value: 'vision' },
        { key: 'stage', operator: '!=', value: 'prod' },
        { key: 'owner', operator: '~', value: 'ali' },
      ],
      view: 'deleted',
      sort: 'name',
      descending: true,
      selected: ['4', '2'],
    })
  })

  it('reads the selection without blanks or repeats, in its order', () => {
    expect(parse('sel=3,%201,,3,2').selected).toEqual(['3', '1', '2'])
    expect(parse('sel=3%2C1').selected).toEqual(['3', '1'])
  })

  it('writes the selection with plain commas', () => {
    expect(experimentSearchQuery({ ...DEFAULT_EXPERIMENT_SEARCH, selected: ['1', '2'] })).toBe('sel=1,2')
    expect(experimentSearchQuery({ ...DEFAULT_EXPERIMENT_SEARCH, search: 'a,b&c', selected: ['7'] })).toBe(
      'q=a,b%26c&sel=7',
    )
  })

  it.each<ExperimentSearch>([
    DEFAULT_EXPERIMENT_SEARCH,
    {
      search: "it's",
      tags: [{ key: 'team name', operator: '=', value: 'a=b' }],
      view: 'all',
      sort: 'name',
      descending: false,
      selected: ['12', '3'],
    },
    { search: '', tags: [], view: 'active', sort: 'creation_time', descending: false, selected: [] },
  ])('round-trips %j', (state) => {
    expect(parseExperimentSearch(serializeExperimentSearch(state))).toEqual(state)
    expect(parse(experimentSearchQuery(state))).toEqual(state)
  })

  it('leaves defaults out of the URL', () => {
    expect(serializeExperimentSearch(DEFAULT_EXPERIMENT_SEARCH).toString()).toBe('')
    expect(
      serializeExperimentSearch({ ...DEFAULT_EXPERIMENT_SEARCH, sort: 'name', descending: false }).toString(),
    ).toBe('sort=name')
  })

  it('splits a tag filter at its first operator', () => {
    expect(parseTagFilter('a=b=c')).toEqual({ key: 'a', operator: '=', value: 'b=c' })
    expect(parseTagFilter('=x')).toBeUndefined()
  })
})
