/**
 * Run filtering with the semantics of MLflow's SQL store (`_get_sqlalchemy_filter_clauses`):
 * metric, param and tag clauses are inner joins, so a run without the key never matches, not even
 * `!=`; attributes compare columns; dataset clauses match when any of the run's inputs matches.
 */

import type { RunClause, RunFilter } from '@/domain/search-filter/parse-filter'
import type { MockLatestMetric, MockRun } from '../store/types'
import {
  matchesMetricValue,
  matchesNumber,
  matchesOptionalText,
  storedMetricValue,
} from '@/domain/search-filter/sql-compare'

/** The run-name tag; `attributes.run_name` filters on it rather than on the runs table. */
const RUN_NAME_TAG = 'mlflow.runName'

/**
 * A latest metric as the SQL store keeps it: NaN as `is_nan` with value 0, infinities clamped to the
 * largest double (SQL has no infinity).
 */
export function storedMetric(metric: MockLatestMetric): { isNan: boolean; value: number } {
  return storedMetricValue(typeof metric.value === 'number' ? metric.value : Number(metric.value))
}

function matchesMetric(metric: MockLatestMetric | undefined, clause: RunClause): boolean {
  if (metric === undefined) return false
  return matchesMetricValue(typeof metric.value === 'number' ? metric.value : Number(metric.value), clause)
}

function attributeText(run: MockRun, key: string): string | undefined {
  switch (key) {
    case 'run_id':
      return run.runId
    case 'run_name':
      return run.tags.get(RUN_NAME_TAG)
    case 'status':
      return run.status
    case 'user_id':
      return run.userId
    case 'artifact_uri':
      return run.artifactUri
    default:
      return undefined
  }
}

function matchesAttribute(run: MockRun, clause: RunClause): boolean {
  if (clause.key === 'start_time' || clause.key === 'end_time') {
    const time = clause.key === 'start_time' ? run.startTime : run.endTime
    return (
      time !== undefined &&
      typeof clause.value === 'number' &&
      matchesNumber(time, clause.comparator, clause.value)
    )
  }
  return matchesOptionalText(attributeText(run, clause.key), clause)
}

function matchesDataset(run: MockRun, clause: RunClause): boolean {
  return run.datasets.some((dataset) => {
    const value =
      clause.key === 'name' ? dataset.name : clause.key === 'digest' ? dataset.digest : dataset.context
    return matchesOptionalText(value, clause)
  })
}

export function matchesRunClause(run: MockRun, clause: RunClause): boolean {
  switch (clause.entity) {
    case 'metric':
      return matchesMetric(run.latestMetrics.get(clause.key), clause)
    case 'param':
      return matchesOptionalText(run.params.get(clause.key), clause)
    case 'tag':
      return matchesOptionalText(run.tags.get(clause.key), clause)
    case 'attribute':
      return matchesAttribute(run, clause)
    case 'dataset':
      return matchesDataset(run, clause)
  }
}

/** Whether a run passes every clause (the clauses come from `parseRunFilter`). */
export function matchesRunFilter(run: MockRun, clauses: RunFilter): boolean {
  return clauses.every((clause) => matchesRunClause(run, clause))
}
