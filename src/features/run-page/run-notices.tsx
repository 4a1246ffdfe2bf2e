import { describeRunChange, type RunChange } from '@/domain/runs/run-changes'

/** A refused edit: what failed, why (the server's error code and message), and that it was undone. */
export function EditFailure({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div className="alert alert-error" role="alert">
      <span>{message}</span>
      <button type="button" className="button button-small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}

/** Someone else changed the run (another tab, a script, a colleague): the page shows their version. */
export function ChangedElsewhere({
  changes,
  onDismiss,
}: {
  changes: readonly RunChange[]
  onDismiss: () => void
}) {
  return (
    <div className="alert alert-warning" role="status" aria-label="Changed elsewhere">
      <span>
        <strong>Changed elsewhere:</strong> {changes.map(describeRunChange).join(', ')}. The page shows the
        server’s version now.
      </span>
      <button type="button" className="button button-small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
