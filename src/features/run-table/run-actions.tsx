import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { runBulk, type BulkResult } from '@/api/bulk'
import { mlflowClientOf } from '@/api/client-binding'
import { describeError } from '@/api/describe-error'
import { isApiError } from '@/api/errors'
import type { MlflowClient } from '@/api/http'
import { deleteRun, restoreRun, runQueries, setRunTag } from '@/api/runs'
import type { Run } from '@/domain/runs/run'
import { descendantIds } from '@/domain/runs/run-tree'
import {
  AddTagDialog,
  ConfirmDeleteRunsDialog,
  ConfirmRestoreRunsDialog,
  countOf,
} from './run-action-dialogs'

/** Compare charts stop being readable, and the requests for their histories pile up, past this. */
export const MAX_COMPARED_RUNS = 100
/** Writes in flight at once: enough to be quick, few enough not to swamp a small tracking server. */
export const BULK_CONCURRENCY = 4
/** A server that refuses everything would otherwise list thousands of lines. */
const MAX_LISTED_FAILURES = 50

export interface RunActionsProps {
  /** The selected runs (resolved objects). */
  selected: readonly Run[]
  /** Every loaded run, to find children: deleting a parent deletes its descendants too, as MLflow's UI does. */
  loaded: readonly Run[]
  view: 'active' | 'deleted' | 'all'
  onCompare: (runIds: string[]) => void
  onClearSelection: () => void
}

interface TagInput {
  readonly key: string
  readonly value: string
}

type BulkJob =
  | { readonly kind: 'delete' | 'restore'; readonly runs: readonly Run[] }
  | { readonly kind: 'tag'; readonly runs: readonly Run[]; readonly tag: TagInput }

type BulkState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly job: BulkJob; readonly done: number; readonly stopping: boolean }
  | {
      readonly phase: 'finished'
      readonly job: BulkJob
      readonly result: BulkResult<Run>
      readonly stopped: boolean
    }

type DialogState =
  | { readonly kind: 'none' }
  | { readonly kind: 'tag'; readonly runs: readonly Run[]; readonly skipped: number }
  | { readonly kind: 'delete'; readonly runs: readonly Run[]; readonly childCount: number }
  | { readonly kind: 'restore'; readonly runs: readonly Run[] }

const PRESENT: Record<BulkJob['kind'], string> = { delete: 'Deleting', restore: 'Restoring', tag: 'Tagging' }
const PAST: Record<BulkJob['kind'], string> = { delete: 'deleted', restore: 'restored', tag: 'tagged' }

const isActive = (run: Run): boolean => run.info.lifecycleStage === 'active'
const runLabel = (run: Run): string => (run.info.runName === '' ? run.info.runId : run.info.runName)

function write(client: MlflowClient, job: BulkJob, run: Run, signal: AbortSignal): Promise<void> {
  const runId = run.info.runId
  switch (job.kind) {
    case 'delete':
      return deleteRun(client, runId, signal)
    case 'restore':
      return restoreRun(client, runId, signal)
    case 'tag':
      return setRunTag(client, { runId, key: job.tag.key, value: job.tag.value }, signal)
  }
}

/** Runs to delete: the selected active runs, then their loaded active descendants that were not selected. */
function deletionPlan(selected: readonly Run[], loaded: readonly Run[]) {
  const targets = selected.filter(isActive)
  const targetIds = new Set(targets.map((run) => run.info.runId))
  const byId = new Map(loaded.map((run) => [run.info.runId, run]))
  const children = descendantIds([...targetIds], loaded).flatMap((runId) => {
    const run = byId.get(runId)
    return run !== undefined && isActive(run) && !targetIds.has(runId) ? [run] : []
  })
  return { runs: [...targets, ...children], childCount: children.length }
}

/**
 * One bulk write at a time: progress while it runs, then what succeeded and what failed (nothing is
 * rolled back). The runs queries are invalidated afterwards, whatever the outcome, so the table shows
 * what the server now holds. Unmounting stops it.
 */
function useBulkRunWrites() {
  const queryClient = useQueryClient()
  const [state, setState] = useState<BulkState>({ phase: 'idle' })
  const running = useRef<AbortController | undefined>(undefined)

  useEffect(
    () => () => {
      running.current?.abort()
    },
    [],
  )

  const start = (job: BulkJob) => {
    if (running.current !== undefined || job.runs.length === 0) return
    const controller = new AbortController()
    running.current = controller
    setState({ phase: 'running', job, done: 0, stopping: false })
    const client = mlflowClientOf(queryClient)
    void runBulk(job.runs, (run, signal) => write(client, job, run, signal), {
      concurrency: BULK_CONCURRENCY,
      signal: controller.signal,
      onProgress: (done) => {
        setState((current) =>
          current.phase === 'running' && current.job === job ? { ...current, done } : current,
        )
      },
    }).then((result) => {
      running.current = undefined
      setState({ phase: 'finished', job, result, stopped: controller.signal.aborted })
      return queryClient.invalidateQueries({ queryKey: runQueries.all() })
    })
  }

  return {
    state,
    start,
    stop: () => {
      running.current?.abort()
      setState((current) => (current.phase === 'running' ? { ...current, stopping: true } : current))
    },
    retryFailed: () => {
      if (state.phase !== 'finished') return
      start({ ...state.job, runs: state.result.failed.map((failure) => failure.item) })
    },
    dismiss: () => {
      setState((current) => (current.phase === 'finished' ? { phase: 'idle' } : current))
    },
  }
}

function isStopped(error: unknown): boolean {
  if (isApiError(error)) return error.kind === 'aborted'
  // Not `instanceof DOMException`: the signal's reason may come from another realm's DOMException.
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError'
}

function failureText(error: unknown): string {
  if (isStopped(error)) return 'Not done: stopped before it finished.'
  const { title, detail } = describeError(error)
  return detail === '' ? title : `${title}: ${detail}`
}

function resultSummary(job: BulkJob, result: BulkResult<Run>, stopped: boolean): string {
  const total = job.runs.length
  const ok = result.succeeded.length
  const withTag = job.kind === 'tag' ? ` with ${job.tag.key}=${job.tag.value}` : ''
  if (result.failed.length === 0) {
    const verb = PAST[job.kind]
    return `${verb.charAt(0).toUpperCase()}${verb.slice(1)} ${countOf(ok, 'run')}${withTag}.`
  }
  const done = `${PAST[job.kind]} ${ok.toLocaleString('en-US')} of ${countOf(total, 'run')}${withTag}`
  if (stopped) return `Stopped: ${done}.`
  return `${done.charAt(0).toUpperCase()}${done.slice(1)}; ${countOf(result.failed.length, 'run')} failed.`
}

function BulkProgress({
  state,
  onStop,
}: {
  state: Extract<BulkState, { phase: 'running' }>
  onStop: () => void
}) {
  const total = state.job.runs.length
  const text = `${PRESENT[state.job.kind]} ${state.done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}…`
  return (
    <div className="run-actions-progress">
      <progress max={total} value={state.done} aria-label={text} />
      <span role="status">{state.stopping ? `Stopping… (${text})` : text}</span>
      <button type="button" className="button button-small" disabled={state.stopping} onClick={onStop}>
        Stop
      </button>
    </div>
  )
}

interface BulkResultProps {
  state: Extract<BulkState, { phase: 'finished' }>
  busy: boolean
  onRetry: () => void
  onDismiss: () => void
}

function BulkResultPanel({ state, busy, onRetry, onDismiss }: BulkResultProps) {
  const listId = useId()
  const { failed } = state.result
  const summary = resultSummary(state.job, state.result, state.stopped)
  if (failed.length === 0) {
    return (
      <div className="run-actions-result">
        <span role="status">{summary}</span>
        <button type="button" className="button button-small" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    )
  }
  const hidden = failed.length - MAX_LISTED_FAILURES
  return (
    <section className="run-actions-result run-actions-result-failed" aria-labelledby={`${listId}-summary`}>
      <p id={`${listId}-summary`} role="alert" className="run-actions-summary">
        {summary}
      </p>
      <ul className="run-actions-failures" aria-label="Failed runs">
        {failed.slice(0, MAX_LISTED_FAILURES).map(({ item, error }) => (
          <li key={item.info.runId}>
            <span className="run-actions-failed-name" title={item.info.runId}>
              {runLabel(item)}
            </span>{' '}
            <span className="run-actions-failed-error">{failureText(error)}</span>
          </li>
        ))}
        {hidden > 0 && <li className="muted">…and {countOf(hidden, 'more run')}.</li>}
      </ul>
      <div className="run-actions-result-buttons">
        <button
          type="button"
          className="button button-primary button-small"
          disabled={busy}
          onClick={onRetry}
        >
          Retry failed
        </button>
        <button type="button" className="button button-small" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </section>
  )
}

/** Arrow keys, Home and End move between the toolbar's enabled buttons (Tab still reaches each). */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const keys = ['ArrowLeft', 'ArrowRight', 'Home', 'End']
  if (!keys.includes(event.key)) return
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')]
  if (buttons.length === 0) return
  const current = buttons.findIndex((button) => button === document.activeElement)
  const last = buttons.length - 1
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? last
        : event.key === 'ArrowLeft'
          ? current <= 0
            ? last
            : current - 1
          : current >= last
            ? 0
            : current + 1
  event.preventDefault()
  buttons[next]?.focus()
}

/**
 * The bar above the runs table for what is selected: compare, tag, delete (with the children) or
 * restore, and clear. Writes go one run at a time, four at once, with progress; failures are listed
 * with their reasons and can be retried alone.
 */
export function RunActions({ selected, loaded, view, onCompare, onClearSelection }: RunActionsProps) {
  const bulk = useBulkRunWrites()
  const [dialog, setDialog] = useState<DialogState>({ kind: 'none' })
  const id = useId()
  const busy = bulk.state.phase === 'running'
  const count = selected.length
  const activeCount = selected.filter(isActive).length
  const deletedCount = count - activeCount

  const compareReason =
    count < 2
      ? 'Select at least 2 runs to compare.'
      : count > MAX_COMPARED_RUNS
        ? `Compare takes at most ${MAX_COMPARED_RUNS} runs; ${count.toLocaleString('en-US')} are selected.`
        : undefined
  const tagReason = activeCount === 0 ? 'Deleted runs cannot be tagged: restore them first.' : undefined
  const closeDialog = () => {
    setDialog({ kind: 'none' })
  }

  return (
    <>
      {count > 0 && (
        <div role="toolbar" aria-label="Selected runs" className="run-actions" onKeyDown={moveFocus}>
          <span className="run-actions-count">{count.toLocaleString('en-US')} selected</span>
          <button
            type="button"
            className="button button-small"
            disabled={compareReason !== undefined}
            title={compareReason}
            aria-describedby={count > MAX_COMPARED_RUNS ? `${id}-compare` : undefined}
            onClick={() => {
              onCompare(selected.map((run) => run.info.runId))
            }}
          >
            Compare
          </button>
          {count > MAX_COMPARED_RUNS && (
            <span id={`${id}-compare`} className="run-actions-reason">
              {compareReason}
            </span>
          )}
          <button
            type="button"
            className="button button-small"
            disabled={busy || tagReason !== undefined}
            title={tagReason}
            onClick={() => {
              setDialog({ kind: 'tag', runs: selected.filter(isActive), skipped: deletedCount })
            }}
          >
            Add tag…
          </button>
          {view !== 'deleted' && (
            <button
              type="button"
              className="button button-small button-danger"
              disabled={busy || activeCount === 0}
              onClick={() => {
                setDialog({ kind: 'delete', ...deletionPlan(selected, loaded) })
              }}
            >
              Delete…
            </button>
          )}
          {view !== 'active' && (
            <button
              type="button"
              className="button button-small"
              disabled={busy || deletedCount === 0}
              onClick={() => {
                setDialog({ kind: 'restore', runs: selected.filter((run) => !isActive(run)) })
              }}
            >
              Restore…
            </button>
          )}
          <button type="button" className="button button-small run-actions-clear" onClick={onClearSelection}>
            Clear selection
          </button>
        </div>
      )}
      {bulk.state.phase === 'running' && <BulkProgress state={bulk.state} onStop={bulk.stop} />}
      {bulk.state.phase === 'finished' && (
        <BulkResultPanel state={bulk.state} busy={busy} onRetry={bulk.retryFailed} onDismiss={bulk.dismiss} />
      )}
      {dialog.kind === 'tag' && (
        <AddTagDialog
          runCount={dialog.runs.length}
          skippedCount={dialog.skipped}
          onClose={closeDialog}
          onSubmit={(tag) => {
            bulk.start({ kind: 'tag', runs: dialog.runs, tag })
          }}
        />
      )}
      {dialog.kind === 'delete' && (
        <ConfirmDeleteRunsDialog
          runCount={dialog.runs.length}
          childCount={dialog.childCount}
          onClose={closeDialog}
          onConfirm={() => {
            bulk.start({ kind: 'delete', runs: dialog.runs })
            // The deleted runs leave the table; what fails is listed, with a retry.
            onClearSelection()
          }}
        />
      )}
      {dialog.kind === 'restore' && (
        <ConfirmRestoreRunsDialog
          runCount={dialog.runs.length}
          onClose={closeDialog}
          onConfirm={() => {
            bulk.start({ kind: 'restore', runs: dialog.runs })
            onClearSelection()
          }}
        />
      )}
    </>
  )
}
