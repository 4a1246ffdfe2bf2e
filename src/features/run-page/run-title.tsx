import { useEffect, useId, useRef, useState, type SyntheticEvent, type KeyboardEvent } from 'react'

interface RunTitleProps {
  name: string
  /** Shown when the run has no name. */
  fallback: string
  /** Undefined when the run cannot be renamed (a deleted run). */
  onRename: ((name: string) => Promise<boolean>) | undefined
}

/** The run's name as the page heading, renamed in place (Enter saves, Escape cancels). */
export function RunTitle({ name, fallback, onRename }: RunTitleProps) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(name)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const inputRef = useRef<HTMLInputElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const problemId = useId()
  useEffect(() => {
    if (editing) {
      inputRef.current?.focus()
      inputRef.current?.select()
    }
  }, [editing])

  const close = () => {
    setEditing(false)
    setProblem(undefined)
    requestAnimationFrame(() => buttonRef.current?.focus())
  }
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const trimmed = draft.trim()
    // The server ignores an empty name without saying so (`update_run_info` skips a falsy name).
    if (trimmed === '') {
      setProblem('Enter a name.')
      return
    }
    if (onRename === undefined) return
    close()
    if (trimmed === name) return
    void onRename(trimmed).then((ok) => {
      // Refused: open the editor again with what the user typed.
      if (!ok) setEditing(true)
    })
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      close()
    }
  }

  if (editing) {
    return (
      <form className="run-title-form" onSubmit={submit}>
        <label className="visually-hidden" htmlFor={`${problemId}-input`}>
          Run name
        </label>
        <input
          id={`${problemId}-input`}
          ref={inputRef}
          className="input run-title-input"
          value={draft}
          aria-invalid={problem !== undefined}
          aria-describedby={problem === undefined ? undefined : problemId}
          onChange={(event) => {
            setDraft(event.target.value)
            setProblem(undefined)
          }}
          onKeyDown={onKeyDown}
        />
        <button
          type="submit"
          className="button button-primary button-small"
          disabled={onRename === undefined}
        >
          Save
        </button>
        <button type="button" className="button button-small" onClick={close}>
          Cancel
        </button>
        {problem !== undefined && (
          <span id={problemId} className="field-problem" role="alert">
            {problem}
          </span>
        )}
      </form>
    )
  }
  return (
    <>
      <h1>{name === '' ? fallback : name}</h1>
      {onRename !== undefined && (
        <button
          ref={buttonRef}
          type="button"
          className="button button-small"
          onClick={() => {
            setDraft(name)
            setEditing(true)
          }}
        >
          Rename
        </button>
      )}
    </>
  )
}
