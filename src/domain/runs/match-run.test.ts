/**
 * The browser must pick the same runs as the server. The mocks' matcher was checked against a real
 * MLflow 3.17.2 server on these fixture runs (mocks/search/match-run.test.ts), so the domain matcher
 * is checked against it, filter by filter, on the same runs converted to the domain type.
 */
import { describe, expect, it } from 'vitest'
import { FIXTURE_RUNS } from '@mocks/search/run-fixtures'
import { matchesRunFilter as mockMatches } from '@mocks/search/match-run'
import type { MockRun } from '@mocks/store/types'
import { parseRunFilter } from '../search-filter/parse-filter'
import { parseRunQuery } from '../search-filter/run-query'
import { matchesRunClause, matchesRunQuery } from './match-run'
import type { Run } from './run'

function domainRun(mock: MockRun): Run {
  return {
    info: {
      runId: mock.runId,
      runName: mock.runName,
      experimentId: mock.experimentId,
      userId: mock.userId,
      status: mock.status,
      startTime: mock.startTime,
      endTime: mock.endTime,
      artifactUri: mock.artifactUri,
      lifecycleStage: mock.lifecycleStage,
    },
    params: Object.fromEntries(mock.params),
    tags: Object.fromEntries(mock.tags),
    metrics: Object.fromEntries(
      [...mock.latestMetrics].map(([key, m]) => [
        key,
        { key, value: Number(m.value), timestamp: m.timestamp, step: m.step },
      ]),
    ),
    datasets: mock.datasets.map((d) => ({
      name: d.name,
      digest: d.digest,
      sourceType: d.sourceType,
      source: d.source,
      schema: d.schema,
      profile: d.profile,
      tags: { 'mlflow.data.context': d.context },
    })),
    modelOutputs: [],
    modelInputs: [],
  }
}

const RUNS = FIXTURE_RUNS.map(domainRun)

function names(text: string): string[] {
  const query = parseRunQuery(text)
  if (!query.ok) throw new Error(query.error.message)
  return RUNS.filter((run) => matchesRunQuery(run, query.value))
    .map((run) => run.info.runName)
    .sort()
}

const SERVER_FILTERS = [
  'metrics.loss < 1',
  'metrics.loss != 5',
  'metrics.auc > 0',
  'metrics.auc != 0.5',
  'metrics.auc = 0',
  'metrics.auc < 0',
  'metrics.loss > 1e308',
  'metrics.loss = 1.7976931348623157e308',
  'metrics.loss < 1e309',
  "params.opt = 'adam'",
  "params.opt != 'adam'",
  "params.opt LIKE 'a%'",
  "params.opt ILIKE 'ADAM'",
  "params.lr LIKE '1_'",
  'params.opt IS NULL',
  'params.opt IS NOT NULL',
  "tags.team != 'nlp'",
  "tags.team = ''",
  'tags.team IS NULL',
  "tags.city ILIKE 'ÉCOLE'",
  "tags.city ILIKE 'école'",
  "attributes.run_name = 'alpha'",
  "run_name ILIKE 'alpha'",
  "run_name LIKE 'beta_1'",
  "run_name LIKE 'beta%'",
  "run_name LIKE '_ run'",
  "tags.`mlflow.runName` LIKE '%1'",
  "status = 'FINISHED'",
  "status != 'FINISHED'",
  "user_id = 'alice'",
  "run_id IN ('r1', 'r3')",
  "run_id NOT IN ('r1', 'r3')",
  "artifact_uri LIKE '%/r2/%'",
  'start_time = 1000',
  'created >= 2000',
  'end_time != 1100',
  'end_time > 0',
  "dataset.name = 'cifar'",
  "dataset.name != 'cifar'",
  "dataset.digest ILIKE 'abc'",
  "dataset.context IN ('eval')",
  "dataset.context NOT IN ('train')",
  "dataset.name = 'cifar' AND dataset.context = 'eval'",
  "metrics.loss < 1 AND tags.team = 'nlp'",
]

describe('matchesRunQuery', () => {
  it.each(SERVER_FILTERS)('agrees with the SQL-store matcher: %s', (text) => {
    const filter = parseRunFilter(text)
    if (!filter.ok) throw new Error(filter.error.message)
    const expected = FIXTURE_RUNS.filter((run) => mockMatches(run, filter.value))
      .map((run) => run.runName)
      .sort()
    expect(names(text)).toEqual(expected)
  })

  it('keeps the store semantics that surprise', () => {
    // A run without the key never matches, not even `!=`.
    expect(names("params.opt != 'adam'")).toEqual(['Alpha', 'beta%1'])
    // A NaN metric matches only `!=`.
    expect(names('metrics.auc != 0.5')).toEqual(['Alpha', 'alpha', 'beta%1'])
    expect(names('metrics.auc < 1')).toEqual(['Alpha', 'beta%1'])
    // LIKE is case-sensitive; ILIKE folds ASCII only.
    expect(names("run_name LIKE 'a%'")).toEqual(['alpha'])
    expect(names("tags.city ILIKE 'école'")).toEqual(['alpha'])
  })

  it('applies what only the browser can: status lists, OR, free text', () => {
    expect(names("status IN ('FAILED', 'KILLED')")).toEqual(['Alpha', '😀 run'])
    expect(names("status NOT IN ('FAILED', 'KILLED')")).toEqual(['alpha', 'beta%1', 'beta_1'])
    expect(names("user_id = 'carol' OR status = 'KILLED'")).toEqual(['beta%1', '😀 run'])
    expect(names("(user_id = 'alice' OR user_id = 'bob') AND metrics.loss < 1")).toEqual(['alpha'])
    expect(names('ALPH')).toEqual(['Alpha', 'alpha'])
    expect(names('beta_')).toEqual(['beta%1', 'beta_1'])
  })

  it('matches every run with no filter', () => {
    expect(names('')).toHaveLength(RUNS.length)
  })

  it('reads the run name from info when the tag is missing', () => {
    const [first] = RUNS
    if (first === undefined) throw new Error('no fixture')
    const untagged: Run = { ...first, tags: {} }
    const clause = { entity: 'attribute', key: 'run_name', comparator: '=', value: 'alpha' } as const
    expect(matchesRunClause(untagged, clause)).toBe(true)
  })
})
