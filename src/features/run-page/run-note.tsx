import { useState } from 'react'
import { characterCount, MAX_RUN_TAG_VALUE_LENGTH, tagValueProblem } from '@/domain/runs/run-tag-rules'
import { Markdown } from '@/ui/markdown'
import { MarkdownEditor, type MarkdownEditorClassNames } from '@/ui/markdown-editor'

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

const CLASS_NAMES: MarkdownEditorClassNames = {
  section: 'run-note',
  header: 'section-header',
  editor: 'note-editor',
  panes: 'note-editor-panes',
  pane: 'note-editor-pane',
  textarea: 'note-textarea',
  preview: 'note-preview',
  hint: 'muted note-counter',
  actions: 'note-editor-actions',
}

const renderNote = (note: string) => <NoteView note={note} />
const validateNote = (note: string) => tagValueProblem(note, 'A note')

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
  return (
    <MarkdownEditor
      value={note}
      onSave={onSave}
      classNames={CLASS_NAMES}
      rows={10}
      render={renderNote}
      validate={validateNote}
      hint={(draft) =>
        (onSave === undefined ? 'The run is deleted: restore it to save the description. · ' : '') +
        `${characterCount(draft).toLocaleString('en-US')} / ${MAX_RUN_TAG_VALUE_LENGTH.toLocaleString('en-US')} characters · Ctrl+Enter saves, Escape cancels`
      }
    />
  )
}
