import { useCallback, useMemo } from 'react'
import { useNavigate, useNavigation, useSearchParams } from 'react-router'
import type { ModelListSearch } from '@/domain/models/model-list-search'
import { modelListSearchQuery, parseModelListSearch } from './models-state'

/** The registered-models page's state from the URL, and a setter that writes it back (typing replaces). */
export function useModelsState(): [
  ModelListSearch,
  (next: ModelListSearch, options?: { replace?: boolean }) => void,
] {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  // While the user is leaving (a click on a model whose page is still loading), a late debounced
  // search must not write itself into the next page's URL.
  const leaving = useNavigation().state !== 'idle'
  const state = useMemo(() => parseModelListSearch(params), [params])
  const setState = useCallback(
    (next: ModelListSearch, options?: { replace?: boolean }) => {
      if (leaving) return
      void navigate(`?${modelListSearchQuery(next)}`, { replace: options?.replace ?? false })
    },
    [navigate, leaving],
  )
  return [state, setState]
}
