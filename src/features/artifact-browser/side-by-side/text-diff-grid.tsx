import { useQueries } from '@tanstack/react-query'
import { useMemo, useState, type ReactNode } from 'react'
import { artifactQueries, type ArtifactBytes } from '@/api/artifacts'
import { runSource } from '@/domain/artifacts/artifact-source'
import { previewLimit, type ArtifactKind } from '@/domain/artifacts/file-kind'
import { parseDelimitedRecords } from '@/domain/artifacts/parse-delimited'
import {
  canonicalJson,
  canonicalYaml,
  collapseUnchanged,
  diffLines,
  diffTables,
  splitLines,
  type DiffRow,
  type DiffRowKind,
  type DiffSegment,
  type TableDiffRow,
} from '@/domain/artifacts/text-diff'
import { formatBytes } from '@/domain/format/format-bytes'
import { RunCellHeader } from './run-cell-header'
import { useRunFiles, type ComparedRun, type RenderArtifactLink } from './run-files'

/** The kinds diffed as text; documents and tables get their structural comparison. */
export type DiffKind = Extract<ArtifactKind, 'text' | 'json' | 'yaml' | 'mlmodel' | 'csv' | 'tsv'>

export function isDiffKind(kind: ArtifactKind): kind is DiffKind {
  return ['text', 'json', 'yaml', 'mlmodel', 'csv', 'tsv'].includes(kind)
}

/** Rows drawn per run before "Show all": a diff of two unrelated logs would be thousands of rows. */
const MAX_ROWS = 1500

/** One run's file, as far as it is loaded. */
type RunText =
  | { status: 'pending' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'missing' }
  | { status: 'loaded'; text: string; truncated: boolean; loadedBytes: number; totalSize: number | undefined }

/** A file ready to diff: lines (text, documents) or records (tables). */
interface Prepared {
  lines: string[]
  /** The canonical form's lines, for documents that parsed. */
  canonical: string[] | undefined
  /** Why a document is compared as written. */
  parseError: string | undefined
  records: string[][] | undefined
}

/** Decoded once per fetched file (react-query keeps a `select` result while data and function stay). */
function decodeBytes(data: ArtifactBytes) {
  return {
    text: new TextDecoder('utf-8').decode(data.bytes),
    truncated: data.partial,
    loadedBytes: data.bytes.length,
    totalSize: data.totalSize,
  }
}

const NO_FILE: Prepared = { lines: [], canonical: [], parseError: undefined, records: [] }

function prepare(kind: DiffKind, text: string, truncated: boolean): Prepared {
  let lines = splitLines(text)
  // A cut file ends in a cut line: leave it out rather than report it changed.
  if (truncated) lines = lines.slice(0, -1)
  if (kind === 'csv' || kind === 'tsv') {
    const { records } = parseDelimitedRecords(text, kind === 'csv' ? ',' : '\t')
    return {
      lines,
      canonical: undefined,
      parseError: undefined,
      records: truncated ? records.slice(0, -1) : records,
    }
  }
  if ((kind === 'json' || kind === 'yaml' || kind === 'mlmodel') && !truncated) {
    const canonical = kind === 'json' ? canonicalJson(text) : canonicalYaml(text)
    return canonical.ok
      ? { lines, canonical: splitLines(canonical.text), parseError: undefined, records: undefined }
      : { lines, canonical: undefined, parseError: canonical.error, records: undefined }
  }
  return {
    lines,
    canonical: undefined,
    parseError: truncated && kind !== 'text' ? 'only the beginning was loaded' : undefined,
    records: undefined,
  }
}

export interface TextDiffGridProps {
  runs: readonly ComparedRun[]
  baselineId: string
  path: string
  kind: DiffKind
  renderArtifactLink: RenderArtifactLink
}

/**
 * Each run's copy of a text file diffed against the baseline run's: documents (JSON, YAML) after
 * sorting their keys, so only values count; tables (CSV, TSV) row by row with changed cells marked.
 * At most the kind's preview limit is fetched per run; a longer file is diffed on that head.
 */
export function TextDiffGrid({ runs, baselineId, path, kind, renderArtifactLink }: TextDiffGridProps) {
  const files = useRunFiles(runs, path)
  const limit = previewLimit(kind)
  const contents = useQueries({
    queries: runs.map((run, index) => ({
      ...artifactQueries.content({ source: runSource(run.runId), path, range: { start: 0, end: limit - 1 } }),
      enabled: files[index]?.status === 'present',
      select: decodeBytes,
    })),
  })
  const texts = runs.map((_, index): RunText => {
    const file = files[index]
    const content = contents[index]
    if (file === undefined || file.status === 'pending') return { status: 'pending' }
    if (file.status === 'error') return { status: 'error', message: file.error.message, retry: file.retry }
    if (file.status === 'missing') return { status: 'missing' }
    if (content === undefined || content.isPending) return { status: 'pending' }
    if (content.isError)
      return {
        status: 'error',
        message: content.error.message,
        retry: () => {
          void content.refetch()
        },
      }
    const data = content.data
    return { status: 'loaded', ...data, totalSize: data.totalSize ?? file.entry.fileSize }
  })
  const baselineIndex = Math.max(
    0,
    runs.findIndex((run) => run.runId === baselineId),
  )
  const baseline = texts[baselineIndex]
  const baselineRun = runs[baselineIndex]

  return (
    <div className="sbs-diffs">
      {runs.map((run, index) => (
        <section
          key={run.runId}
          className="sbs-cell sbs-diff-cell"
          aria-label={run.name}
          style={{ borderTopColor: run.color }}
        >
          <RunCellHeader run={run} baseline={index === baselineIndex}>
            {renderArtifactLink(run.runId, path)}
          </RunCellHeader>
          <RunDiff
            kind={kind}
            text={texts[index] ?? { status: 'pending' }}
            baseline={index === baselineIndex ? undefined : (baseline ?? { status: 'pending' })}
            baselineName={baselineRun?.name ?? ''}
            limit={limit}
          />
        </section>
      ))}
    </div>
  )
}

interface RunDiffProps {
  kind: DiffKind
  text: RunText
  /** Undefined for the baseline run itself. */
  baseline: RunText | undefined
  baselineName: string
  limit: number
}

function RunDiff({ kind, text, baseline, baselineName, limit }: RunDiffProps) {
  if (text.status === 'pending') return <p className="sbs-state muted">Loading…</p>
  if (text.status === 'missing') return <p className="sbs-state sbs-missing">Missing in this run</p>
  if (text.status === 'error')
    return (
      <div className="sbs-state sbs-error" role="alert">
        Could not load this run’s file: {text.message}{' '}
        <button type="button" className="button button-small" onClick={text.retry}>
          Retry
        </button>
      </div>
    )
  if (baseline?.status === 'pending')
    return <p className="sbs-state muted">Waiting for the baseline’s file…</p>
  return <LoadedDiff kind={kind} text={text} baseline={baseline} baselineName={baselineName} limit={limit} />
}

function LoadedDiff({
  kind,
  text,
  baseline,
  baselineName,
  limit,
}: {
  kind: DiffKind
  text: Extract<RunText, { status: 'loaded' }>
  baseline: Exclude<RunText, { status: 'pending' }> | undefined
  baselineName: string
  limit: number
}) {
  const prepared = useMemo(() => prepare(kind, text.text, text.truncated), [kind, text.text, text.truncated])
  const baseText = baseline?.status === 'loaded' ? baseline.text : undefined
  const baseTruncated = baseline?.status === 'loaded' && baseline.truncated
  const base = useMemo(
    () => (baseText === undefined ? NO_FILE : prepare(kind, baseText, baseTruncated)),
    [kind, baseText, baseTruncated],
  )
  const notes: ReactNode[] = []
  if (text.truncated)
    notes.push(
      `Only the first ${formatBytes(text.loadedBytes)}${text.totalSize === undefined ? '' : ` of ${formatBytes(text.totalSize)}`} are compared (previews load at most ${formatBytes(limit)} of this type).`,
    )
  if (baseline === undefined) {
    return (
      <>
        {notes.map((note, index) => (
          <p key={index} className="sbs-note muted">
            {note}
          </p>
        ))}
        <p className="sbs-note muted">
          The baseline:{' '}
          {prepared.records === undefined
            ? `${prepared.lines.length} lines`
            : `${prepared.records.length} rows`}
          {prepared.canonical !== undefined ? ', compared with keys sorted.' : '.'}
          {prepared.parseError !== undefined ? ` Compared as written (${prepared.parseError}).` : ''}
        </p>
      </>
    )
  }
  if (baseline.status === 'missing')
    notes.push(`${baselineName} (the baseline) has no such file: everything counts as added.`)
  if (baseline.status === 'error')
    notes.push('The baseline’s file could not be loaded: everything counts as added.')
  if (baseline.status === 'loaded' && baseline.truncated)
    notes.push('Only the head of the baseline’s file was loaded.')
  if (prepared.records !== undefined && base.records !== undefined)
    return <TableDiffView left={base.records} right={prepared.records} notes={notes} />
  const structural = prepared.canonical !== undefined && base.canonical !== undefined
  if (!structural && (prepared.parseError !== undefined || base.parseError !== undefined))
    notes.push(`Compared as written, line by line (${prepared.parseError ?? base.parseError ?? ''}).`)
  if (structural && kind !== 'text')
    notes.push('Compared with keys sorted: key order and layout do not count.')
  return (
    <LineDiffView
      left={structural ? (base.canonical ?? []) : base.lines}
      right={structural ? (prepared.canonical ?? []) : prepared.lines}
      notes={notes}
    />
  )
}

function Notes({ notes }: { notes: readonly ReactNode[] }) {
  return notes.map((note, index) => (
    <p key={index} className="sbs-note muted">
      {note}
    </p>
  ))
}

function summary(counts: { changed: number; added: number; removed: number }, unit: string): string {
  if (counts.changed + counts.added + counts.removed === 0) return 'Same as the baseline'
  return `${unit}: ${counts.changed} changed, ${counts.added} added, ${counts.removed} removed`
}

const MARKS: Readonly<Record<DiffRowKind, string>> = { equal: ' ', changed: '~', added: '+', removed: '−' }

function LineDiffView({ left, right, notes }: { left: string[]; right: string[]; notes: ReactNode[] }) {
  const diff = useMemo(() => diffLines(left, right), [left, right])
  const segments = useMemo(() => (diff.kind === 'diff' ? collapseUnchanged(diff.rows) : []), [diff])
  if (diff.kind === 'too-different')
    return (
      <>
        <Notes notes={notes} />
        <p className="sbs-state">
          Too different to diff ({diff.leftLines} lines in the baseline, {diff.rightLines} here).
        </p>
      </>
    )
  return (
    <>
      <Notes notes={notes} />
      <p className="sbs-summary">{summary(diff, 'Lines')}</p>
      <Segments
        segments={segments}
        header={
          <tr>
            <th scope="col">
              <span className="visually-hidden">Change</span>
            </th>
            <th scope="col" colSpan={2}>
              Baseline
            </th>
            <th scope="col" colSpan={2}>
              This run
            </th>
          </tr>
        }
        columns={5}
        renderRow={(row: DiffRow, key) => (
          <tr key={key} className={`sbs-row is-${row.kind}`} data-kind={row.kind}>
            <td className="sbs-mark" title={row.kind}>
              {MARKS[row.kind]}
              <span className="visually-hidden">{row.kind}</span>
            </td>
            <td className="sbs-lineno">{row.left === undefined ? '' : row.left.index + 1}</td>
            <td className="sbs-text sbs-left">{row.left?.text}</td>
            <td className="sbs-lineno">{row.right === undefined ? '' : row.right.index + 1}</td>
            <td className="sbs-text sbs-right">{row.right?.text}</td>
          </tr>
        )}
      />
    </>
  )
}

function TableDiffView({ left, right, notes }: { left: string[][]; right: string[][]; notes: ReactNode[] }) {
  const diff = useMemo(() => diffTables(left, right), [left, right])
  const segments = useMemo(() => (diff.kind === 'diff' ? collapseUnchanged(diff.rows) : []), [diff])
  if (diff.kind === 'too-different')
    return (
      <>
        <Notes notes={notes} />
        <p className="sbs-state">
          Too different to diff ({diff.leftLines} rows in the baseline, {diff.rightLines} here).
        </p>
      </>
    )
  const width = Math.max(0, ...left.map((row) => row.length), ...right.map((row) => row.length))
  return (
    <>
      <Notes notes={notes} />
      <p className="sbs-summary">{summary(diff, 'Rows')}</p>
      <Segments
        segments={segments}
        header={undefined}
        columns={width + 2}
        renderRow={(row: TableDiffRow, key) => {
          const cells = row.right?.cells ?? row.left?.cells ?? []
          const before = row.left?.cells ?? []
          return (
            <tr key={key} className={`sbs-row is-${row.kind}`} data-kind={row.kind}>
              <td className="sbs-mark" title={row.kind}>
                {MARKS[row.kind]}
                <span className="visually-hidden">{row.kind}</span>
              </td>
              <td className="sbs-lineno">{((row.right ?? row.left)?.index ?? 0) + 1}</td>
              {Array.from({ length: width }, (_, column) =>
                row.changedCells?.[column] === true ? (
                  <td
                    key={column}
                    className="sbs-cell-changed"
                    title={`Baseline: ${before[column] ?? '(none)'}`}
                  >
                    <del>{before[column] ?? ''}</del> <ins>{cells[column] ?? ''}</ins>
                  </td>
                ) : (
                  <td key={column}>{cells[column] ?? ''}</td>
                ),
              )}
            </tr>
          )
        }}
      />
    </>
  )
}

interface SegmentsProps<Row> {
  segments: DiffSegment<Row>[]
  header: ReactNode
  columns: number
  renderRow: (row: Row, key: number) => ReactNode
}

/** The rows of a diff, unchanged stretches folded behind a button, at most MAX_ROWS drawn at first. */
function Segments<Row>({ segments, header, columns, renderRow }: SegmentsProps<Row>) {
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set())
  const [all, setAll] = useState(false)
  const body: ReactNode[] = []
  let drawn = 0
  let key = 0
  let hidden = 0
  segments.forEach((segment, index) => {
    if (segment.kind === 'folded' && !opened.has(index)) {
      body.push(
        <tr key={`fold-${index}`} className="sbs-fold">
          <td colSpan={columns}>
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setOpened((current) => new Set(current).add(index))
              }}
            >
              Show {segment.rows.length} unchanged {segment.rows.length === 1 ? 'line' : 'lines'}
            </button>
          </td>
        </tr>,
      )
      return
    }
    for (const row of segment.rows) {
      if (!all && drawn >= MAX_ROWS) {
        hidden++
        continue
      }
      body.push(renderRow(row, key++))
      drawn++
    }
  })
  return (
    <div className="sbs-diff-scroller">
      <table className="sbs-diff-table">
        {header !== undefined && <thead>{header}</thead>}
        <tbody>{body}</tbody>
      </table>
      {hidden > 0 && (
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            setAll(true)
          }}
        >
          Show {hidden} more rows
        </button>
      )}
    </div>
  )
}
