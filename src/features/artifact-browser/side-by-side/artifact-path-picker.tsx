import { useQueries } from '@tanstack/react-query'
import { useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { artifactQueries } from '@/api/artifacts'
import { baseName, isSafeArtifactPath, parentPath } from '@/domain/artifacts/artifact-path'
import { runSource } from '@/domain/artifacts/artifact-source'
import { ARTIFACT_KIND_LABELS, artifactKind } from '@/domain/artifacts/file-kind'
import { groupLoggedImages, LOGGED_IMAGES_DIR, loggedImageKey } from '@/domain/artifacts/logged-images'
import type { ComparedRun } from './run-files'

export interface ArtifactPathPickerProps {
  runs: readonly ComparedRun[]
  /** The picked file; its directories start expanded. */
  selected: string | undefined
  onPick: (path: string) => void
}

/**
 * One entry of the union tree. A per-step image series (`images/<key>+step+…`, a file per step and
 * run) is one entry for its key: its path is the file of its first step.
 */
interface UnionEntry {
  path: string
  /** What the tree shows: the file's name, or the series' key. */
  name: string
  isDir: boolean
  runs: number
  loggedKey: string | undefined
  /** For a series: the step of `path`. */
  step: number
}

/** A directory's entries merged over the runs: each path once, with how many runs have it. */
interface UnionDir {
  pending: number
  failed: { runName: string; message: string; retry: () => void }[]
  entries: Map<string, UnionEntry>
}

type PickerRow =
  | {
      kind: 'entry'
      path: string
      name: string
      loggedKey: string | undefined
      depth: number
      isDir: boolean
      runs: number
      open: boolean
    }
  | { kind: 'status'; key: string; depth: number; text: string; retry?: (() => void) | undefined }

/** Most rows shown per directory; past it, the filter finds the rest. */
const MAX_ROWS_PER_DIR = 500

function ancestors(path: string | undefined): string[] {
  const dirs: string[] = []
  for (let dir = parentPath(path ?? ''); dir !== ''; dir = parentPath(dir)) dirs.unshift(dir)
  return dirs
}

function compareEntries(a: UnionEntry, b: UnionEntry): number {
  if (a.isDir !== b.isDir) return a.isDir ? -1 : 1
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}

function stepOf(path: string): number {
  return groupLoggedImages([path])[0]?.images[0]?.step ?? 0
}

/**
 * The files of all compared runs as one tree: the root first, each directory listed (once per run)
 * when first opened. Each path says in how many runs it exists. Keys follow the tree pattern: ↑/↓
 * move, → opens a directory, ← closes it or goes to its parent, Enter picks a file.
 */
export function ArtifactPathPicker({ runs, selected, onPick }: ArtifactPathPickerProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(ancestors(selected)))
  const [filter, setFilter] = useState('')
  const [active, setActive] = useState<string | undefined>(selected)
  const treeRef = useRef<HTMLUListElement>(null)
  const dirs = useMemo(() => ['', ...[...expanded].sort()], [expanded])
  const results = useQueries({
    queries: dirs.flatMap((dir) =>
      runs.map((run) => artifactQueries.list({ source: runSource(run.runId), path: dir })),
    ),
  })

  const union = new Map<string, UnionDir>()
  dirs.forEach((dir, dirIndex) => {
    const merged: UnionDir = { pending: 0, failed: [], entries: new Map() }
    runs.forEach((run, runIndex) => {
      const result = results[dirIndex * runs.length + runIndex]
      if (result === undefined) return
      if (result.data !== undefined) {
        const counted = new Set<string>()
        for (const file of result.data.files) {
          if (!isSafeArtifactPath(file.path) || parentPath(file.path) !== dir) continue
          const key = dir === LOGGED_IMAGES_DIR && !file.isDir ? loggedImageKey(file.path) : undefined
          const id = key === undefined ? file.path : `\u0000${key}`
          const step = key === undefined ? 0 : stepOf(file.path)
          const entry = merged.entries.get(id) ?? {
            path: file.path,
            name: key ?? baseName(file.path),
            isDir: file.isDir,
            runs: 0,
            loggedKey: key,
            step,
          }
          if (key !== undefined && (step < entry.step || (step === entry.step && file.path < entry.path))) {
            entry.path = file.path
            entry.step = step
          }
          if (!counted.has(id)) entry.runs++
          counted.add(id)
          merged.entries.set(id, entry)
        }
      } else if (result.status === 'error') {
        merged.failed.push({
          runName: run.name,
          message: result.error.message,
          retry: () => {
            void result.refetch()
          },
        })
      } else merged.pending++
    })
    union.set(dir, merged)
  })

  const needle = filter.trim().toLowerCase()
  // With a filter: the loaded paths that match, and the directories leading to them.
  const visible = new Set<string>()
  if (needle !== '')
    for (const merged of union.values())
      for (const entry of merged.entries.values())
        if (`${parentPath(entry.path)}/${entry.name}`.toLowerCase().includes(needle)) {
          visible.add(entry.path)
          for (const dir of ancestors(entry.path)) visible.add(dir)
        }

  const rows: PickerRow[] = []
  const addDir = (dir: string, depth: number) => {
    const merged = union.get(dir)
    if (merged === undefined) return
    if (merged.pending > 0 && merged.entries.size === 0)
      rows.push({ kind: 'status', key: `${dir}:pending`, depth, text: 'Loading…' })
    for (const failure of merged.failed)
      rows.push({
        kind: 'status',
        key: `${dir}:failed:${failure.runName}`,
        depth,
        text: `${failure.runName}: could not list this folder (${failure.message})`,
        retry: failure.retry,
      })
    const entries = [...merged.entries.values()].sort(compareEntries)
    const shown = needle === '' ? entries : entries.filter((entry) => visible.has(entry.path))
    if (merged.pending === 0 && merged.failed.length === 0 && entries.length === 0)
      rows.push({ kind: 'status', key: `${dir}:empty`, depth, text: dir === '' ? 'No artifacts' : 'Empty' })
    for (const entry of shown.slice(0, MAX_ROWS_PER_DIR)) {
      const { path, name, loggedKey, isDir, runs: count } = entry
      const open = isDir && expanded.has(path)
      rows.push({ kind: 'entry', path, name, loggedKey, depth, isDir, runs: count, open })
      if (open) addDir(path, depth + 1)
    }
    if (shown.length > MAX_ROWS_PER_DIR)
      rows.push({
        kind: 'status',
        key: `${dir}:more`,
        depth,
        text: `${shown.length - MAX_ROWS_PER_DIR} more: type in the filter to find them`,
      })
  }
  addDir('', 0)

  const entryRows = rows.filter((row) => row.kind === 'entry')
  const selectedKey = selected === undefined ? undefined : loggedImageKey(selected)
  const isSelected = (row: Extract<PickerRow, { kind: 'entry' }>) =>
    !row.isDir && (row.path === selected || (row.loggedKey !== undefined && row.loggedKey === selectedKey))
  const activePath = entryRows.some((row) => row.path === active) ? active : entryRows[0]?.path

  const toggle = (path: string, open?: boolean) => {
    setExpanded((current) => {
      const next = new Set(current)
      if (open ?? !next.has(path)) next.add(path)
      else next.delete(path)
      return next
    })
  }
  const focusPath = (path: string | undefined) => {
    if (path === undefined) return
    setActive(path)
    for (const item of treeRef.current?.querySelectorAll<HTMLElement>('[data-path]') ?? [])
      if (item.dataset.path === path) item.focus()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = entryRows.findIndex((row) => row.path === activePath)
    const row = entryRows[index]
    if (row === undefined) return
    let handled = true
    switch (event.key) {
      case 'ArrowDown':
        focusPath(entryRows[Math.min(index + 1, entryRows.length - 1)]?.path)
        break
      case 'ArrowUp':
        focusPath(entryRows[Math.max(index - 1, 0)]?.path)
        break
      case 'Home':
        focusPath(entryRows[0]?.path)
        break
      case 'End':
        focusPath(entryRows.at(-1)?.path)
        break
      case 'ArrowRight':
        if (row.isDir && !row.open) toggle(row.path, true)
        else if (row.isDir) focusPath(entryRows[index + 1]?.path)
        break
      case 'ArrowLeft':
        if (row.isDir && row.open) toggle(row.path, false)
        else if (parentPath(row.path) !== '') focusPath(parentPath(row.path))
        break
      case 'Enter':
      case ' ':
        if (row.isDir) toggle(row.path)
        else onPick(row.path)
        break
      default:
        handled = false
    }
    if (handled) event.preventDefault()
  }

  return (
    <div className="sbs-picker">
      <input
        type="search"
        className="sbs-picker-filter"
        placeholder="Filter loaded paths"
        aria-label="Filter artifact paths"
        value={filter}
        onChange={(event) => {
          setFilter(event.target.value)
        }}
      />
      <ul
        ref={treeRef}
        className="sbs-picker-tree"
        role="tree"
        aria-label="Artifacts of the compared runs"
        onKeyDown={onKeyDown}
      >
        {rows.map((row) =>
          row.kind === 'status' ? (
            <li
              key={row.key}
              role="none"
              className="sbs-picker-status"
              style={{ paddingInlineStart: `${row.depth * 1.1 + 1.5}rem` }}
            >
              {row.text}
              {row.retry !== undefined && (
                <button type="button" className="button button-small" onClick={row.retry}>
                  Retry
                </button>
              )}
            </li>
          ) : (
            <li
              key={row.path}
              role="treeitem"
              data-path={row.path}
              aria-expanded={row.isDir ? row.open : undefined}
              aria-selected={isSelected(row)}
              aria-label={`${row.name}${row.loggedKey === undefined ? '' : ' (per step)'}, in ${row.runs} of ${runs.length} runs`}
              tabIndex={row.path === activePath ? 0 : -1}
              className={`sbs-picker-row${isSelected(row) ? ' is-selected' : ''}`}
              style={{ paddingInlineStart: `${row.depth * 1.1 + 0.25}rem` }}
              onFocus={() => {
                setActive(row.path)
              }}
              onClick={() => {
                setActive(row.path)
                if (row.isDir) toggle(row.path)
                else onPick(row.path)
              }}
            >
              <span className="sbs-picker-twisty" aria-hidden="true">
                {row.isDir ? (row.open ? '▾' : '▸') : ''}
              </span>
              <span className="sbs-picker-name">{row.name}</span>
              {!row.isDir && (
                <span className="sbs-picker-kind muted">
                  {row.loggedKey === undefined
                    ? ARTIFACT_KIND_LABELS[artifactKind(row.path)]
                    : 'Image per step'}
                </span>
              )}
              <span
                className={`sbs-picker-count${row.runs < runs.length ? ' is-partial' : ''}`}
                title={`In ${row.runs} of ${runs.length} runs`}
                aria-hidden="true"
              >
                {row.runs}/{runs.length}
              </span>
            </li>
          ),
        )}
      </ul>
    </div>
  )
}
