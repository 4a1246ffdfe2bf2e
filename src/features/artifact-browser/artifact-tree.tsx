import { useQueries, type UseQueryResult } from '@tanstack/react-query'
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react'
import { artifactQueries } from '@/api/artifacts'
import { parentPath } from '@/domain/artifacts/artifact-path'
import { EmptyState, ErrorState, Loading } from '@/ui/states'
import {
  ancestorsOf,
  openDirectories,
  prepareListing,
  treeRows,
  type DirState,
  type PreparedListing,
  type TreeRow,
} from './tree-rows'
import { EntryLine, StatusLine, errorText } from './artifact-tree-row'
import './artifact-tree.css'
import { sourceKey, type ArtifactSource } from '@/domain/artifacts/artifact-source'

export interface ArtifactTreeProps {
  source: ArtifactSource
  /** The open file or directory (run-relative); its ancestors are expanded when it changes. */
  selectedPath: string | undefined
  /** The selection is a directory: opened from outside the tree (a link, the breadcrumbs), it expands too. */
  selectedIsDir?: boolean
  onSelect: (path: string, isDir: boolean) => void
  /** The directory the tree starts at (source-relative); `''`, the default, is the source's root. */
  root?: string
}

const ROW_HEIGHT = 28
/** How long typed letters add up to one type-ahead prefix. */
const TYPE_AHEAD_MS = 700

function toDirState(result: UseQueryResult<PreparedListing> | undefined): DirState {
  if (result === undefined) return { status: 'pending' }
  // A failed refetch keeps showing the listing it already had.
  if (result.data !== undefined) return { status: 'success', listing: result.data }
  if (result.status === 'error') {
    return {
      status: 'error',
      error: result.error,
      retry: () => {
        void result.refetch()
      },
    }
  }
  return { status: 'pending' }
}

function withAncestors(
  expanded: ReadonlySet<string>,
  path: string | undefined,
  includeSelf = false,
): ReadonlySet<string> {
  const dirs = path === undefined ? [] : [...ancestorsOf(path), ...(includeSelf && path !== '' ? [path] : [])]
  const missing = dirs.filter((dir) => !expanded.has(dir))
  return missing.length === 0 ? expanded : new Set([...expanded, ...missing])
}

/**
 * A run's artifacts as a lazily loaded tree: the root is listed at once, each directory only when
 * first expanded (one request; the cache keeps it across collapses). Rows are virtualised, so a
 * directory of thousands of files stays fast, and keys follow the WAI-ARIA tree pattern with focus
 * kept on the tree and the current row named by aria-activedescendant (rows come and go as they
 * scroll, so they cannot hold focus themselves).
 */
export function ArtifactTree({
  source,
  selectedPath,
  selectedIsDir = false,
  onSelect,
  root: rootDir = '',
}: ArtifactTreeProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() =>
    withAncestors(new Set(), selectedPath, selectedIsDir),
  )
  const [filter, setFilter] = useState('')
  const treeRef = useRef<HTMLDivElement>(null)
  const [activePath, setActivePath] = useState(selectedPath)
  const owner = `${sourceKey(source)}\u0000${rootDir}`
  const [seen, setSeen] = useState({ owner, selectedPath })
  if (seen.owner !== owner || seen.selectedPath !== selectedPath) {
    // Another run starts from scratch; another selection (e.g. a link or breadcrumb) is revealed.
    setSeen({ owner, selectedPath })
    setExpanded((previous) =>
      withAncestors(seen.owner === owner ? previous : new Set(), selectedPath, selectedIsDir),
    )
    if (seen.owner !== owner) setFilter('')
    setActivePath(selectedPath)
  }

  const openDirs = useMemo(() => openDirectories(expanded, rootDir), [expanded, rootDir])
  const combine = useCallback(
    (results: UseQueryResult<PreparedListing>[]) =>
      new Map(openDirs.map((dir, index) => [dir, toDirState(results[index])])),
    [openDirs],
  )
  const dirs = useQueries({
    queries: openDirs.map((path) => ({ ...artifactQueries.list({ source, path }), select: prepareListing })),
    combine,
  })
  const rows = useMemo(() => treeRows(dirs, expanded, filter, rootDir), [dirs, expanded, filter, rootDir])
  const root = dirs.get(rootDir) ?? { status: 'pending' }

  // A selection made in the tree is already shown as the user left it: remember it, so that when it
  // comes back as the prop it is not treated as a selection from outside (which would re-open it).
  const selectFromTree = (path: string, isDir: boolean) => {
    setSeen({ owner, selectedPath: path })
    onSelect(path, isDir)
  }

  const toggle = (path: string) => {
    setExpanded((previous) => {
      const next = new Set(previous)
      if (next.has(path)) next.delete(path)
      else next.add(path)
      return next
    })
  }

  return (
    <div className="artifact-tree">
      <input
        type="search"
        className="input artifact-tree-filter"
        aria-label="Filter artifacts by name"
        placeholder="Filter listed files"
        value={filter}
        onChange={(event) => {
          setFilter(event.target.value)
        }}
        onKeyDown={(event) => {
          // From the filter straight into the matches.
          if (event.key !== 'ArrowDown' || treeRef.current === null) return
          event.preventDefault()
          treeRef.current.focus()
        }}
      />
      {root.status === 'pending' && <Loading label="Loading artifacts…" />}
      {root.status === 'error' && (
        <ErrorState
          title={
            source.kind === 'run' ? "Could not list the run's artifacts" : "Could not list the model's files"
          }
          detail={errorText(root.error)}
          onRetry={root.retry}
        />
      )}
      {root.status === 'success' && root.listing.entries.length === 0 && root.listing.droppedCount === 0 && (
        <EmptyState title="No artifacts">
          <p className="muted">
            {rootDir !== ''
              ? `Nothing is stored under ${rootDir}.`
              : source.kind === 'run'
                ? 'This run has not logged any files.'
                : 'This model has no files.'}
          </p>
        </EmptyState>
      )}
      {root.status === 'success' &&
        (root.listing.entries.length > 0 || root.listing.droppedCount > 0) &&
        (rows.length === 0 ? (
          <p className="muted artifact-tree-no-match">No listed files match “{filter.trim()}”.</p>
        ) : (
          <TreeRows
            treeRef={treeRef}
            rows={rows}
            activePath={activePath}
            selectedPath={selectedPath}
            onActivate={setActivePath}
            onToggle={toggle}
            onSelect={selectFromTree}
          />
        ))}
    </div>
  )
}

interface TreeRowsProps {
  treeRef: RefObject<HTMLDivElement | null>
  rows: readonly TreeRow[]
  activePath: string | undefined
  selectedPath: string | undefined
  onActivate: (path: string) => void
  onToggle: (path: string) => void
  onSelect: (path: string, isDir: boolean) => void
}

function TreeRows({
  treeRef: scroller,
  rows,
  activePath,
  selectedPath,
  onActivate,
  onToggle,
  onSelect,
}: TreeRowsProps) {
  const baseId = useId()
  const typed = useRef({ text: '', at: 0 })
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 10,
  })

  const found = rows.findIndex((row) => row.type === 'entry' && row.path === activePath)
  const activeIndex = found >= 0 ? found : rows.findIndex((row) => row.type === 'entry')
  const active = rows[activeIndex]
  const rowId = (index: number) => `${baseId}-row-${index}`

  // Scroll a selection made elsewhere (a link, the breadcrumbs) into view once its row is listed;
  // only once per selection, so expanding directories above it later does not yank the view back.
  const revealed = useRef<string | undefined>(undefined)
  const selectedIndex = rows.findIndex((row) => row.type === 'entry' && row.path === selectedPath)
  useEffect(() => {
    if (selectedPath === undefined || selectedIndex < 0 || revealed.current === selectedPath) return
    revealed.current = selectedPath
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedPath, selectedIndex, virtualizer])

  const moveTo = (index: number) => {
    const row = rows[index]
    if (row?.type !== 'entry') return
    onActivate(row.path)
    virtualizer.scrollToIndex(index, { align: 'auto' })
  }
  /** The nearest entry row from `start` going `step`, skipping status rows. */
  const entryFrom = (start: number, step: 1 | -1): number => {
    for (let index = start; index >= 0 && index < rows.length; index += step) {
      if (rows[index]?.type === 'entry') return index
    }
    return -1
  }
  const typeAhead = (key: string) => {
    const now = Date.now()
    const text =
      now - typed.current.at < TYPE_AHEAD_MS ? typed.current.text + key.toLowerCase() : key.toLowerCase()
    typed.current = { text, at: now }
    // A repeated first letter cycles through the names starting with it.
    const fresh = text.length === 1
    for (let offset = fresh ? 1 : 0; offset <= rows.length; offset += 1) {
      const index = (activeIndex + offset) % rows.length
      const row = rows[index]
      if (row?.type === 'entry' && row.name.toLowerCase().startsWith(text)) {
        moveTo(index)
        return
      }
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return // a Retry button inside handles its own keys
    if (active?.type !== 'entry') return
    let handled = true
    switch (event.key) {
      case 'ArrowDown':
        moveTo(entryFrom(activeIndex + 1, 1))
        break
      case 'ArrowUp':
        moveTo(entryFrom(activeIndex - 1, -1))
        break
      case 'Home':
        moveTo(entryFrom(0, 1))
        break
      case 'End':
        moveTo(entryFrom(rows.length - 1, -1))
        break
      case 'ArrowRight':
        if (active.isDir && !active.expanded) onToggle(active.path)
        else if (active.isDir) {
          const next = rows[activeIndex + 1]
          if (next?.type === 'entry' && next.depth > active.depth) moveTo(activeIndex + 1)
        }
        break
      case 'ArrowLeft':
        if (active.isDir && active.expanded) onToggle(active.path)
        else if (active.depth > 0) {
          const parent = parentPath(active.path)
          moveTo(rows.findIndex((row) => row.type === 'entry' && row.path === parent))
        }
        break
      case 'Enter':
      case ' ':
        onSelect(active.path, active.isDir)
        break
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) typeAhead(event.key)
        else handled = false
    }
    if (handled) event.preventDefault()
  }

  return (
    <div
      ref={scroller}
      role="tree"
      aria-label="Artifacts"
      tabIndex={0}
      aria-activedescendant={active?.type === 'entry' ? rowId(activeIndex) : undefined}
      className="artifact-tree-scroller"
      onKeyDown={onKeyDown}
    >
      <div className="artifact-tree-rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]
          if (row === undefined) return null
          const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }
          if (row.type === 'status') return <StatusLine key={row.key} row={row} style={style} />
          return (
            <EntryLine
              key={row.key}
              id={rowId(item.index)}
              row={row}
              style={style}
              active={item.index === activeIndex}
              selected={row.path === selectedPath}
              onClick={() => {
                onActivate(row.path)
                scroller.current?.focus()
                if (row.isDir) onToggle(row.path)
                onSelect(row.path, row.isDir)
              }}
            />
          )
        })}
      </div>
    </div>
  )
}
