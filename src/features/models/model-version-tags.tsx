import { useEffect, useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react'
import { versionTagKeyProblem, versionTagValueProblem } from '@/domain/models/model-version-edits'

interface ModelVersionTagsProps {
  tags: Readonly<Record<string, string>>
  onSet: (key: string, value: string) => Promise<boolean>
  onDelete: (key: string) => Promise<boolean>
}

/** Enter saves, Shift+Enter starts a new line (values may have several), Escape cancels. */
function editorKeys(save: () => void, cancel: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault()
      save()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      cancel()
    }
  }
}

/** The version's tags: add one, change a value in place, delete one. */
export function ModelVersionTags({ tags, onSet, onDelete }: ModelVersionTagsProps) {
  const [editing, setEditing] = useState<{ key: string; value: string } | undefined>(undefined)
  const [adding, setAdding] = useState<{ key: string; value: string } | undefined>(undefined)
  const headingId = useId()
  const entries = Object.entries(tags).sort(([a], [b]) => a.localeCompare(b))
  return (
    <section className="mv-section" aria-labelledby={headingId}>
      <div className="mv-section-header">
        <h2 id={headingId}>Tags</h2>
        {adding === undefined && (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setAdding({ key: '', value: '' })
            }}
          >
            Add tag
          </button>
        )}
      </div>
      {adding !== undefined && (
        <AddTagForm
          tags={tags}
          initial={adding}
          onSet={onSet}
          onClose={(reopenWith) => {
            setAdding(reopenWith)
          }}
        />
      )}
      {entries.length === 0 ? (
        <p className="muted">No tags.</p>
      ) : (
        <table className="kv-table mv-tag-table" aria-label="Tags">
          <tbody>
            {entries.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{key}</th>
                <td className="mv-tag-value">
                  {editing?.key === key ? (
                    <TagValueEditor
                      tagKey={key}
                      value={editing.value}
                      onSave={(next) => onSet(key, next)}
                      onClose={(reopenWith) => {
                        setEditing(reopenWith === undefined ? undefined : { key, value: reopenWith })
                      }}
                    />
                  ) : (
                    value
                  )}
                </td>
                <td className="mv-tag-actions">
                  {editing?.key !== key && (
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Edit tag ${key}`}
                      onClick={() => {
                        setEditing({ key, value })
                      }}
                    >
                      Edit
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button-small button-danger"
                    aria-label={`Delete tag ${key}`}
                    onClick={() => {
                      if (editing?.key === key) setEditing(undefined)
                      void onDelete(key)
                    }}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function TagValueEditor({
  tagKey,
  value,
  onSave,
  onClose,
}: {
  tagKey: string
  value: string
  onSave: (value: string) => Promise<boolean>
  onClose: (reopenWith?: string) => void
}) {
  const [draft, setDraft] = useState(value)
  const ref = useRef<HTMLTextAreaElement>(null)
  const problemId = useId()
  useEffect(() => {
    ref.current?.focus()
    ref.current?.select()
  }, [])
  const problem = versionTagValueProblem(draft)
  const save = () => {
    if (problem !== undefined) return
    onClose()
    if (draft === value) return
    void onSave(draft).then((ok) => {
      if (!ok) onClose(draft)
    })
  }
  return (
    <div className="mv-inline-form">
      <textarea
        ref={ref}
        className="input mv-tag-value-input"
        aria-label={`Value of tag ${tagKey}`}
        aria-invalid={problem !== undefined}
        aria-describedby={problem === undefined ? undefined : problemId}
        rows={Math.min(6, draft.split('\n').length)}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value)
        }}
        onKeyDown={editorKeys(save, () => {
          onClose()
        })}
      />
      <button
        type="button"
        className="button button-primary button-small"
        onClick={save}
        disabled={problem !== undefined}
      >
        Save
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          onClose()
        }}
      >
        Cancel
      </button>
      {problem !== undefined && (
        <span id={problemId} className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  )
}

function AddTagForm({
  tags,
  initial,
  onSet,
  onClose,
}: {
  tags: Readonly<Record<string, string>>
  initial: { key: string; value: string }
  onSet: (key: string, value: string) => Promise<boolean>
  onClose: (reopenWith?: { key: string; value: string }) => void
}) {
  const [key, setKey] = useState(initial.key)
  const [value, setValue] = useState(initial.value)
  const [touched, setTouched] = useState(false)
  const keyRef = useRef<HTMLInputElement>(null)
  const problemId = useId()
  useEffect(() => {
    keyRef.current?.focus()
  }, [])
  const problem =
    versionTagKeyProblem(key) ??
    (key in tags ? `This version already has a tag “${key}”: change its value in the table.` : undefined) ??
    versionTagValueProblem(value)
  const submit = (event?: SyntheticEvent) => {
    event?.preventDefault()
    setTouched(true)
    if (problem !== undefined) return
    onClose()
    void onSet(key, value).then((ok) => {
      if (!ok) onClose({ key, value })
    })
  }
  const cancel = () => {
    onClose()
  }
  const showProblem = problem !== undefined && (touched || key !== '')
  return (
    <form className="mv-inline-form mv-add-tag" aria-label="Add a tag" onSubmit={submit}>
      <input
        ref={keyRef}
        className="input input-small"
        aria-label="New tag key"
        placeholder="Key"
        value={key}
        aria-invalid={showProblem}
        aria-describedby={showProblem ? problemId : undefined}
        onChange={(event) => {
          setKey(event.target.value)
        }}
        onKeyDown={editorKeys(submit, cancel)}
      />
      <textarea
        className="input mv-tag-value-input"
        aria-label="New tag value"
        placeholder="Value"
        rows={Math.min(6, value.split('\n').length)}
        value={value}
        onChange={(event) => {
          setValue(event.target.value)
        }}
        onKeyDown={editorKeys(submit, cancel)}
      />
      <button type="submit" className="button button-primary button-small">
        Add tag
      </button>
      <button type="button" className="button button-small" onClick={cancel}>
        Cancel
      </button>
      {showProblem && (
        <span id={problemId} className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </form>
  )
}
