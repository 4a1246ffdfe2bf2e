import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import { experimentQueries } from '@/api/experiments'
import type { Page } from '@/api/paging'
import type { Experiment } from '@/domain/experiments'

type Pages = InfiniteData<Page<Experiment>, string | undefined>

/** A snapshot of every cached experiment list and detail, to put back when a write fails. */
export type ExperimentCacheSnapshot = [readonly unknown[], unknown][]

export function snapshotExperiments(queryClient: QueryClient): ExperimentCacheSnapshot {
  return queryClient.getQueriesData({ queryKey: experimentQueries.all() })
}

export function restoreExperiments(queryClient: QueryClient, snapshot: ExperimentCacheSnapshot): void {
  for (const [queryKey, data] of snapshot) queryClient.setQueryData(queryKey, data)
}

/**
 * Applies a change to one experiment wherever it is cached (every list page and its detail), so an
 * edit shows at once; the caller rolls back with the snapshot if the server refuses it.
 */
export async function updateCachedExperiment(
  queryClient: QueryClient,
  experimentId: string,
  change: (experiment: Experiment) => Experiment,
): Promise<ExperimentCacheSnapshot> {
  await queryClient.cancelQueries({ queryKey: experimentQueries.all() })
  const snapshot = snapshotExperiments(queryClient)
  const apply = (experiment: Experiment) =>
    experiment.experimentId === experimentId ? change(experiment) : experiment
  queryClient.setQueriesData<Pages>({ queryKey: [...experimentQueries.searches(), 'pages'] }, (data) =>
    data === undefined
      ? data
      : { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(apply) })) },
  )
  queryClient.setQueryData<Experiment>(experimentQueries.get(experimentId).queryKey, (experiment) =>
    experiment === undefined ? experiment : apply(experiment),
  )
  return snapshot
}
