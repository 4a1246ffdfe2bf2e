import { artifactKind, ARTIFACT_KIND_LABELS } from '@/domain/artifacts/file-kind'
import { ArtifactPathPicker } from './artifact-path-picker'
import { FileList } from './file-list'
import { ImageGrid } from './image-grid'
import type { ComparedRun, RenderArtifactLink } from './run-files'
import { isDiffKind, TextDiffGrid } from './text-diff-grid'
import './side-by-side.css'

export type { ComparedRun, RenderArtifactLink } from './run-files'

export interface ArtifactSideBySideProps {
  /** The compared runs, in the page's order. */
  runs: readonly ComparedRun[]
  /** The run the others are diffed against (the compare page's baseline). */
  baselineId: string
  /** The picked path (from the URL), if any. */
  path: string | undefined
  onPathChange: (path: string) => void
  /** The step of a per-step logged image (from the URL); undefined = the last. */
  step: number | undefined
  onStepChange: (step: number | undefined) => void
  /** A link to one run's own artifact browser at a path. */
  renderArtifactLink: RenderArtifactLink
}

/**
 * The same artifact of every compared run, side by side: a path picker over the union of the runs'
 * files, then images in a grid (zoom and step shared), text-like files diffed against the
 * baseline, and other files as per-run download links.
 */
export function ArtifactSideBySide(props: ArtifactSideBySideProps) {
  const { runs, baselineId, path, onPathChange, step, onStepChange, renderArtifactLink } = props
  const kind = path === undefined ? undefined : artifactKind(path)
  return (
    <div className="sbs">
      <div className="sbs-picker-column">
        <ArtifactPathPicker runs={runs} selected={path} onPick={onPathChange} />
      </div>
      <div className="sbs-main">
        {path === undefined || kind === undefined ? (
          <p className="muted">Pick a file to see it for every run.</p>
        ) : (
          <>
            <h3 className="sbs-path">
              <code>{path}</code> <span className="muted">{ARTIFACT_KIND_LABELS[kind]}</span>
            </h3>
            {kind === 'image' ? (
              <ImageGrid
                key={path}
                runs={runs}
                path={path}
                step={step}
                onStepChange={onStepChange}
                renderArtifactLink={renderArtifactLink}
              />
            ) : isDiffKind(kind) ? (
              <TextDiffGrid
                key={path}
                runs={runs}
                baselineId={baselineId}
                path={path}
                kind={kind}
                renderArtifactLink={renderArtifactLink}
              />
            ) : (
              <FileList
                runs={runs}
                baselineId={baselineId}
                path={path}
                renderArtifactLink={renderArtifactLink}
              />
            )}
          </>
        )}
      </div>
    </div>
  )
}
