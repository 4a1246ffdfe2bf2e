import { ArtifactBreadcrumbs } from './artifact-breadcrumbs'
import { ArtifactDetails } from './artifact-details'
import { ArtifactTree } from './artifact-tree'
import './artifact-tree.css'

export interface ArtifactBrowserProps {
  runId: string
  /** The selected path (from the URL); `''` or undefined is the root. */
  path: string | undefined
  /** Whether the selected path is a directory (the URL says so, a listing does not for a bare path). */
  isDir: boolean
  onSelect: (path: string, isDir: boolean) => void
}

/** A run's artifacts: the tree on the left, the selected file on the right. */
export function ArtifactBrowser({ runId, path, isDir, onSelect }: ArtifactBrowserProps) {
  const selected = path === '' ? undefined : path
  return (
    <div className="artifact-browser">
      <div className="artifact-browser-tree">
        <ArtifactTree runId={runId} selectedPath={selected} selectedIsDir={isDir} onSelect={onSelect} />
      </div>
      <div className="artifact-browser-main">
        <ArtifactBreadcrumbs path={path ?? ''} onSelect={onSelect} />
        {selected !== undefined && !isDir ? (
          <ArtifactDetails runId={runId} path={selected} />
        ) : (
          <p className="muted">Pick a file to see it.</p>
        )}
      </div>
    </div>
  )
}
