import { useDeferredValue, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { characterCount, MAX_RUN_TAG_VALUE_LENGTH, tagValueProblem } from '@/domain/runs/run-tag-rules'
import { Markdown } from '@/ui/markdown'

/**
 * Longer notes are shown as plain text: formatting Markdown costs time in proportion to the note (and
 * worse for some inputs), and an MLflow server never stores more than 8,000 characters anyway.
 */
export const MARKDOWN_NOTE_LIMIT = 10_000

/** A note as sanitised Markdown (nothing in it can run script), or as plain text when it is huge. */
export function NoteView({ note }: { note: string }) {
  const [showAll, setShowAll] = useState(false)
  if (note.length <= MARKDOWN_NOTE_LIMIT) return <Markdown source={note} />
  return (
    <div className="note-plain">
      <p className="muted">
        This note is {note.length.toLocaleString('en-US')} characters long, too long to format: it is shown as
        plain text.
      </p>
      <pre className="note-plain-text">{showAll ? note : `${note.slice(0, MARKDOWN_NOTE_LIMIT)}…`}</pre>
      {!showAll && (
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            setShowAll(true)
          }}
        >
          Show the whole note
        </button>
      )}
    </div>
  )
}

interface RunNoteProps {
  /** The note the server has (or will have, while a save is on its way). */
  note: string
  /** Undefined when the run cannot be edited (a deleted run). */
  onSave: ((note: string) => Promise<boolean>) | undefined
}

/**
 * The run's description (`mlflow.note.content`), edited in place: a textarea with a live preview,
 * Save (Ctrl/⌘+Enter) and Cancel (Escape). A refused save opens the editor again with the text.
 */
export function RunNote({ note, onSave }: RunNoteProps) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(note)
  const preview = useDeferredValue(draft)
  const textareaRef = useRef<HTMLTextAreaElement>(null)
  const editButtonRef = useRef<HTMLButtonElement>(null)
  const headingId = useId()
  const counterId = useId()
  useEffect(() => {
    if (editing) textareaRef.current?.focus()
  }, [editing])

  const problem = tagValueProblem(draft, 'A note')
  const close = () => {
    setEditing(false)
    requestAnimationFrame(() => editButtonRef.current?.focus())
  }
  const save = () => {
    if (problem !== undefined || onSave === undefined) return
    close()
    if (draft === note) return
    void onSave(draft).then((ok) => {
      if (!ok) setEditing(true)
    })
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      save()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      close()
    }
  }

  return (
    <section className="run-note" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>Description</h2>
        {!editing && onSave !== undefined && (
          <button
            ref={editButtonRef}
            type="button"
            className="button button-small"
            onClick={() => {
              setDraft(note)
              setEditing(true)
            }}
          >
            {note === '' ? 'Add a description' : 'Edit description'}
          </button>
        )}
      </div>
      {editing ? (
        <div className="note-editor">
          <div className="note-editor-panes">
            <label className="note-editor-pane">
              <span className="label-text">Markdown</span>
              <textarea
                ref={textareaRef}
                className="input note-textarea"
                value={draft}
                rows={10}
                aria-label="Description"
                aria-describedby={counterId}
                aria-invalid={problem !== undefined}
                onChange={(event) => {
                  setDraft(event.target.value)
                }}
                onKeyDown={onKeyDown}
              />
            </label>
            <div className="note-editor-pane" role="region" aria-label="Preview">
              <span className="label-text">Preview</span>
              <div className="note-preview">
                {preview.trim() === '' ? (
                  <p className="muted">Nothing to preview.</p>
                ) : (
                  <NoteView note={preview} />
                )}
              </div>
            </div>
          </div>
          <p id={counterId} className={problem === undefined ? 'muted note-counter' : 'field-problem'}>
            {problem ??
              (onSave === undefined ? 'The run is deleted: restore it to save the description. · ' : '') +
                `${characterCount(draft).toLocaleString('en-US')} / ${MAX_RUN_TAG_VALUE_LENGTH.toLocaleString('en-US')} characters · Ctrl+Enter saves, Escape cancels`}
          </p>
          <div className="note-editor-actions">
            <button
              type="button"
              className="button button-primary button-small"
              disabled={problem !== undefined || onSave === undefined}
              onClick={save}
            >
              Save
            </button>
            <button type="button" className="button button-small" onClick={close}>
              Cancel
            </button>
          </div>
        </div>
      ) : note.trim() === '' ? (
        <p className="muted">No description.</p>
      ) : (
        <NoteView note={note} />
      )}
    </section>
  )
}
