import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import type { RunTableView } from '@/domain/runs/run-table-view'
import { parseRunTableState, serializeRunTableState } from './run-table-state'

/** The runs table's state from the URL, and a setter that writes it back (typing replaces). */
export function useRunTableState(): [
  RunTableView,
  (update: (state: RunTableView) => RunTableView, options?: { replace?: boolean }) => void,
] {
  const [params, setParams] = useSearchParams()
  const state = useMemo(() => parseRunTableState(params), [params])
  const setState = useCallback(
    (update: (state: RunTableView) => RunTableView, options?: { replace?: boolean }) => {
      setParams((current) => serializeRunTableState(update(parseRunTableState(current))), {
        replace: options?.replace ?? false,
      })
    },
    [setParams],
  )
  return [state, setState]
}
