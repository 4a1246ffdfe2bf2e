import { useId, useState } from 'react'
import {
  canArchiveExisting,
  MODEL_VERSION_STAGES,
  type ModelVersionStage,
} from '@/domain/models/model-version-edits'
import { ConfirmDialog, Dialog, DialogFooter } from '@/ui/dialog'

interface StageProps {
  /** The stage the server reports (`None` when unset). */
  current: string
  onTransition: (stage: ModelVersionStage, archiveExisting: boolean) => void
}

/**
 * "Change stage…", for teams still on stages (MLflow deprecates them for aliases, but serves them):
 * a dialog to pick None, Staging, Production or Archived, and, into Staging or Production, whether
 * the versions already there go to Archived.
 */
export function ModelVersionStageButton({ current, onTransition }: StageProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          setOpen(true)
        }}
      >
        Change stage…
      </button>
      {open && (
        <StageDialog
          current={current}
          onTransition={onTransition}
          onClose={() => {
            setOpen(false)
          }}
        />
      )}
    </>
  )
}

function StageDialog({ current, onTransition, onClose }: StageProps & { onClose: () => void }) {
  const firstOther = MODEL_VERSION_STAGES.find((stage) => stage.toLowerCase() !== current.toLowerCase())
  const [stage, setStage] = useState<ModelVersionStage>(firstOther ?? 'Staging')
  const [archive, setArchive] = useState(false)
  const groupId = useId()
  const archivable = canArchiveExisting(stage)
  const submit = () => {
    onTransition(stage, archivable && archive)
    onClose()
  }
  return (
    <Dialog
      open
      title="Change stage"
      onClose={onClose}
      onSubmit={submit}
      footer={<DialogFooter submitLabel={`Move to ${stage}`} onCancel={onClose} />}
    >
      <p className="muted">
        Now: <strong>{current}</strong>. MLflow deprecates stages in favour of aliases, but still serves them.
      </p>
      <fieldset className="mv-stage-options" aria-labelledby={groupId}>
        <legend id={groupId}>New stage</legend>
        {MODEL_VERSION_STAGES.map((option) => (
          <label key={option} className="mv-stage-option">
            <input
              type="radio"
              name="stage"
              value={option}
              checked={stage === option}
              onChange={() => {
                setStage(option)
              }}
            />
            {option}
            {option.toLowerCase() === current.toLowerCase() && <span className="muted"> (now)</span>}
          </label>
        ))}
      </fieldset>
      <label className="mv-stage-option">
        <input
          type="checkbox"
          checked={archivable && archive}
          disabled={!archivable}
          onChange={(event) => {
            setArchive(event.target.checked)
          }}
        />
        Archive the versions now in {archivable ? stage : 'Staging or Production'}
      </label>
    </Dialog>
  )
}

/** "Delete version", asking first; the caller goes to the model's page once the server agrees. */
export function DeleteModelVersionButton({
  label,
  aliases,
  onConfirm,
}: {
  label: string
  aliases: readonly string[]
  onConfirm: () => void
}) {
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
        Delete version
      </button>
      {asking && (
        <ConfirmDialog
          title={`Delete ${label}?`}
          confirmLabel="Delete version"
          destructive
          onConfirm={onConfirm}
          onClose={() => {
            setAsking(false)
          }}
        >
          <p>
            The version leaves the registry for good: it cannot be restored, and code that loads it by number
            stops working.
            {aliases.length > 0 && (
              <> Its aliases ({aliases.map((alias) => `@${alias}`).join(', ')}) are removed with it.</>
            )}{' '}
            The run and the files it came from are kept.
          </p>
        </ConfirmDialog>
      )}
    </>
  )
}
