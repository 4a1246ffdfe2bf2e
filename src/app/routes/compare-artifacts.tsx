import { useCallback, useMemo, useState } from 'react'
import { Link } from 'react-router'
import type { Run } from '@/domain/runs/run'
import { ArtifactSideBySide, type ComparedRun } from '@/features/artifact-browser/side-by-side/side-by-side'
import type { CompareView } from '@/url-state/compare-state'
import { paths } from '../paths'

interface CompareArtifactsProps {
  runs: readonly Run[]
  colors: ReadonlyMap<string, string>
  view: CompareView
  setView: (update: (view: CompareView) => CompareView) => void
}

/**
 * The compare page's Artifacts section: one artifact path, side by side for every run. Closed until
 * asked for (it lists every run's files), and open at once when the URL names a path
 * (`artifact=<path>`, with `step=<n>` for a per-step image).
 */
export function CompareArtifacts({ runs, colors, view, setView }: CompareArtifactsProps) {
  const [open, setOpen] = useState(view.artifact !== undefined)
  const compared = useMemo(
    (): ComparedRun[] =>
      runs.map((run) => ({
        runId: run.info.runId,
        name: run.info.runName || run.info.runId,
        color: colors.get(run.info.runId) ?? 'var(--muted)',
      })),
    [runs, colors],
  )
  const experimentOf = useMemo(
    () => new Map(runs.map((run) => [run.info.runId, run.info.experimentId])),
    [runs],
  )
  const renderArtifactLink = useCallback(
    (runId: string, path: string) => (
      <Link
        className="button button-small"
        to={paths.runArtifact(experimentOf.get(runId) ?? '', runId, path, false)}
      >
        Open in the run’s artifacts
      </Link>
    ),
    [experimentOf],
  )
  const onPathChange = useCallback(
    (path: string) => {
      setView((current) => ({ ...current, artifact: path, artifactStep: undefined }))
    },
    [setView],
  )
  const onStepChange = useCallback(
    (step: number | undefined) => {
      setView((current) => ({ ...current, artifactStep: step }))
    },
    [setView],
  )
  const baselineId =
    runs.find((run) => run.info.runId === view.baseline)?.info.runId ?? runs[0]?.info.runId ?? ''

  if (!open && view.artifact === undefined)
    return (
      <button
        type="button"
        className="button"
        onClick={() => {
          setOpen(true)
        }}
      >
        Compare artifacts
      </button>
    )
  return (
    <ArtifactSideBySide
      runs={compared}
      baselineId={baselineId}
      path={view.artifact}
      onPathChange={onPathChange}
      step={view.artifactStep}
      onStepChange={onStepChange}
      renderArtifactLink={renderArtifactLink}
    />
  )
}
