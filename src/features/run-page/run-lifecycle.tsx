import { useState } from 'react'
import { ConfirmDialog } from '@/ui/dialog'

interface LifecycleProps {
  runLabel: string
  onConfirm: () => void
}

/** "Delete run", asking first. */
export function DeleteRunButton({ runLabel, onConfirm }: LifecycleProps) {
  const [asking, setAsking] = useState(false)
  return (
    <>
      <button
        type="button"
        className="button button-small button-danger"
        onClick={() => {
          setAsking(true)
        }}
      >
        Delete run
      </button>
      {asking && (
        <ConfirmDialog
          title={`Delete run “${runLabel}”?`}
          confirmLabel="Delete run"
          destructive
          onConfirm={onConfirm}
          onClose={() => {
            setAsking(false)
          }}
        >
          <p>
            The run leaves the runs table and can no longer be edited. You can restore it from this page until
            the server’s garbage collection (<code>mlflow gc</code>) removes it for good. Its child runs are
            not deleted.
          </p>
        </ConfirmDialog>
      )}
    </>
  )
}

/** A deleted run says so, and offers to restore it (asking first). */
export function DeletedRunBanner({ runLabel, onConfirm }: LifecycleProps) {
  const [asking, setAsking] = useState(false)
  return (
    <div className="run-deleted-banner" role="status">
      <span>
        <strong>This run is deleted.</strong> It is hidden from the runs table and cannot be edited until it
        is restored.
      </span>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          setAsking(true)
        }}
      >
        Restore run
      </button>
      {asking && (
        <ConfirmDialog
          title={`Restore run “${runLabel}”?`}
          confirmLabel="Restore run"
          onConfirm={onConfirm}
          onClose={() => {
            setAsking(false)
          }}
        >
          <p>The run comes back to the runs table and can be edited again.</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
