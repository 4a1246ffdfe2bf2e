import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { parseCompareState, serializeCompareState, type CompareView } from './compare-state'

/** The compare page's state from the URL, and a setter that writes it back. */
export function useCompareState(): [
  CompareView,
  (update: (view: CompareView) => CompareView, options?: { replace?: boolean }) => void,
] {
  const [params, setParams] = useSearchParams()
  const view = useMemo(() => parseCompareState(params), [params])
  const setView = useCallback(
    (update: (view: CompareView) => CompareView, options?: { replace?: boolean }) => {
      setParams((current) => serializeCompareState(update(parseCompareState(current))), {
        replace: options?.replace ?? true,
      })
    },
    [setParams],
  )
  return [view, setView]
}
