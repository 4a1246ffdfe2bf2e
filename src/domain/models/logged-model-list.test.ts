import { describe, expect, it } from 'vitest'
import type { LoggedModelMetric } from './registry'
import {
  DEFAULT_LOGGED_MODEL_LIST,
  latestLoggedModelMetrics,
  loggedModelMetricKeys,
  loggedModelMetricLabel,
  loggedModelNameFilter,
  loggedModelOrder,
  parseLoggedModelList,
  serializeLoggedModelList,
  type LoggedModelListState,
} from './logged-model-list'

const parse = (query: string) => parseLoggedModelList(new URLSearchParams(query))

describe('logged model list state', () => {
  it.each([
    ['', DEFAULT_LOGGED_MODEL_LIST],
    ['q=clf', { search: 'clf', sort: 'creation_time', descending: true }],
    ['sort=name', { search: '', sort: 'name', descending: false }],
    ['sort=name&dir=desc', { search: '', sort: 'name', descending: true }],
    ['sort=metrics.accuracy', { search: '', sort: 'metrics.accuracy', descending: true }],
    ['sort=metrics.val%20loss&dir=asc', { search: '', sort: 'metrics.val loss', descending: false }],
    ['sort=params.C', DEFAULT_LOGGED_MODEL_LIST],
    ['sort=metrics.', DEFAULT_LOGGED_MODEL_LIST],
    ['dir=sideways', DEFAULT_LOGGED_MODEL_LIST],
  ])('parses %j', (query, expected) => {
    expect(parse(query)).toEqual(expected)
  })

  it.each<LoggedModelListState>([
    DEFAULT_LOGGED_MODEL_LIST,
    { search: "it's 100%", sort: 'name', descending: true },
    { search: '', sort: 'last_updated_timestamp', descending: false },
    { search: 'a&b', sort: 'metrics.f1 score', descending: true },
  ])('round-trips %j, leaving defaults out', (state) => {
    const params = serializeLoggedModelList(state)
    expect(parse(params.toString())).toEqual(state)
  })

  it('writes nothing for the default view', () => {
    expect(serializeLoggedModelList(DEFAULT_LOGGED_MODEL_LIST).toString()).toBe('')
    expect(serializeLoggedModelList({ search: '', sort: 'name', descending: false }).toString()).toBe(
      'sort=name',
    )
  })
})

describe('loggedModelNameFilter', () => {
  it.each([
    ['', undefined],
    ['   ', undefined],
    ['clf', "name ILIKE '%clf%'"],
    [' zoo ', "name ILIKE '%zoo%'"],
    ["it's", "name ILIKE '%it_s%'"],
    ['a\\b', "name ILIKE '%a_b%'"],
  ])('%j → %j', (text, filter) => {
    expect(loggedModelNameFilter(text)).toBe(filter)
  })
})

describe('loggedModelOrder', () => {
  it('orders by the chosen column in the chosen direction', () => {
    expect(loggedModelOrder({ search: '', sort: 'metrics.accuracy', descending: true })).toEqual([
      { field: 'metrics.accuracy', ascending: false },
    ])
    expect(loggedModelOrder({ search: '', sort: 'name', descending: false })).toEqual([
      { field: 'name', ascending: true },
    ])
  })
})

const metric = (key: string, value: number, extra: Partial<LoggedModelMetric> = {}): LoggedModelMetric => ({
  key,
  value,
  timestamp: 100,
  step: 0,
  datasetName: undefined,
  datasetDigest: undefined,
  runId: undefined,
  ...extra,
})

describe('latestLoggedModelMetrics', () => {
  it('keeps the latest value per metric and dataset, by time then step', () => {
    const latest = latestLoggedModelMetrics([
      metric('loss', 3, { step: 0 }),
      metric('loss', 2, { step: 5 }),
      metric('loss', 1, { step: 1, timestamp: 50 }),
      metric('accuracy', 0.8, { datasetName: 'val', datasetDigest: 'd1' }),
      metric('accuracy', 0.9, { datasetName: 'train', datasetDigest: 'd0' }),
      metric('accuracy', 0.7),
    ])
    expect(latest.map((m) => [loggedModelMetricLabel(m), m.value])).toEqual([
      ['accuracy', 0.7],
      ['accuracy (train)', 0.9],
      ['accuracy (val)', 0.8],
      ['loss', 2],
    ])
  })

  it('lists the metric keys of a page once each', () => {
    expect(
      loggedModelMetricKeys([{ metrics: [metric('b', 1), metric('a', 1)] }, { metrics: [metric('b', 2)] }]),
    ).toEqual(['a', 'b'])
  })
})
