import { describe, expect, it } from 'vitest'
import {
  DEFAULT_EXPERIMENT_SEARCH,
  experimentFilterClauses,
  experimentOrderBy,
  shownSelection,
  toggleAllShown,
  toggleSelected,
  withView,
} from './experiment-search'
import { serializeExperimentFilter } from './search-filter/serialize-filter'

describe('experiment search as MLflow filter and order_by', () => {
  it('builds a filter MLflow accepts, quoting keys and values safely', () => {
    const search = {
      ...DEFAULT_EXPERIMENT_SEARCH,
      search: "nlp's",
      tags: [
        { key: 'team name', operator: '=' as const, value: 'vision' },
        { key: 'stage', operator: '~' as const, value: 'Prod' },
      ],
    }
    expect(serializeExperimentFilter(experimentFilterClauses(search))).toEqual({
      ok: true,
      value: `name ILIKE "%nlp's%" AND tags.\`team name\` = 'vision' AND tags.stage ILIKE '%Prod%'`,
    })
    expect(experimentOrderBy(search)).toEqual(['last_update_time DESC'])
  })

  it('sends no filter for the default view, and orders names ascending when asked', () => {
    expect(experimentFilterClauses(DEFAULT_EXPERIMENT_SEARCH)).toEqual([])
    expect(experimentOrderBy({ ...DEFAULT_EXPERIMENT_SEARCH, sort: 'name', descending: false })).toEqual([
      'name ASC',
    ])
  })
})

describe('experiment selection', () => {
  it('toggles one experiment, keeping the order they were picked in', () => {
    expect(toggleSelected([], '3')).toEqual(['3'])
    expect(toggleSelected(['3'], '1')).toEqual(['3', '1'])
    expect(toggleSelected(['3', '1'], '3')).toEqual(['1'])
  })

  it.each([
    [[], ['1', '2'], 'none', ['1', '2']],
    [['2'], ['1', '2'], 'some', ['2', '1']],
    [['9', '1', '2'], ['1', '2'], 'all', ['9']],
    [['9'], ['1', '2'], 'none', ['9', '1', '2']],
    [['9'], [], 'none', ['9']],
  ] as const)(
    'with %j selected and %j shown the header is %s and toggles to %j',
    (selected, shown, header, next) => {
      expect(shownSelection(selected, shown)).toBe(header)
      expect(toggleAllShown(selected, shown)).toEqual(next)
    },
  )

  it('clears the selection when the view changes, and only then', () => {
    const state = { ...DEFAULT_EXPERIMENT_SEARCH, selected: ['1', '2'] }
    expect(withView(state, 'active')).toBe(state)
    expect(withView(state, 'deleted')).toEqual({ ...state, view: 'deleted', selected: [] })
  })
})
