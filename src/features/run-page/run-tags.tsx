import { useEffect, useId, useRef, useState, type SyntheticEvent, type KeyboardEvent } from 'react'
import { SYSTEM_TAGS } from '@/domain/runs/run'
import { isSystemTag, tagKeyProblem, tagValueProblem } from '@/domain/runs/run-tag-rules'
import { KeyValueTable } from './run-facts'

const SHOWN_ELSEWHERE = new Set<string>([SYSTEM_TAGS.runName, SYSTEM_TAGS.note])

interface RunTagsProps {
  tags: Readonly<Record<string, string>>
  /** Undefined when the run cannot be edited (a deleted run). */
  onSet: ((key: string, value: string) => Promise<boolean>) | undefined
  onDelete: ((key: string) => Promise<boolean>) | undefined
}

/** Enter saves, Shift+Enter starts a new line (tag values may have several), Escape cancels. */
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
  const problem = tagValueProblem(draft)
  const save = () => {
    if (problem !== undefined) return
    onClose()
    if (draft === value) return
    void onSave(draft).then((ok) => {
      if (!ok) onClose(draft)
    })
  }
  return (
    <div className="tag-editor">
      <textarea
        ref={ref}
        className="input tag-value-input"
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
  onSet,
  onClose,
  initial,
}: {
  tags: Readonly<Record<string, string>>
  onSet: (key: string, value: string) => Promise<boolean>
  onClose: (reopenWith?: { key: string; value: string }) => void
  initial: { key: string; value: string }
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
    tagKeyProblem(key) ??
    (key in tags ? `This run already has a tag “${key}”: change its value in the table.` : undefined) ??
    tagValueProblem(value)
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
    <form className="tag-add-form" aria-label="Add a tag" onSubmit={submit}>
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
        className="input tag-value-input"
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

/** User tags, editable (add, change a value, delete); MLflow's own `mlflow.*` tags, read-only and folded. */
export function RunTags({ tags, onSet, onDelete }: RunTagsProps) {
  const [editing, setEditing] = useState<{ key: string; value: string } | undefined>(undefined)
  const [adding, setAdding] = useState<{ key: string; value: string } | undefined>(undefined)
  const headingId = useId()
  const entries = Object.entries(tags).sort(([a], [b]) => a.localeCompare(b))
  const userTags = entries.filter(([key]) => !isSystemTag(key))
  // The name and the description have their own place on the page (the note can be long).
  const systemTags = entries.filter(([key]) => isSystemTag(key) && !SHOWN_ELSEWHERE.has(key))
  return (
    <section className="run-tags" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>Tags</h2>
        {onSet !== undefined && adding === undefined && (
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
      {onSet !== undefined && adding !== undefined && (
        <AddTagForm
          tags={tags}
          onSet={onSet}
          initial={adding}
          onClose={(reopenWith) => {
            setAdding(reopenWith)
          }}
        />
      )}
      {userTags.length === 0 ? (
        <p className="muted">No tags.</p>
      ) : (
        <table className="kv-table run-tag-table" aria-label="Tags">
          <tbody>
            {userTags.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{key}</th>
                <td className="tag-value">
                  {onSet !== undefined && editing?.key === key ? (
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
                {onSet !== undefined && onDelete !== undefined && (
                  <td className="tag-actions">
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
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details className="system-tags">
        <summary>MLflow’s system tags ({systemTags.length})</summary>
        <KeyValueTable
          label="System tags"
          rows={systemTags.map(([key, value]) => [
            key,
            <span className="mono system-tag-value">{value}</span>,
          ])}
        />
      </details>
    </section>
  )
}
