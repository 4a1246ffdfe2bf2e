/**
 * Experiment filtering with the semantics of MLflow's SQL store
 * (`_get_search_experiments_filter_clauses`): tag clauses are inner joins (a missing tag never
 * matches, not even `!=`), `experiment_id` compares as an integer column.
 */

import { pythonInt } from '@/domain/search-filter/filter-statement'
import type { ExperimentClause, ExperimentFilter } from '@/domain/search-filter/parse-filter'
import type { MockExperiment } from '../store/types'
import { matchesNumber, matchesText } from '@/domain/search-filter/sql-compare'

function matchesExperimentId(experiment: MockExperiment, clause: ExperimentClause): boolean {
  const id = Number(experiment.experimentId)
  const operands = (Array.isArray(clause.value) ? clause.value : [clause.value]).map((v) =>
    typeof v === 'string' ? pythonInt(v) : undefined,
  )
  switch (clause.comparator) {
    case 'IN':
      return operands.includes(id)
    case 'NOT IN':
      return !operands.includes(id)
    default: {
      const [operand] = operands
      return operand !== undefined && matchesNumber(id, clause.comparator, operand)
    }
  }
}

export function matchesExperimentClause(experiment: MockExperiment, clause: ExperimentClause): boolean {
  if (clause.entity === 'tag') {
    const value = experiment.tags.get(clause.key)
    if (clause.comparator === 'IS NULL') return value === undefined
    if (clause.comparator === 'IS NOT NULL') return value !== undefined
    return (
      value !== undefined &&
      typeof clause.value === 'string' &&
      matchesText(value, clause.comparator, clause.value)
    )
  }
  switch (clause.key) {
    case 'experiment_id':
      return matchesExperimentId(experiment, clause)
    case 'creation_time':
    case 'last_update_time': {
      const time = clause.key === 'creation_time' ? experiment.creationTime : experiment.lastUpdateTime
      return typeof clause.value === 'number' && matchesNumber(time, clause.comparator, clause.value)
    }
    case 'name':
      return typeof clause.value === 'string' && matchesText(experiment.name, clause.comparator, clause.value)
    default:
      return false
  }
}

/** Whether an experiment passes every clause (the clauses come from `parseExperimentFilter`). */
export function matchesExperimentFilter(experiment: MockExperiment, clauses: ExperimentFilter): boolean {
  return clauses.every((clause) => matchesExperimentClause(experiment, clause))
}
