import { describeError } from '@/api/describe-error'
import type { LoadingState } from './use-run-loading'

interface LoadingStatusProps {
  state: LoadingState
  loaded: number
  matching: number
  /** Part of the filter ran in the browser, so `matching` can be fewer than `loaded`. */
  browserFiltered: boolean
  refreshing: boolean
  pageError: unknown
  onStop: () => void
  onResume: () => void
  onRetry: () => void
  sortNote: string | undefined
}

const count = new Intl.NumberFormat('en')

function runs(n: number): string {
  return `${count.format(n)} run${n === 1 ? '' : 's'}`
}

/** How far loading has got, with a way to stop it, go on past the limit, or retry a failed page. */
export function LoadingStatus(props: LoadingStatusProps) {
  const { state, loaded, matching } = props
  const shown = props.browserFiltered ? `${runs(matching)} of ${count.format(loaded)} loaded` : runs(loaded)
  const text =
    state === 'error'
      ? 'Could not load the runs'
      : state === 'loading' && loaded === 0
        ? 'Loading…'
        : state === 'loading'
          ? `${props.browserFiltered ? shown : `${runs(loaded)} loaded`}…`
          : state === 'done'
            ? props.browserFiltered
              ? `${runs(matching)} (of ${count.format(loaded)} from the server)`
              : runs(loaded)
            : state === 'limit'
              ? `${shown}: stopped at the limit, more on the server`
              : `${shown}: loading stopped, more on the server`
  return (
    <div className="loading-status">
      <span role="status" aria-label="Run loading status" data-state={state} aria-live="polite">
        {text}
        {props.refreshing && ' (updating…)'}
      </span>
      {state === 'loading' && loaded > 0 && (
        <button type="button" className="link-button" onClick={props.onStop}>
          Stop loading
        </button>
      )}
      {state === 'stopped' && props.pageError === undefined && (
        <button type="button" className="link-button" onClick={props.onResume}>
          Continue loading
        </button>
      )}
      {state === 'limit' && (
        <button type="button" className="link-button" onClick={props.onResume}>
          Load the rest
        </button>
      )}
      {props.pageError !== undefined && (
        <span role="alert" className="inline-error">
          {describeError(props.pageError).title}: {describeError(props.pageError).detail}{' '}
          <button type="button" className="link-button" onClick={props.onRetry}>
            Retry
          </button>
        </span>
      )}
      {props.sortNote !== undefined && <span className="muted sort-note">{props.sortNote}</span>}
    </div>
  )
}
