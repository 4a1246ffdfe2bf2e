import type { ReactNode } from 'react'
import type { ArtifactSource } from '@/domain/artifacts/artifact-source'
import { ArtifactBreadcrumbs } from './artifact-breadcrumbs'
import { ArtifactDetails } from './artifact-details'
import { ArtifactFramesContext } from './artifact-frames'
import { ArtifactSourcePicker, type ArtifactSourceOption } from './artifact-source-picker'
import { ArtifactTree } from './artifact-tree'
import { DirectoryPanel } from './directory-panel'
import './artifact-tree.css'

export interface ArtifactBrowserProps {
  /** Whose files: the run's own or a model it logged. */
  source: ArtifactSource
  /** The selected path (from the URL); `''` or undefined is the root. */
  path: string | undefined
  /** Whether the selected path is a directory (the URL says so, a listing does not for a bare path). */
  isDir: boolean
  onSelect: (path: string, isDir: boolean) => void
  /** More than one source (a run that logged models): a picker above the tree. */
  sources?: readonly ArtifactSourceOption[]
  onSourceChange?: (source: ArtifactSource) => void
  /** A line under the picker, e.g. why a model's files are shown for a run without files. */
  sourceNote?: ReactNode
  /** What the breadcrumbs call the root. */
  rootLabel?: string
  /** The server answers `artifact-frame` (see artifact-frames.ts). */
  interactiveFrames?: boolean
}

/** A run's (or a logged model's) artifacts: the tree on the left, the selected file on the right. */
export function ArtifactBrowser({
  source,
  path,
  isDir,
  onSelect,
  sources = [],
  onSourceChange,
  sourceNote,
  rootLabel,
  interactiveFrames = false,
}: ArtifactBrowserProps) {
  const selected = path === '' ? undefined : path
  return (
    <ArtifactFramesContext value={interactiveFrames}>
      <div className="artifact-browser">
        <div className="artifact-browser-tree">
          {sources.length > 1 && onSourceChange !== undefined && (
            <ArtifactSourcePicker options={sources} selected={source} onChange={onSourceChange} />
          )}
          {sourceNote}
          <ArtifactTree source={source} selectedPath={selected} selectedIsDir={isDir} onSelect={onSelect} />
        </div>
        <div className="artifact-browser-main">
          <ArtifactBreadcrumbs path={path ?? ''} onSelect={onSelect} rootLabel={rootLabel} />
          {selected !== undefined && !isDir ? (
            <ArtifactDetails source={source} path={selected} onSelect={onSelect} />
          ) : (
            <DirectoryPanel source={source} dir={selected ?? ''} />
          )}
        </div>
      </div>
    </ArtifactFramesContext>
  )
}
