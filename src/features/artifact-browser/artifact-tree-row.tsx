/** Rows of the artifact tree: an entry, or what stands in for a directory's children. */

import { describeError } from '@/api/describe-error'
import { baseName } from '@/domain/artifacts/artifact-path'
import { ARTIFACT_KIND_LABELS, artifactKind, type ArtifactKind } from '@/domain/artifacts/file-kind'
import { formatBytes } from '@/domain/format/format-bytes'
import type { EntryRow, StatusRow } from './tree-rows'

const KIND_ICONS: Readonly<Record<ArtifactKind, string>> = {
  image: 'IMG',
  text: 'TXT',
  json: '{ }',
  yaml: 'YML',
  markdown: 'MD',
  csv: 'CSV',
  tsv: 'TSV',
  html: '</>',
  pdf: 'PDF',
  mlmodel: 'ML',
  other: '···',
}

/** A failure as one line: what went wrong, then the server's words. */
export function errorText(error: unknown): string {
  const { title, detail } = describeError(error)
  return detail === '' ? title : `${title}: ${detail}`
}

const indent = (depth: number) => ({ paddingInlineStart: `${0.5 + depth * 1.1}rem` })

export interface EntryLineProps {
  id: string
  row: EntryRow
  style: { transform: string; height: number }
  active: boolean
  selected: boolean
  onClick: () => void
}

export function EntryLine({ id, row, style, active, selected, onClick }: EntryLineProps) {
  const kind = row.isDir ? undefined : artifactKind(row.path)
  const kindLabel = kind === undefined ? 'Directory' : ARTIFACT_KIND_LABELS[kind]
  return (
    <div
      id={id}
      role="treeitem"
      aria-label={row.name}
      aria-level={row.depth + 1}
      aria-posinset={row.position}
      aria-setsize={row.siblings}
      aria-expanded={row.isDir ? row.expanded : undefined}
      aria-selected={selected}
      data-path={row.path}
      className={`artifact-tree-row${active ? ' is-active' : ''}${selected ? ' is-selected' : ''}`}
      style={{ ...style, ...indent(row.depth) }}
      onClick={onClick}
    >
      <span className="artifact-tree-twisty" aria-hidden="true">
        {row.isDir ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      <span className={`artifact-kind artifact-kind-${kind ?? 'dir'}`} aria-hidden="true" title={kindLabel}>
        {kind === undefined ? 'DIR' : KIND_ICONS[kind]}
      </span>
      <span className="artifact-tree-name" title={row.path}>
        {row.name}
      </span>
      {row.fileSize !== undefined && !row.isDir && (
        <span className="artifact-tree-size">{formatBytes(row.fileSize)}</span>
      )}
    </div>
  )
}

export function StatusLine({ row, style }: { row: StatusRow; style: { transform: string; height: number } }) {
  const name = baseName(row.dir)
  const { state } = row
  return (
    <div className="artifact-tree-row artifact-tree-status" style={{ ...style, ...indent(row.depth) }}>
      <span className="artifact-tree-twisty" aria-hidden="true" />
      {state.status === 'pending' && (
        <span role="status" className="muted">
          Loading {name}…
        </span>
      )}
      {state.status === 'empty' && <span className="muted">No artifacts</span>}
      {state.status === 'hidden' && (
        <span
          className="muted"
          title="Paths with '..', absolute paths, control characters, duplicates or entries of another directory are not shown"
        >
          {state.count === 1
            ? '1 entry with an unexpected path hidden'
            : `${state.count} entries with unexpected paths hidden`}
        </span>
      )}
      {state.status === 'error' && (
        <>
          <span role="alert" className="artifact-tree-error" title={errorText(state.error)}>
            Could not list {name}: {describeError(state.error).title}
          </span>
          <button type="button" className="button button-small" onClick={state.retry}>
            Retry
          </button>
        </>
      )}
    </div>
  )
}
