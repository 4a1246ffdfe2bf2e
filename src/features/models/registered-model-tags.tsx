import { useEffect, useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react'
import { modelTagValueProblem } from '@/domain/models/registered-model-edits'
import { tagKeyProblem } from '@/domain/runs/run-tag-rules'

interface TagsProps {
  tags: Readonly<Record<string, string>>
  /** Undefined while the model cannot be edited. */
  onSet: ((key: string, value: string) => Promise<boolean>) | undefined
  onDelete: ((key: string) => Promise<boolean>) | undefined
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

/**
 * Adds a tag, or changes one: `initial.key` set means the key is fixed. A refused save opens the
 * form again with what was typed.
 */
function TagForm({
  tags,
  initial,
  fixedKey,
  onSet,
  onClose,
}: {
  tags: Readonly<Record<string, string>>
  initial: { key: string; value: string }
  fixedKey: boolean
  onSet: (key: string, value: string) => Promise<boolean>
  onClose: (reopenWith?: { key: string; value: string }) => void
}) {
  const [key, setKey] = useState(initial.key)
  const [value, setValue] = useState(initial.value)
  const [touched, setTouched] = useState(false)
  const firstRef = useRef<HTMLInputElement>(null)
  const problemId = useId()
  useEffect(() => {
    firstRef.current?.focus()
    if (fixedKey) firstRef.current?.select()
  }, [fixedKey])
  const problem =
    (fixedKey ? undefined : tagKeyProblem(key)) ??
    (!fixedKey && key in tags ? `This model already has a tag “${key}”: edit it in the list.` : undefined) ??
    modelTagValueProblem(value)
  const submit = (event?: SyntheticEvent) => {
    event?.preventDefault()
    setTouched(true)
    if (problem !== undefined) return
    onClose()
    if (fixedKey && value === initial.value) return
    void onSet(key, value).then((ok) => {
      if (!ok) onClose({ key, value })
    })
  }
  const cancel = () => {
    onClose()
  }
  const showProblem = problem !== undefined && (touched || key !== '')
  return (
    <form
      className="registry-tag-form"
      aria-label={fixedKey ? `Edit tag ${key}` : 'Add a tag'}
      onSubmit={submit}
    >
      {!fixedKey && (
        <input
          ref={firstRef}
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
        ref={fixedKey ? firstRef : undefined}
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

/** The model's tags: add, change a value, delete. */
export function RegisteredModelTags({ tags, onSet, onDelete }: TagsProps) {
  const [editing, setEditing] = useState<{ key: string; value: string } | undefined>(undefined)
  const [adding, setAdding] = useState<{ key: string; value: string } | undefined>(undefined)
  const headingId = useId()
  const entries = Object.entries(tags).sort(([a], [b]) => a.localeCompare(b))
  return (
    <section className="registry-section" aria-labelledby={headingId}>
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
        <TagForm
          tags={tags}
          initial={adding}
          fixedKey={false}
          onSet={onSet}
          onClose={(reopenWith) => {
            setAdding(reopenWith)
          }}
        />
      )}
      {entries.length === 0 ? (
        <p className="muted">No tags.</p>
      ) : (
        <table className="kv-table registry-tag-table" aria-label="Tags">
          <tbody>
            {entries.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{key}</th>
                <td className="registry-tag-value">
                  {onSet !== undefined && editing?.key === key ? (
                    <TagForm
                      tags={tags}
                      initial={editing}
                      fixedKey
                      onSet={onSet}
                      onClose={(reopenWith) => {
                        setEditing(reopenWith)
                      }}
                    />
                  ) : (
                    value
                  )}
                </td>
                {onSet !== undefined && onDelete !== undefined && (
                  <td>
                    <div className="registry-row-actions">
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
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
