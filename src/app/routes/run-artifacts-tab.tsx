import { useCallback } from 'react'
import { useSearchParams } from 'react-router'
import { ArtifactBrowser } from '@/features/artifact-browser/artifact-browser'

/**
 * The run page's Artifacts tab. The selected path is in the URL: `?path=plots/roc.png` for a file,
 * `?path=plots/` (trailing slash) for a directory.
 */
export function RunArtifactsTab({ runId }: { runId: string }) {
  const [params, setParams] = useSearchParams()
  const raw = params.get('path') ?? ''
  const isDir = raw === '' || raw.endsWith('/')
  const path = isDir ? raw.replace(/\/+$/, '') : raw
  const onSelect = useCallback(
    (next: string, nextIsDir: boolean) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current)
          if (next === '') updated.delete('path')
          else updated.set('path', nextIsDir ? `${next}/` : next)
          return updated
        },
        { replace: true },
      )
    },
    [setParams],
  )
  return <ArtifactBrowser runId={runId} path={path} isDir={isDir} onSelect={onSelect} />
}
