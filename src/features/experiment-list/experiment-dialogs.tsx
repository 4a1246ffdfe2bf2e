import { useId, useState } from 'react'
import { NOTE_TAG, type Experiment } from '@/domain/experiments'
import { ConfirmDialog, Dialog, DialogFooter } from '@/ui/dialog'
import { Markdown } from '@/ui/markdown'

export type DialogRequest =
  | { kind: 'create' }
  | { kind: 'rename'; experiment: Experiment }
  | { kind: 'describe'; experiment: Experiment }
  | { kind: 'delete'; experiment: Experiment }
  | { kind: 'restore'; experiment: Experiment }

interface CreateProps {
  onClose: () => void
  onCreate: (values: { name: string; artifactLocation: string; description: string }) => Promise<unknown>
}

/** Dialogs are mounted when opened, so each starts from the values it is given. */
export function CreateExperimentDialog({ onClose, onCreate }: CreateProps) {
  const [name, setName] = useState('')
  const [artifactLocation, setArtifactLocation] = useState('')
  const [description, setDescription] = useState('')
  const [error, setError] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const id = useId()
  const submit = () => {
    if (name.trim() === '') {
      setError('Give the experiment a name.')
      return
    }
    setBusy(true)
    onCreate({ name: name.trim(), artifactLocation: artifactLocation.trim(), description }).then(
      () => {
        setBusy(false)
        onClose()
      },
      (failure: unknown) => {
        setBusy(false)
        // Keep what was typed: the user fixes the name and tries again.
        setError(failure instanceof Error ? failure.message : String(failure))
      },
    )
  }
  return (
    <Dialog
      open
      title="New experiment"
      onClose={onClose}
      onSubmit={submit}
      footer={<DialogFooter submitLabel={busy ? 'Creating…' : 'Create'} disabled={busy} onCancel={onClose} />}
    >
      <label htmlFor={`${id}-name`}>Name</label>
      <input
        id={`${id}-name`}
        className="input"
        value={name}
        autoFocus
        onChange={(e) => {
          setName(e.target.value)
        }}
      />
      <label htmlFor={`${id}-location`}>Artifact location (optional)</label>
      <input
        id={`${id}-location`}
        className="input"
        placeholder="The server's default"
        value={artifactLocation}
        onChange={(e) => {
          setArtifactLocation(e.target.value)
        }}
      />
      <label htmlFor={`${id}-description`}>Description (Markdown, optional)</label>
      <textarea
        id={`${id}-description`}
        className="input"
        rows={4}
        value={description}
        onChange={(e) => {
          setDescription(e.target.value)
        }}
      />
      {error !== undefined && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}

interface TextEditProps {
  experiment: Experiment
  onClose: () => void
  onSave: (value: string) => void
}

export function RenameExperimentDialog({ experiment, onClose, onSave }: TextEditProps) {
  const [name, setName] = useState(experiment.name)
  const id = useId()
  const valid = name.trim() !== '' && name.trim() !== experiment.name
  return (
    <Dialog
      open
      title="Rename experiment"
      onClose={onClose}
      onSubmit={() => {
        if (!valid) return
        onSave(name.trim())
        onClose()
      }}
      footer={<DialogFooter submitLabel="Rename" disabled={!valid} onCancel={onClose} />}
    >
      <label htmlFor={`${id}-name`}>New name</label>
      <input
        id={`${id}-name`}
        className="input"
        value={name}
        autoFocus
        onChange={(e) => {
          setName(e.target.value)
        }}
      />
    </Dialog>
  )
}

export function DescribeExperimentDialog({ experiment, onClose, onSave }: TextEditProps) {
  const [text, setText] = useState(experiment.tags[NOTE_TAG] ?? '')
  const id = useId()
  return (
    <Dialog
      open
      title={`Description of ${experiment.name}`}
      onClose={onClose}
      onSubmit={() => {
        onSave(text)
        onClose()
      }}
      footer={<DialogFooter submitLabel="Save" onCancel={onClose} />}
    >
      <label htmlFor={`${id}-text`}>Description (Markdown)</label>
      <textarea
        id={`${id}-text`}
        className="input"
        rows={8}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
        }}
      />
      <p className="label-text">Preview</p>
      <div className="preview">
        {text.trim() === '' ? <span className="muted">No description</span> : <Markdown source={text} />}
      </div>
    </Dialog>
  )
}

interface ConfirmProps {
  request: Extract<DialogRequest, { kind: 'delete' | 'restore' }>
  onClose: () => void
  onConfirm: () => void
}

export function ConfirmLifecycleDialog({ request, onClose, onConfirm }: ConfirmProps) {
  const deleting = request.kind === 'delete'
  return (
    <ConfirmDialog
      title={deleting ? 'Delete experiment?' : 'Restore experiment?'}
      confirmLabel={deleting ? 'Delete' : 'Restore'}
      destructive={deleting}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <p>
        {deleting
          ? `“${request.experiment.name}” and all its runs will be moved to the deleted experiments. You can restore it until the server's garbage collection removes it for good.`
          : `“${request.experiment.name}” and its runs will be active again.`}
      </p>
    </ConfirmDialog>
  )
}
