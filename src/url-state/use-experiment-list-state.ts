import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import type { ExperimentSearch } from '@/domain/experiment-search'
import { parseExperimentSearch, serializeExperimentSearch } from './experiment-list-state'

/** The experiments page's state from the URL, and a setter that writes it back (typing replaces). */
export function useExperimentListState(): [
  ExperimentSearch,
  (next: ExperimentSearch, options?: { replace?: boolean }) => void,
] {
  const [params, setParams] = useSearchParams()
  const state = useMemo(() => parseExperimentSearch(params), [params])
  const setState = useCallback(
    (next: ExperimentSearch, options?: { replace?: boolean }) => {
      setParams(serializeExperimentSearch(next), { replace: options?.replace ?? false })
    },
    [setParams],
  )
  return [state, setState]
}
