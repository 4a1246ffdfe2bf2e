import { useMemo } from 'react'
import { RUN_STATUSES, SYSTEM_TAGS, type Run } from '@/domain/runs/run'
import type { RunKeys } from '@/domain/runs/run-columns'
import type { FilterVocabulary } from '@/domain/search-filter/complete-filter'

const MAX_VALUES = 50

/** What the filter box can complete: the keys of the loaded runs, and their values on demand. */
export function useFilterVocabulary(runs: readonly Run[], keys: RunKeys): FilterVocabulary {
  return useMemo(() => {
    const datasets = new Set<string>()
    for (const run of runs) for (const dataset of run.datasets) datasets.add(dataset.name)
    const cache = new Map<string, readonly string[]>()
    const distinct = (read: (run: Run) => string | undefined): string[] => {
      const values = new Set<string>()
      for (const run of runs) {
        const value = read(run)
        if (value !== undefined) values.add(value)
        if (values.size >= MAX_VALUES) break
      }
      return [...values].sort()
    }
    return {
      params: keys.params,
      metrics: keys.metrics,
      tags: keys.tags,
      datasets: [...datasets].sort(),
      values: (entity, key) => {
        const cacheKey = `${entity}\n${key}`
        const cached = cache.get(cacheKey)
        if (cached !== undefined) return cached
        let values: readonly string[] = []
        if (entity === 'param') values = distinct((run) => run.params[key])
        else if (entity === 'tag') values = distinct((run) => run.tags[key])
        else if (entity === 'dataset' && key === 'name') values = [...datasets].sort()
        else if (entity === 'attribute' && key === 'status') values = RUN_STATUSES
        else if (entity === 'attribute' && key === 'user_id')
          values = distinct((run) => run.tags[SYSTEM_TAGS.user] ?? run.info.userId)
        else if (entity === 'attribute' && key === 'run_name') values = distinct((run) => run.info.runName)
        cache.set(cacheKey, values)
        return values
      },
    }
  }, [runs, keys])
}
