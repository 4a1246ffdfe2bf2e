import { describe, expect, it } from 'vitest'
import { DEFAULT_EXPERIMENT_SEARCH, experimentFilterClauses, experimentOrderBy } from './experiment-search'
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
