import { useId, useState, type KeyboardEvent, type SyntheticEvent } from 'react'
import { isLoggedModelSystemTag } from '@/domain/models/logged-model-edits'
import { tagKeyProblem, tagValueProblem } from '@/domain/runs/run-tag-rules'

interface LoggedModelTagsProps {
  tags: Readonly<Record<string, string>>
  onSet: (key: string, value: string) => Promise<boolean>
  onDelete: (key: string) => Promise<boolean>
}

/** Enter saves, Escape cancels. */
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

function TagForm({
  tags,
  initial,
  fixedKey,
  onSave,
  onClose,
}: {
  tags: Readonly<Record<string, string>>
  initial: { key: string; value: string }
  /** Editing an existing tag's value: its key cannot change. */
  fixedKey: boolean
  onSave: (key: string, value: string) => Promise<boolean>
  onClose: (reopenWith?: { key: string; value: string }) => void
}) {
  const [key, setKey] = useState(initial.key)
  const [value, setValue] = useState(initial.value)
  const [touched, setTouched] = useState(false)
  const problemId = useId()
  const problem =
    (fixedKey
      ? undefined
      : (tagKeyProblem(key) ??
        (key in tags ? `This model already has a tag “${key}”: edit it in the table.` : undefined))) ??
    tagValueProblem(value)
  const submit = (event?: SyntheticEvent) => {
    event?.preventDefault()
    setTouched(true)
    if (problem !== undefined) return
    onClose()
    if (fixedKey && value === initial.value) return
    void onSave(key, value).then((ok) => {
      if (!ok) onClose({ key, value })
    })
  }
  const cancel = () => {
    onClose()
  }
  const showProblem = problem !== undefined && (touched || key !== '')
  return (
    <form className="tag-add-form" aria-label={fixedKey ? `Edit tag ${key}` : 'Add a tag'} onSubmit={submit}>
      {!fixedKey && (
        <input
          autoFocus
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
      )}
      <input
        autoFocus={fixedKey}
        className="input input-small"
        aria-label={fixedKey ? `Value of tag ${key}` : 'New tag value'}
        placeholder="Value"
        value={value}
        onChange={(event) => {
          setValue(event.target.value)
        }}
        onKeyDown={editorKeys(submit, cancel)}
      />
      <button type="submit" className="button button-primary button-small">
        {fixedKey ? 'Save' : 'Add tag'}
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

/** The model's tags: user tags editable (add, change, delete), MLflow's own read-only. */
export function LoggedModelTags({ tags, onSet, onDelete }: LoggedModelTagsProps) {
  const [adding, setAdding] = useState<{ key: string; value: string } | undefined>(undefined)
  const [editing, setEditing] = useState<{ key: string; value: string } | undefined>(undefined)
  const headingId = useId()
  const entries = Object.entries(tags).sort(([a], [b]) => a.localeCompare(b))
  const userTags = entries.filter(([key]) => !isLoggedModelSystemTag(key))
  const systemTags = entries.filter(([key]) => isLoggedModelSystemTag(key))
  return (
    <section className="logged-model-section" aria-labelledby={headingId}>
      <div className="section-header">
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
        <TagForm
          tags={tags}
          initial={adding}
          fixedKey={false}
          onSave={onSet}
          onClose={(reopenWith) => {
            setAdding(reopenWith)
          }}
        />
      )}
      {userTags.length === 0 ? (
        <p className="muted">No tags.</p>
      ) : (
        <table className="kv-table" aria-label="Tags">
          <tbody>
            {userTags.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{key}</th>
                <td className="tag-value">
                  {editing?.key === key ? (
                    <TagForm
                      tags={tags}
                      initial={editing}
                      fixedKey
                      onSave={onSet}
                      onClose={(reopenWith) => {
                        setEditing(reopenWith)
                      }}
                    />
                  ) : (
                    value
                  )}
                </td>
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
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {systemTags.length > 0 && (
        <details className="system-tags">
          <summary>MLflow’s system tags ({systemTags.length})</summary>
          <table className="kv-table" aria-label="System tags">
            <tbody>
              {systemTags.map(([key, value]) => (
                <tr key={key}>
                  <th scope="row">{key}</th>
                  <td className="mono system-tag-value">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  )
}
