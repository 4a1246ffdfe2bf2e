import type { ReactNode } from 'react'
import { joinArtifactPath } from '@/domain/artifacts/artifact-path'
import type { ArtifactSource } from '@/domain/artifacts/artifact-source'
import { ArtifactBreadcrumbs } from './artifact-breadcrumbs'
import { ArtifactDetails } from './artifact-details'
import { ArtifactFramesContext } from './artifact-frames'
import { ArtifactSourcePicker, type ArtifactSourceOption } from './artifact-source-picker'
import { ArtifactTree } from './artifact-tree'
import { DirectoryPanel } from './directory-panel'
import { pathUnderRoot } from './tree-rows'
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
  /**
   * Show only this directory of the source (a model logged under a run's `model/`): the tree starts
   * there, and `path` and the paths given to `onSelect` are relative to it. `''`, the default, is all.
   */
  root?: string
  /** How code loads the model at the root, when it has a better name than its files (`models:/name/3`). */
  rootModelUri?: string
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
  root = '',
  rootModelUri,
}: ArtifactBrowserProps) {
  const relative = path ?? ''
  const selected = relative === '' ? undefined : joinArtifactPath(root, relative)
  // The tree and the panes work with source-relative paths; the caller hears root-relative ones.
  const selectInRoot = (next: string, nextIsDir: boolean) => {
    const inRoot = pathUnderRoot(next, root)
    if (inRoot !== undefined) onSelect(inRoot, nextIsDir)
  }
  return (
    <ArtifactFramesContext value={interactiveFrames}>
      <div className="artifact-browser">
        <div className="artifact-browser-tree">
          {sources.length > 1 && onSourceChange !== undefined && (
            <ArtifactSourcePicker options={sources} selected={source} onChange={onSourceChange} />
          )}
          {sourceNote}
          <ArtifactTree
            source={source}
            root={root}
            selectedPath={selected}
            selectedIsDir={isDir}
            onSelect={selectInRoot}
          />
        </div>
        <div className="artifact-browser-main">
          <ArtifactBreadcrumbs path={relative} onSelect={onSelect} rootLabel={rootLabel} />
          {selected !== undefined && !isDir ? (
            <ArtifactDetails source={source} path={selected} onSelect={selectInRoot} />
          ) : (
            <DirectoryPanel
              source={source}
              dir={selected ?? root}
              modelUri={selected === undefined ? rootModelUri : undefined}
            />
          )}
        </div>
      </div>
    </ArtifactFramesContext>
  )
}
