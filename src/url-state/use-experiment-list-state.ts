import { useCallback, useMemo } from 'react'
import { useNavigate, useNavigation, useSearchParams } from 'react-router'
import type { ExperimentSearch } from '@/domain/experiment-search'
import { experimentSearchQuery, parseExperimentSearch } from './experiment-list-state'

/** The experiments page's state from the URL, and a setter that writes it back (typing replaces). */
export function useExperimentListState(): [
  ExperimentSearch,
  (next: ExperimentSearch, options?: { replace?: boolean }) => void,
] {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  // While the user is leaving (a click on an experiment whose page is still loading), a late
  // debounced search must not write itself into the next page's URL.
  const leaving = useNavigation().state !== 'idle'
  const state = useMemo(() => parseExperimentSearch(params), [params])
  const setState = useCallback(
    (next: ExperimentSearch, options?: { replace?: boolean }) => {
      if (leaving) return
      // What setSearchParams does, but without it re-escaping the commas in `sel=1,2`.
      void navigate(`?${experimentSearchQuery(next)}`, { replace: options?.replace ?? false })
    },
    [navigate, leaving],
  )
  return [state, setState]
}
