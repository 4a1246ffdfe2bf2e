import { useDeferredValue, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { Markdown } from '@/ui/markdown'

interface DescriptionProps {
  description: string
  /** Undefined while the model cannot be edited (being deleted). */
  onSave: ((description: string) => Promise<boolean>) | undefined
}

/**
 * The model's Markdown description, edited in place: a textarea with a live preview, Save
 * (Ctrl/⌘+Enter) and Cancel (Escape). A refused save opens the editor again with the text.
 */
export function RegisteredModelDescription({ description, onSave }: DescriptionProps) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(description)
  const preview = useDeferredValue(draft)
  const textareaRef = useRef<HTMLTextAreaElement>(null)
  const editButtonRef = useRef<HTMLButtonElement>(null)
  const headingId = useId()
  useEffect(() => {
    if (editing) textareaRef.current?.focus()
  }, [editing])

  const close = () => {
    setEditing(false)
    requestAnimationFrame(() => editButtonRef.current?.focus())
  }
  const save = () => {
    if (onSave === undefined) return
    close()
    if (draft === description) return
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
    <section className="registry-section" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>Description</h2>
        {!editing && onSave !== undefined && (
          <button
            ref={editButtonRef}
            type="button"
            className="button button-small"
            onClick={() => {
              setDraft(description)
              setEditing(true)
            }}
          >
            {description === '' ? 'Add a description' : 'Edit description'}
          </button>
        )}
      </div>
      {editing ? (
        <div className="note-editor">
          <div className="registry-editor-panes">
            <label className="registry-editor-pane">
              <span className="label-text">Markdown</span>
              <textarea
                ref={textareaRef}
                className="input registry-textarea"
                value={draft}
                rows={10}
                aria-label="Description"
                onChange={(event) => {
                  setDraft(event.target.value)
                }}
                onKeyDown={onKeyDown}
              />
            </label>
            <div className="registry-editor-pane" role="region" aria-label="Preview">
              <span className="label-text">Preview</span>
              <div className="registry-preview">
                {preview.trim() === '' ? (
                  <p className="muted">Nothing to preview.</p>
                ) : (
                  <Markdown source={preview} />
                )}
              </div>
            </div>
          </div>
          <p className="muted">Ctrl+Enter saves, Escape cancels.</p>
          <div className="registry-editor-actions">
            <button type="button" className="button button-primary button-small" onClick={save}>
              Save
            </button>
            <button type="button" className="button button-small" onClick={close}>
              Cancel
            </button>
          </div>
        </div>
      ) : description.trim() === '' ? (
        <p className="muted">No description.</p>
      ) : (
        <Markdown source={description} />
      )}
    </section>
  )
}
