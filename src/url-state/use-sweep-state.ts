import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import type { RunTableView } from '@/domain/runs/run-table-view'
import { parseRunTableState, serializeRunTableState } from './run-table-state'
import {
  keepSweepParams,
  mergeSweepState,
  parseSweepState,
  SWEEP_PARAMS,
  type SweepView,
} from './sweep-state'

export type SweepUpdate = (update: (view: SweepView) => SweepView, options?: { replace?: boolean }) => void

/**
 * The sweep view's state from the URL, and a setter that writes it back leaving every other
 * parameter (the runs table's) as it is. Changes push a history entry unless `replace` is asked
 * (brushing, hiding runs: many small steps).
 */
export function useSweepState(): [SweepView, SweepUpdate] {
  const [params, setParams] = useSearchParams()
  const own = new URLSearchParams()
  for (const [name, value] of params) if (isSweepParam(name)) own.append(name, value)
  const key = own.toString()
  const view = useMemo(() => parseSweepState(new URLSearchParams(key)), [key])
  const setView = useCallback<SweepUpdate>(
    (update, options) => {
      setParams((current) => mergeSweepState(current, update(parseSweepState(current))), {
        replace: options?.replace ?? false,
      })
    },
    [setParams],
  )
  return [view, setView]
}

const SWEEP_PARAM_NAMES = new Set<string>(SWEEP_PARAMS)

function isSweepParam(name: string): boolean {
  return SWEEP_PARAM_NAMES.has(name)
}

/**
 * The runs table's state, as `useRunTableState`, but its setter keeps the sweep view's parameters
 * (the table's serializer writes only its own, which would drop the charts).
 */
export function useRunTableStateWithSweep(): [
  RunTableView,
  (update: (state: RunTableView) => RunTableView, options?: { replace?: boolean }) => void,
] {
  const [params, setParams] = useSearchParams()
  const state = useMemo(() => parseRunTableState(params), [params])
  const setState = useCallback(
    (update: (state: RunTableView) => RunTableView, options?: { replace?: boolean }) => {
      setParams(
        (current) => keepSweepParams(current, serializeRunTableState(update(parseRunTableState(current)))),
        { replace: options?.replace ?? false },
      )
    },
    [setParams],
  )
  return [state, setState]
}
