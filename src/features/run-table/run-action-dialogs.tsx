import { useId, useState } from 'react'
import { ConfirmDialog, Dialog } from '@/ui/dialog'

/** MLflow's MAX_ENTITY_KEY_LENGTH. */
export const MAX_TAG_KEY_LENGTH = 250

/** Python's `\w` (Unicode letters, digits, underscore), dash, period, space and slash: MLflow's `_VALID_PARAM_AND_METRIC_NAMES`. */
const TAG_KEY_CHARACTERS = /^[\p{L}\p{N}_\-. /]*$/u

/** "1 run", "1,234 runs". */
export function countOf(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`
}

/**
 * Why MLflow would refuse `key` as a tag key (`_validate_tag_name` and the key length limit), or
 * undefined when it is fine. A key is also a file path on some stores, so it must not resolve to
 * another path: no leading '/', no empty, '.' or '..' segments, and not starting with '..'.
 */
export function tagKeyProblem(key: string): string | undefined {
  if (key === '') return 'Enter a key.'
  if (key.length > MAX_TAG_KEY_LENGTH) {
    return `A key has at most ${MAX_TAG_KEY_LENGTH} characters; this one has ${key.length.toLocaleString('en-US')}.`
  }
  if (!TAG_KEY_CHARACTERS.test(key)) {
    return 'A key may only contain letters, digits, underscores (_), dashes (-), periods (.), spaces and slashes (/).'
  }
  if (key.startsWith('/')) return 'A key cannot start with a slash.'
  if (key.startsWith('..') || key.split('/').some((segment) => segment === '..')) {
    return 'A key cannot contain “..” path segments.'
  }
  if (key.split('/').some((segment) => segment === '' || segment === '.')) {
    return 'A key cannot end with a slash or contain “//” or “.” path segments.'
  }
  return undefined
}

interface AddTagProps {
  /** Runs that will get the tag. */
  runCount: number
  /** Selected runs left out because they are deleted (MLflow refuses tags on them). */
  skippedCount: number
  onClose: () => void
  onSubmit: (tag: { key: string; value: string }) => void
}

/** Mounted when opened, so each opening starts empty. */
export function AddTagDialog({ runCount, skippedCount, onClose, onSubmit }: AddTagProps) {
  const [key, setKey] = useState('')
  const [value, setValue] = useState('')
  const [touched, setTouched] = useState(false)
  const id = useId()
  // Keys are kept as typed: MLflow keeps spaces too, and a trailing one would make a second key.
  const problem = tagKeyProblem(key)
  const showProblem = touched && problem !== undefined
  const submit = () => {
    setTouched(true)
    if (problem !== undefined) return
    onSubmit({ key, value })
    onClose()
  }
  return (
    <Dialog
      open
      title={`Add a tag to ${countOf(runCount, 'run')}`}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Add tag
          </button>
        </>
      }
    >
      <p className="muted">
        Every selected run gets this tag; a run that already has the key gets the new value.
        {skippedCount > 0 &&
          ` ${countOf(skippedCount, 'deleted run')} ${skippedCount === 1 ? 'is' : 'are'} left out: restore ${skippedCount === 1 ? 'it' : 'them'} first.`}
      </p>
      <label htmlFor={`${id}-key`}>Key</label>
      <input
        id={`${id}-key`}
        className="input"
        value={key}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        aria-invalid={showProblem}
        aria-describedby={showProblem ? `${id}-problem` : undefined}
        onChange={(e) => {
          setKey(e.target.value)
        }}
        onBlur={() => {
          if (key !== '') setTouched(true)
        }}
      />
      {showProblem && (
        <p id={`${id}-problem`} className="form-error" role="alert">
          {problem}
        </p>
      )}
      <label htmlFor={`${id}-value`}>Value</label>
      <input
        id={`${id}-value`}
        className="input"
        value={value}
        autoComplete="off"
        onChange={(e) => {
          setValue(e.target.value)
        }}
      />
    </Dialog>
  )
}

interface ConfirmDeleteProps {
  /** Every run that will be deleted, children included. */
  runCount: number
  /** Of those, the descendants of the selected runs that were not selected themselves. */
  childCount: number
  onClose: () => void
  onConfirm: () => void
}

export function ConfirmDeleteRunsDialog({ runCount, childCount, onClose, onConfirm }: ConfirmDeleteProps) {
  const what = countOf(runCount, 'run')
  return (
    <ConfirmDialog
      title={`Delete ${what}?`}
      confirmLabel={`Delete ${what}`}
      destructive
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <p>
        {childCount > 0
          ? `${what}, including ${countOf(childCount, 'child run')}, will be deleted.`
          : `${what} will be deleted.`}{' '}
        Deleted runs can be restored until the server’s garbage collection removes them for good.
      </p>
    </ConfirmDialog>
  )
}

interface ConfirmRestoreProps {
  runCount: number
  onClose: () => void
  onConfirm: () => void
}

export function ConfirmRestoreRunsDialog({ runCount, onClose, onConfirm }: ConfirmRestoreProps) {
  const what = countOf(runCount, 'run')
  return (
    <ConfirmDialog
      title={`Restore ${what}?`}
      confirmLabel={`Restore ${what}`}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <p>{what} will be active again.</p>
    </ConfirmDialog>
  )
}
