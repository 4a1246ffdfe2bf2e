/**
 * Expected orders are what a real MLflow 3.17.2 server (SQLite store) returned for the same runs
 * (run-fixtures.ts): missing values last in both directions, NaN after numbers, params as text,
 * ties broken by start_time DESC and run_id.
 */
import { describe, expect, it } from 'vitest'
import { parseRunOrderBy } from '@/domain/search-filter/parse-order-by'
import { compareRuns, sortRuns } from './compare-runs'
import { FIXTURE_RUNS } from './run-fixtures'

const CASES: { orderBy: string[]; runs: string[] }[] = [
  { orderBy: [], runs: ['beta_1', 'beta%1', 'Alpha', 'alpha', '😀 run'] },
  { orderBy: ['metrics.loss'], runs: ['beta%1', 'alpha', 'Alpha', 'beta_1', '😀 run'] },
  { orderBy: ['metrics.loss DESC'], runs: ['beta_1', 'Alpha', 'beta%1', 'alpha', '😀 run'] },
  { orderBy: ['metrics.auc'], runs: ['beta%1', 'Alpha', 'alpha', 'beta_1', '😀 run'] },
  { orderBy: ['metrics.auc DESC'], runs: ['Alpha', 'beta%1', 'alpha', 'beta_1', '😀 run'] },
  { orderBy: ['params.lr'], runs: ['alpha', 'beta_1', 'Alpha', 'beta%1', '😀 run'] },
  { orderBy: ['params.lr DESC'], runs: ['Alpha', 'beta_1', 'alpha', 'beta%1', '😀 run'] },
  { orderBy: ['params.opt'], runs: ['Alpha', 'alpha', 'beta%1', 'beta_1', '😀 run'] },
  { orderBy: ['tags.team DESC'], runs: ['alpha', 'beta_1', 'Alpha', '😀 run', 'beta%1'] },
  { orderBy: ['run_name'], runs: ['Alpha', 'alpha', 'beta%1', 'beta_1', '😀 run'] },
  { orderBy: ['start_time ASC'], runs: ['alpha', '😀 run', 'Alpha', 'beta_1', 'beta%1'] },
  { orderBy: ['created'], runs: ['alpha', '😀 run', 'Alpha', 'beta_1', 'beta%1'] },
  { orderBy: ['end_time'], runs: ['😀 run', 'alpha', 'Alpha', 'beta%1', 'beta_1'] },
  { orderBy: ['end_time DESC'], runs: ['beta%1', 'Alpha', 'alpha', '😀 run', 'beta_1'] },
  { orderBy: ['status', 'user_id DESC'], runs: ['Alpha', 'beta%1', 'alpha', '😀 run', 'beta_1'] },
  { orderBy: ['run_id DESC'], runs: ['😀 run', 'beta%1', 'beta_1', 'Alpha', 'alpha'] },
  { orderBy: ['metrics.loss', 'params.lr DESC'], runs: ['alpha', 'beta%1', 'Alpha', 'beta_1', '😀 run'] },
]

describe('compareRuns', () => {
  it.each(CASES)('orders by $orderBy', ({ orderBy, runs }) => {
    const parsed = parseRunOrderBy(orderBy)
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect([...FIXTURE_RUNS].sort(compareRuns(parsed.value)).map((run) => run.runName)).toEqual(runs)
  })
})

describe('sortRuns', () => {
  it.each(CASES)('orders by $orderBy as compareRuns does', ({ orderBy, runs }) => {
    const parsed = parseRunOrderBy(orderBy)
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect(sortRuns(FIXTURE_RUNS, parsed.value).map((run) => run.runName)).toEqual(runs)
  })
})
