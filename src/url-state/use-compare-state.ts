import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { parseCompareState, serializeCompareState, type CompareView } from './compare-state'

/** The compare page's state from the URL, and a setter that writes it back. */
export function useCompareState(): [
  CompareView,
  (update: (view: CompareView) => CompareView, options?: { replace?: boolean }) => void,
] {
  const [params, setParams] = useSearchParams()
  // The artifact and its image step change often (a step slider): parsed apart, so moving them
  // leaves the rest of the view (charts, lists) the same objects and the page's memos hold.
  const artifact = params.get('artifact')
  const step = params.get('step')
  const rest = new URLSearchParams(params)
  rest.delete('artifact')
  rest.delete('step')
  const restKey = rest.toString()
  const core = useMemo(() => parseCompareState(new URLSearchParams(restKey)), [restKey])
  const view = useMemo((): CompareView => {
    const own = new URLSearchParams()
    if (artifact !== null) own.set('artifact', artifact)
    if (step !== null) own.set('step', step)
    const { artifact: path, artifactStep } = parseCompareState(own)
    return { ...core, artifact: path, artifactStep }
  }, [core, artifact, step])
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
