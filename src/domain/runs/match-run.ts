/**
 * Run filtering in the browser with the semantics of MLflow's SQL store
 * (`_get_sqlalchemy_filter_clauses`), so a clause gives the same runs whether the server or the
 * browser applies it: metric, param and tag clauses are inner joins, so a run without the key never
 * matches, not even `!=`; a NaN metric matches only `!=`; LIKE is case-sensitive and ILIKE folds
 * ASCII letters only; dataset clauses match when any of the run's inputs matches. Beyond the
 * server, `attributes.status IN (...)` and `NOT IN` work here.
 */

import type { RunClause, RunFilter } from '../search-filter/parse-filter'
import type { RunQuery } from '../search-filter/run-query'
import { matchesMetricValue, matchesNumber, matchesOptionalText } from '../search-filter/sql-compare'
import { SYSTEM_TAGS, type DatasetInput, type Run } from './run'

const DATASET_CONTEXT_TAG = 'mlflow.data.context'

/**
 * The store reads `attributes.run_name` from the `mlflow.runName` tag (the runs table's name column
 * is empty for runs logged by old clients); the name in the run info stands in when the tag is absent.
 */
function runNameOf(run: Run): string | undefined {
  const tag = run.tags[SYSTEM_TAGS.runName]
  if (tag !== undefined) return tag
  return run.info.runName === '' ? undefined : run.info.runName
}

function attributeText(run: Run, key: string): string | undefined {
  switch (key) {
    case 'run_id':
      return run.info.runId
    case 'run_name':
      return runNameOf(run)
    case 'status':
      return run.info.status
    case 'user_id':
      return run.info.userId
    case 'artifact_uri':
      return run.info.artifactUri
    default:
      return undefined
  }
}

function matchesAttribute(run: Run, clause: RunClause): boolean {
  if (clause.key === 'start_time' || clause.key === 'end_time') {
    const time = clause.key === 'start_time' ? run.info.startTime : run.info.endTime
    return (
      time !== undefined &&
      typeof clause.value === 'number' &&
      matchesNumber(time, clause.comparator, clause.value)
    )
  }
  return matchesOptionalText(attributeText(run, clause.key), clause)
}

function datasetField(dataset: DatasetInput, key: string): string | undefined {
  if (key === 'name') return dataset.name
  if (key === 'digest') return dataset.digest
  return dataset.tags[DATASET_CONTEXT_TAG]
}

function matchesDataset(run: Run, clause: RunClause): boolean {
  return run.datasets.some((dataset) => matchesOptionalText(datasetField(dataset, clause.key), clause))
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

export function matchesRunClause(run: Run, clause: RunClause): boolean {
  switch (clause.entity) {
    case 'metric':
      return matchesMetricValue(own(run.metrics, clause.key)?.value, clause)
    case 'param':
      return matchesOptionalText(own(run.params, clause.key), clause)
    case 'tag':
      return matchesOptionalText(own(run.tags, clause.key), clause)
    case 'attribute':
      return matchesAttribute(run, clause)
    case 'dataset':
      return matchesDataset(run, clause)
  }
}

/** Whether a run passes every clause of one AND-group. */
export function matchesRunFilter(run: Run, clauses: RunFilter): boolean {
  return clauses.every((clause) => matchesRunClause(run, clause))
}

/** Whether a run passes any AND-group of the query; a query with no groups matches every run. */
export function matchesRunQuery(run: Run, query: RunQuery): boolean {
  if (query.disjuncts.length === 0) return true
  return query.disjuncts.some((clauses) => matchesRunFilter(run, clauses))
}
