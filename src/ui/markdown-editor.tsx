import {
  useDeferredValue,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { Markdown } from '@/ui/markdown'

/** The class names of the editor's parts, so each page keeps its own layout. */
export interface MarkdownEditorClassNames {
  section: string
  header: string
  editor: string
  panes: string
  pane: string
  /** The textarea's class, after `input`. */
  textarea: string
  preview: string
  /** The line under the panes while the draft can be saved (a problem uses `field-problem`). */
  hint: string
  actions: string
}

interface MarkdownEditorProps {
  /** The text the server has (or will have, while a save is on its way). */
  value: string
  /** Undefined while the text cannot be saved: the edit button is hidden and Save disabled. */
  onSave: ((value: string) => Promise<boolean>) | undefined
  classNames: MarkdownEditorClassNames
  rows: number
  /** Shows the saved text and the preview; Markdown by default. */
  render?: (source: string) => ReactNode
  /** Why the draft cannot be saved, if it cannot; the textarea is then described by that line. */
  validate?: (draft: string) => string | undefined
  /** The line under the panes while the draft can be saved. */
  hint?: (draft: string) => string
}

const defaultRender = (source: string) => <Markdown source={source} />
const defaultHint = () => 'Ctrl+Enter saves, Escape cancels.'

/**
 * A Markdown description edited in place under a "Description" heading: a textarea with a live
 * preview, Save (Ctrl/⌘+Enter) and Cancel (Escape). A refused save opens the editor again with the text.
 */
export function MarkdownEditor({
  value,
  onSave,
  classNames,
  rows,
  render = defaultRender,
  validate,
  hint = defaultHint,
}: MarkdownEditorProps) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(value)
  const preview = useDeferredValue(draft)
  const textareaRef = useRef<HTMLTextAreaElement>(null)
  const editButtonRef = useRef<HTMLButtonElement>(null)
  const headingId = useId()
  const hintId = useId()
  useEffect(() => {
    if (editing) textareaRef.current?.focus()
  }, [editing])

  const problem = validate?.(draft)
  const close = () => {
    setEditing(false)
    requestAnimationFrame(() => editButtonRef.current?.focus())
  }
  const save = () => {
    if (problem !== undefined || onSave === undefined) return
    close()
    if (draft === value) return
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
    <section className={classNames.section} aria-labelledby={headingId}>
      <div className={classNames.header}>
        <h2 id={headingId}>Description</h2>
        {!editing && onSave !== undefined && (
          <button
            ref={editButtonRef}
            type="button"
            className="button button-small"
            onClick={() => {
              setDraft(value)
              setEditing(true)
            }}
          >
            {value === '' ? 'Add a description' : 'Edit description'}
          </button>
        )}
      </div>
      {editing ? (
        <div className={classNames.editor}>
          <div className={classNames.panes}>
            <label className={classNames.pane}>
              <span className="label-text">Markdown</span>
              <textarea
                ref={textareaRef}
                className={`input ${classNames.textarea}`}
                value={draft}
                rows={rows}
                aria-label="Description"
                aria-describedby={validate === undefined ? undefined : hintId}
                aria-invalid={validate === undefined ? undefined : problem !== undefined}
                onChange={(event) => {
                  setDraft(event.target.value)
                }}
                onKeyDown={onKeyDown}
              />
            </label>
            <div className={classNames.pane} role="region" aria-label="Preview">
              <span className="label-text">Preview</span>
              <div className={classNames.preview}>
                {preview.trim() === '' ? <p className="muted">Nothing to preview.</p> : render(preview)}
              </div>
            </div>
          </div>
          <p
            id={validate === undefined ? undefined : hintId}
            className={problem === undefined ? classNames.hint : 'field-problem'}
          >
            {problem ?? hint(draft)}
          </p>
          <div className={classNames.actions}>
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
      ) : value.trim() === '' ? (
        <p className="muted">No description.</p>
      ) : (
        render(value)
      )}
    </section>
  )
}
