import { useDeferredValue, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { Markdown } from '@/ui/markdown'

interface ModelVersionDescriptionProps {
  description: string
  onSave: (description: string) => Promise<boolean>
}

/**
 * The version's Markdown description, edited in place: a textarea with a live preview, Save
 * (Ctrl/⌘+Enter) and Cancel (Escape). A refused save opens the editor again with the text.
 */
export function ModelVersionDescription({ description, onSave }: ModelVersionDescriptionProps) {
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
    <section className="mv-section" aria-labelledby={headingId}>
      <div className="mv-section-header">
        <h2 id={headingId}>Description</h2>
        {!editing && (
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
        <div className="mv-description-editor">
          <div className="mv-description-panes">
            <label className="mv-description-pane">
              <span className="label-text">Markdown</span>
              <textarea
                ref={textareaRef}
                className="input mv-description-textarea"
                value={draft}
                rows={8}
                aria-label="Description"
                onChange={(event) => {
                  setDraft(event.target.value)
                }}
                onKeyDown={onKeyDown}
              />
            </label>
            <div className="mv-description-pane" role="region" aria-label="Preview">
              <span className="label-text">Preview</span>
              <div className="mv-description-preview">
                {preview.trim() === '' ? (
                  <p className="muted">Nothing to preview.</p>
                ) : (
                  <Markdown source={preview} />
                )}
              </div>
            </div>
          </div>
          <p className="muted mv-form-note">Ctrl+Enter saves, Escape cancels.</p>
          <div className="mv-actions">
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
