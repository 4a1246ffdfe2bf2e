import { useQueries, type UseQueryResult } from '@tanstack/react-query'
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { artifactQueries, type ArtifactBytes } from '@/api/artifacts'
import { formatBytes } from '@/domain/format/format-bytes'
import { ErrorState, Loading } from '@/ui/states'
import type { ArtifactSource } from '@/domain/artifacts/artifact-source'

/** How much text one read fetches: the first screenful of a log, and each "Load more". */
export const TEXT_CHUNK_BYTES = 256 * 1024
const LINE_HEIGHT = 20
/** Past this many matches the search stops counting: the highlight is for reading, not statistics. */
const MAX_MATCHES = 10_000

export interface DecodedText {
  lines: string[]
  loadedBytes: number
  totalSize: number | undefined
  /** Whether the chunks cover the whole file. */
  complete: boolean
}

/**
 * The text of consecutive chunks of a file. One streaming decoder reads them in order, so a UTF-8
 * sequence cut by a chunk boundary comes out whole; it is flushed only once the file is complete,
 * so a cut at the very end of what is loaded stays pending instead of becoming U+FFFD.
 */
export function decodeChunks(chunks: readonly ArtifactBytes[]): DecodedText {
  const decoder = new TextDecoder('utf-8')
  let text = ''
  let loadedBytes = 0
  for (const chunk of chunks) {
    text += decoder.decode(chunk.bytes, { stream: true })
    loadedBytes += chunk.bytes.length
  }
  const last = chunks.at(-1)
  const totalSize = last?.totalSize
  const complete =
    last !== undefined && (!last.partial || (totalSize !== undefined && loadedBytes >= totalSize))
  if (complete) text += decoder.decode()
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
  // A final newline ends the last line; it does not start an empty one.
  if (complete && lines.length > 1 && lines.at(-1) === '') lines.pop()
  return { lines, loadedBytes, totalSize, complete }
}

export interface TextMatch {
  line: number
  start: number
  end: number
}

/** Case-insensitive matches of `query`, in reading order, at most `MAX_MATCHES`. */
export function findMatches(lines: readonly string[], query: string): TextMatch[] {
  const needle = query.toLowerCase()
  const matches: TextMatch[] = []
  if (needle === '') return matches
  lines.forEach((line, index) => {
    if (matches.length >= MAX_MATCHES) return
    const haystack = line.toLowerCase()
    let from = haystack.indexOf(needle)
    while (from !== -1 && matches.length < MAX_MATCHES) {
      matches.push({ line: index, start: from, end: from + needle.length })
      from = haystack.indexOf(needle, from + needle.length)
    }
  })
  return matches
}

function chunkRange(index: number) {
  return { start: index * TEXT_CHUNK_BYTES, end: (index + 1) * TEXT_CHUNK_BYTES - 1 }
}

function combineChunks(results: UseQueryResult<ArtifactBytes>[]) {
  const chunks: ArtifactBytes[] = []
  for (const result of results) {
    if (result.data === undefined) break
    chunks.push(result.data)
  }
  return {
    chunks,
    pending: results.some((result) => result.isPending),
    error: results.find((result) => result.error !== null)?.error ?? null,
    retry: () => {
      for (const result of results) if (result.error !== null) void result.refetch()
    },
  }
}

interface TextPreviewProps {
  source: ArtifactSource
  path: string
  /** Shown above the text, e.g. why a JSON file is shown as text. */
  notice?: string
}

/**
 * Plain text, fetched 256 KiB at a time with HTTP ranges, so a multi-gigabyte log costs one chunk.
 * Lines are virtualised; the search highlights every match and steps through them.
 */
export function TextPreview({ source, path, notice }: TextPreviewProps) {
  const [chunkCount, setChunkCount] = useState(1)
  const { chunks, pending, error, retry } = useQueries({
    queries: Array.from({ length: chunkCount }, (_, index) =>
      artifactQueries.content({ source, path, range: chunkRange(index) }),
    ),
    combine: combineChunks,
  })
  const decoded = useMemo(() => decodeChunks(chunks), [chunks])

  if (chunks.length === 0 && error !== null)
    return <ErrorState title="Could not load the file" detail={error.message} onRetry={retry} />
  if (chunks.length === 0) return <Loading label="Loading text…" />
  return (
    <div className="text-preview">
      {notice !== undefined && <p className="muted">{notice}</p>}
      <TextLines lines={decoded.lines} label={`Text of ${path}`} />
      <div className="preview-toolbar">
        <span className="muted">
          {decoded.complete
            ? `${decoded.lines.length.toLocaleString('en-US')} lines`
            : `Showing the first ${formatBytes(decoded.loadedBytes)}${
                decoded.totalSize === undefined ? '' : ` of ${formatBytes(decoded.totalSize)}`
              }`}
        </span>
        {!decoded.complete && (
          <button
            type="button"
            className="button button-small"
            disabled={pending}
            onClick={() => {
              setChunkCount(chunks.length + 1)
            }}
          >
            {pending ? 'Loading…' : `Load the next ${formatBytes(TEXT_CHUNK_BYTES)}`}
          </button>
        )}
        {error !== null && chunks.length > 0 && (
          <ErrorState title="Could not load more" detail={error.message} onRetry={retry} />
        )}
      </div>
    </div>
  )
}

/** Virtualised, numbered lines with a search box: shared by every text-like preview. */
export function TextLines({ lines, label }: { lines: readonly string[]; label: string }) {
  const scroller = useRef<HTMLDivElement>(null)
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query)
  const [current, setCurrent] = useState(0)
  const matches = useMemo(() => findMatches(lines, deferredQuery), [lines, deferredQuery])
  const byLine = useMemo(() => {
    const map = new Map<number, { start: number; end: number; index: number }[]>()
    matches.forEach((match, index) => {
      const list = map.get(match.line) ?? []
      list.push({ start: match.start, end: match.end, index })
      map.set(match.line, list)
    })
    return map
  }, [matches])
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 20,
  })
  const active = matches.length === 0 ? -1 : Math.min(current, matches.length - 1)
  // A new search shows its first match.
  useEffect(() => {
    const first = matches[0]
    if (first !== undefined) virtualizer.scrollToIndex(first.line, { align: 'center' })
  }, [matches, virtualizer])
  const gutter = `${String(lines.length).length + 1}ch`

  const go = (step: number) => {
    if (matches.length === 0) return
    const next = (active + step + matches.length) % matches.length
    setCurrent(next)
    const match = matches[next]
    if (match !== undefined) virtualizer.scrollToIndex(match.line, { align: 'center' })
  }
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    go(event.shiftKey ? -1 : 1)
  }

  return (
    <div className="text-lines">
      <div className="preview-toolbar" role="search">
        <input
          type="search"
          className="text-search"
          aria-label="Search the text"
          placeholder="Search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value)
            setCurrent(0)
          }}
          onKeyDown={onSearchKey}
        />
        {deferredQuery !== '' && (
          <span className="muted" aria-live="polite">
            {matches.length === 0
              ? 'No matches'
              : `${(active + 1).toLocaleString('en-US')} of ${matches.length.toLocaleString('en-US')}${
                  matches.length >= MAX_MATCHES ? '+' : ''
                }`}
          </span>
        )}
        <button
          type="button"
          className="button button-small"
          disabled={matches.length === 0}
          onClick={() => {
            go(-1)
          }}
        >
          Previous
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={matches.length === 0}
          onClick={() => {
            go(1)
          }}
        >
          Next
        </button>
      </div>
      <div ref={scroller} className="text-lines-scroller" role="region" aria-label={label} tabIndex={0}>
        <div className="text-lines-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={item.index}
              className="text-line"
              style={{ transform: `translateY(${item.start}px)`, height: LINE_HEIGHT }}
            >
              <span className="text-line-number" style={{ width: gutter }} aria-hidden="true">
                {item.index + 1}
              </span>
              <span className="text-line-text">
                {highlight(lines[item.index] ?? '', byLine.get(item.index), active)}
              </span>
            </div>
          ))}
        </div>
      </div>
    </div>
  )
}

function highlight(
  line: string,
  ranges: readonly { start: number; end: number; index: number }[] | undefined,
  active: number,
): ReactNode {
  if (ranges === undefined) return line
  const parts: ReactNode[] = []
  let at = 0
  for (const range of ranges) {
    if (range.start > at) parts.push(line.slice(at, range.start))
    parts.push(
      <mark key={range.index} className={range.index === active ? 'match-current' : undefined}>
        {line.slice(range.start, range.end)}
      </mark>,
    )
    at = range.end
  }
  if (at < line.length) parts.push(line.slice(at))
  return parts
}
