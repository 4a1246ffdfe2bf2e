/** Runs and experiments searches over the store, with the real server's checks and errors. */

import type { ViewType } from '@/domain/experiments'
import { compareExperiments } from '../search/compare-experiments'
import { sortRuns } from '../search/compare-runs'
import { matchesExperimentFilter } from '../search/match-experiment'
import { matchesRunFilter } from '../search/match-run'
import {
  parseExperimentSearchRequest,
  parseRunSearchRequest,
  type SearchRequestError,
} from '../search/search-request'
import type { MockStore } from '../store/store'
import { MockStoreError } from '../store/store'
import type { MockExperiment, MockRun } from '../store/types'
import { invalidParameter } from './protocol'

function stagesOf(viewType: ViewType): ReadonlySet<string> {
  if (viewType === 'ALL') return new Set(['active', 'deleted'])
  return new Set([viewType === 'DELETED_ONLY' ? 'deleted' : 'active'])
}

function toError(error: SearchRequestError): MockStoreError {
  return new MockStoreError(error.error.errorCode, error.error.message)
}

/** `_parse_experiment_ids` on SQL stores: every id must be an integer. */
function requireIntegerIds(experimentIds: readonly string[]): void {
  for (const id of experimentIds) {
    if (!/^\s*[-+]?\d+\s*$/.test(id)) {
      throw invalidParameter(`Invalid experiment ID '${id}'. Experiment ID must be a valid integer.`)
    }
  }
}

export function searchRuns(
  store: MockStore,
  request: {
    experimentIds: readonly string[]
    filter: string
    orderBy: readonly string[]
    viewType: ViewType
  },
): readonly MockRun[] {
  const parsed = parseRunSearchRequest(request.filter, request.orderBy)
  if (!parsed.ok) throw toError(parsed)
  requireIntegerIds(request.experimentIds)
  const experimentIds = [...new Set(request.experimentIds.map((id) => String(Number(id))))]
  // Pages of one search (the same experiments, filter, order and view) sort once until a write.
  const key = JSON.stringify([experimentIds, request.filter, request.orderBy, request.viewType])
  return store.cachedSearch(key, () => {
    const stages = stagesOf(request.viewType)
    const runs: MockRun[] = []
    for (const experimentId of experimentIds) {
      for (const run of store.runsOf(experimentId)) {
        if (stages.has(run.lifecycleStage) && matchesRunFilter(run, parsed.filter)) runs.push(run)
      }
    }
    return sortRuns(runs, parsed.orderBy)
  })
}

export function searchExperiments(
  experiments: readonly MockExperiment[],
  request: { filter: string; orderBy: readonly string[]; viewType: ViewType; maxResults: number },
): MockExperiment[] {
  if (request.maxResults < 1) {
    throw invalidParameter(
      `Invalid value ${request.maxResults} for parameter 'max_results' supplied. It must be a positive integer`,
    )
  }
  if (request.maxResults > 50_000) {
    throw invalidParameter(
      `Invalid value ${request.maxResults} for parameter 'max_results' supplied. It must be at most 50000`,
    )
  }
  const parsed = parseExperimentSearchRequest(request.filter, request.orderBy)
  if (!parsed.ok) throw toError(parsed)
  const stages = stagesOf(request.viewType)
  return experiments
    .filter(
      (experiment) =>
        stages.has(experiment.lifecycleStage) && matchesExperimentFilter(experiment, parsed.filter),
    )
    .sort(compareExperiments(parsed.orderBy))
}
