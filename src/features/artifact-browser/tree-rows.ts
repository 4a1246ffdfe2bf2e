/**
 * The artifact tree as the flat list of rows it renders: expanded directories' children follow
 * them, one level deeper. Pure, so the component only renders and handles keys.
 */

import type { ArtifactEntry, ArtifactListing } from '@/domain/artifacts/artifact-entry'
import { baseName, isSafeArtifactPath, parentPath } from '@/domain/artifacts/artifact-path'

/** A directory's listing, ready to show: safe entries only, directories first, then by name. */
export interface PreparedListing {
  entries: readonly ArtifactEntry[]
  /** Entries left out: unsafe paths (see isSafeArtifactPath) and repeats of a path already listed. */
  droppedCount: number
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** A stable `select` for the listing query: react-query reruns it only when the data changes. */
export function prepareListing(listing: ArtifactListing): PreparedListing {
  const seen = new Set<string>()
  const entries = listing.files.filter((entry) => {
    if (!isSafeArtifactPath(entry.path) || seen.has(entry.path)) return false
    seen.add(entry.path)
    return true
  })
  entries.sort((a, b) => Number(b.isDir) - Number(a.isDir) || collator.compare(a.path, b.path))
  return { entries, droppedCount: listing.files.length - entries.length }
}

export type DirState =
  | { status: 'pending' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'success'; listing: PreparedListing }

export interface EntryRow {
  type: 'entry'
  key: string
  path: string
  name: string
  isDir: boolean
  fileSize: number | undefined
  /** 0 for the root's entries. */
  depth: number
  expanded: boolean
  /** 1-based position among the shown siblings, and their count (aria-posinset, aria-setsize). */
  position: number
  siblings: number
}

/** What stands in for an expanded directory's children while they load, fail, or are absent. */
export interface StatusRow {
  type: 'status'
  key: string
  dir: string
  depth: number
  state:
    | { status: 'pending' }
    | { status: 'error'; error: unknown; retry: () => void }
    | { status: 'empty' }
    /** Entries left out: unsafe paths, duplicates, or paths outside the directory listed. */
    | { status: 'hidden'; count: number }
}

export type TreeRow = EntryRow | StatusRow

/**
 * The direct children of `dir` among its listing. MLflow answers run-relative full paths
 * (`reports/a.txt` when listing `reports`); anything else (a bare name, another directory's entry)
 * would show up in the wrong place, so it is left out and counted.
 */
function childrenOf(
  dir: string,
  entries: readonly ArtifactEntry[],
): { children: ArtifactEntry[]; misplaced: number } {
  const children = entries.filter((entry) => entry.path !== dir && parentPath(entry.path) === dir)
  return { children, misplaced: entries.length - children.length }
}

/**
 * The rows to show. `filter` (case-insensitive, on names) keeps matching entries and the
 * directories leading to them, among what is listed so far; while filtering, "No artifacts" rows are
 * left out but loading and error rows stay, so a failure never hides. `root` is the directory the
 * tree starts at (`''`, the source's root, unless the tree shows one directory of it).
 */
export function treeRows(
  dirs: ReadonlyMap<string, DirState>,
  expanded: ReadonlySet<string>,
  filter: string,
  root = '',
): TreeRow[] {
  const needle = filter.trim().toLowerCase()
  const filtering = needle !== ''

  const walk = (dir: string, depth: number): { rows: TreeRow[]; matched: boolean } => {
    const state = dirs.get(dir)
    const status = (row: StatusRow['state']): StatusRow => ({
      type: 'status',
      key: `${dir}\u0000${row.status}`,
      dir,
      depth,
      state: row,
    })
    if (state === undefined || state.status === 'pending') {
      return { rows: [status({ status: 'pending' })], matched: false }
    }
    if (state.status === 'error') {
      return { rows: [status({ status: 'error', error: state.error, retry: state.retry })], matched: false }
    }
    const rows: TreeRow[] = []
    const shown: EntryRow[] = []
    let matched = false
    const { children, misplaced } = childrenOf(dir, state.listing.entries)
    for (const entry of children) {
      const name = baseName(entry.path)
      const isExpanded = entry.isDir && expanded.has(entry.path)
      const below = isExpanded ? walk(entry.path, depth + 1) : { rows: [], matched: false }
      const selfMatch = filtering && name.toLowerCase().includes(needle)
      if (filtering && !selfMatch && !below.matched) continue
      matched ||= selfMatch || below.matched
      const row: EntryRow = {
        type: 'entry',
        key: entry.path,
        path: entry.path,
        name,
        isDir: entry.isDir,
        fileSize: entry.fileSize,
        depth,
        expanded: isExpanded,
        position: 0,
        siblings: 0,
      }
      shown.push(row)
      rows.push(row, ...below.rows)
    }
    shown.forEach((row, index) => {
      row.position = index + 1
      row.siblings = shown.length
    })
    if (!filtering && shown.length === 0) rows.push(status({ status: 'empty' }))
    const hidden = state.listing.droppedCount + misplaced
    if (!filtering && hidden > 0) rows.push(status({ status: 'hidden', count: hidden }))
    return { rows, matched }
  }

  return walk(root, 0).rows
}

/**
 * The directories whose listings the tree shows: the root and each expanded one below it whose
 * ancestors below the root are all expanded.
 */
export function openDirectories(expanded: ReadonlySet<string>, root = ''): string[] {
  const open = [root]
  for (const dir of expanded) {
    if (pathUnderRoot(dir, root) === undefined || dir === root) continue
    if (
      ancestorsOf(dir)
        .filter((ancestor) => ancestor !== root && pathUnderRoot(ancestor, root) !== undefined)
        .every((ancestor) => expanded.has(ancestor))
    ) {
      open.push(dir)
    }
  }
  return open
}

/** `path` relative to `root` (`''` for the root itself), or undefined when it is not under it. */
export function pathUnderRoot(path: string, root: string): string | undefined {
  if (root === '') return path
  if (path === root) return ''
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : undefined
}

/** Strict ancestors of a path, outermost first: `a/b/c` → `a`, `a/b`. */
export function ancestorsOf(path: string): string[] {
  const ancestors: string[] = []
  let parent = parentPath(path)
  while (parent !== '') {
    ancestors.unshift(parent)
    parent = parentPath(parent)
  }
  return ancestors
}
