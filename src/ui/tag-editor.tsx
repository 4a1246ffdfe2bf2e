import { useEffect, useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react'

/** Where each page styles the parts of the editor (its own stylesheet names). */
export interface TagEditorClasses {
  section: string
  header: string
  /** Added to `kv-table`. */
  table?: string
  valueCell: string
  actionsCell?: string
  /** When set, the row's buttons sit in a `<div>` of this class inside the actions cell. */
  actionsWrapper?: string
  addForm: string
  /** The inline editor of one tag's value. */
  editForm: string
  /** The multi-line value fields. */
  valueInput: string
}

/** What a page gives its tags section: the tags and how to change them. */
export interface TagsProps {
  tags: Readonly<Record<string, string>>
  /** Undefined when the tags cannot be edited: the table is shown without buttons. */
  onSet: ((key: string, value: string) => Promise<boolean>) | undefined
  onDelete: ((key: string) => Promise<boolean>) | undefined
}

export interface TagEditorProps extends TagsProps {
  /** What is wrong with a new tag's key, if anything. */
  keyProblem: (key: string) => string | undefined
  /** What is wrong with a tag's value, if anything. */
  valueProblem: (value: string) => string | undefined
  /** The problem shown when a new tag's key is already taken. */
  duplicateProblem: (key: string) => string
  /**
   * Values on several lines (a textarea: Shift+Enter starts a new line; the inline value editor
   * disables Save while the value is wrong). Otherwise single-line fields in small forms.
   */
  multiline: boolean
  /** Select the value when its inline editor opens. */
  selectOnEdit: boolean
  /** Read-only tags (MLflow's own), folded in a "system tags" section below the table. */
  isSystemTag?: (key: string) => boolean
  /** Tags shown elsewhere on the page: neither in the table nor with the system tags. */
  isHidden?: (key: string) => boolean
  /** Show the folded system tags section even when there are none. */
  showEmptySystemTags?: boolean
  classes: TagEditorClasses
}

interface Draft {
  key: string
  value: string
}

/** Enter saves, Shift+Enter starts a new line (in a textarea), Escape cancels. */
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

function ProblemText({ id, problem }: { id: string; problem: string }) {
  return (
    <span id={id} className="field-problem" role="alert">
      {problem}
    </span>
  )
}

/** A multi-line editor of one tag's value; Save is disabled while the value is wrong. */
function TagValueEditor({
  tagKey,
  value,
  valueProblem,
  selectOnEdit,
  classes,
  onSave,
  onClose,
}: {
  tagKey: string
  value: string
  valueProblem: (value: string) => string | undefined
  selectOnEdit: boolean
  classes: TagEditorClasses
  onSave: (value: string) => Promise<boolean>
  onClose: (reopenWith?: string) => void
}) {
  const [draft, setDraft] = useState(value)
  const ref = useRef<HTMLTextAreaElement>(null)
  const problemId = useId()
  useEffect(() => {
    ref.current?.focus()
    if (selectOnEdit) ref.current?.select()
  }, [selectOnEdit])
  const problem = valueProblem(draft)
  const save = () => {
    if (problem !== undefined) return
    onClose()
    if (draft === value) return
    void onSave(draft).then((ok) => {
      if (!ok) onClose(draft)
    })
  }
  return (
    <div className={classes.editForm}>
      <textarea
        ref={ref}
        className={`input ${classes.valueInput}`}
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
      {problem !== undefined && <ProblemText id={problemId} problem={problem} />}
    </div>
  )
}

/**
 * Adds a tag, or (single-line editors) changes one: `fixedKey` means the key cannot change. A
 * refused save opens the form again with what was typed.
 */
function TagForm({
  props,
  initial,
  fixedKey,
  onSet,
  onClose,
}: {
  props: TagEditorProps
  initial: Draft
  fixedKey: boolean
  onSet: (key: string, value: string) => Promise<boolean>
  onClose: (reopenWith?: Draft) => void
}) {
  const { tags, keyProblem, valueProblem, duplicateProblem, multiline, selectOnEdit, classes } = props
  const [key, setKey] = useState(initial.key)
  const [value, setValue] = useState(initial.value)
  const [touched, setTouched] = useState(false)
  const keyRef = useRef<HTMLInputElement>(null)
  const valueRef = useRef<HTMLInputElement>(null)
  const problemId = useId()
  useEffect(() => {
    if (fixedKey) {
      valueRef.current?.focus()
      if (selectOnEdit) valueRef.current?.select()
    } else {
      keyRef.current?.focus()
    }
  }, [fixedKey, selectOnEdit])
  const problem =
    (fixedKey ? undefined : (keyProblem(key) ?? (key in tags ? duplicateProblem(key) : undefined))) ??
    valueProblem(value)
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
  const onValueChange = (event: { target: { value: string } }) => {
    setValue(event.target.value)
  }
  return (
    <form
      className={fixedKey ? classes.editForm : classes.addForm}
      aria-label={fixedKey ? `Edit tag ${key}` : 'Add a tag'}
      onSubmit={submit}
    >
      {!fixedKey && (
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
      )}
      {multiline ? (
        <textarea
          className={`input ${classes.valueInput}`}
          aria-label="New tag value"
          placeholder="Value"
          rows={Math.min(6, value.split('\n').length)}
          value={value}
          onChange={onValueChange}
          onKeyDown={editorKeys(submit, cancel)}
        />
      ) : (
        <input
          ref={valueRef}
          className="input input-small"
          aria-label={fixedKey ? `Value of tag ${key}` : 'New tag value'}
          placeholder="Value"
          value={value}
          onChange={onValueChange}
          onKeyDown={editorKeys(submit, cancel)}
        />
      )}
      <button type="submit" className="button button-primary button-small">
        {fixedKey ? 'Save' : 'Add tag'}
      </button>
      <button type="button" className="button button-small" onClick={cancel}>
        Cancel
      </button>
      {showProblem && <ProblemText id={problemId} problem={problem} />}
    </form>
  )
}

/**
 * A "Tags" section: a table of the editable tags (add, change a value in place, delete), and
 * optionally the read-only system tags folded below it.
 */
export function TagEditor(props: TagEditorProps) {
  const { tags, onSet, onDelete, multiline, isSystemTag, isHidden, showEmptySystemTags, classes } = props
  const [editing, setEditing] = useState<Draft | undefined>(undefined)
  const [adding, setAdding] = useState<Draft | undefined>(undefined)
  const headingId = useId()
  const entries = Object.entries(tags).sort(([a], [b]) => a.localeCompare(b))
  const system = (key: string) => isSystemTag?.(key) ?? false
  const userTags = entries.filter(([key]) => !system(key))
  const systemTags = entries.filter(([key]) => system(key) && !(isHidden?.(key) ?? false))
  const actions = (key: string, value: string, remove: (key: string) => Promise<boolean>) => (
    <>
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
          void remove(key)
        }}
      >
        Delete
      </button>
    </>
  )
  return (
    <section className={classes.section} aria-labelledby={headingId}>
      <div className={classes.header}>
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
          props={props}
          initial={adding}
          fixedKey={false}
          onSet={onSet}
          onClose={(reopenWith) => {
            setAdding(reopenWith)
          }}
        />
      )}
      {userTags.length === 0 ? (
        <p className="muted">No tags.</p>
      ) : (
        <table
          className={classes.table === undefined ? 'kv-table' : `kv-table ${classes.table}`}
          aria-label="Tags"
        >
          <tbody>
            {userTags.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{key}</th>
                <td className={classes.valueCell}>
                  {onSet !== undefined && editing?.key === key ? (
                    multiline ? (
                      <TagValueEditor
                        tagKey={key}
                        value={editing.value}
                        valueProblem={props.valueProblem}
                        selectOnEdit={props.selectOnEdit}
                        classes={classes}
                        onSave={(next) => onSet(key, next)}
                        onClose={(reopenWith) => {
                          setEditing(reopenWith === undefined ? undefined : { key, value: reopenWith })
                        }}
                      />
                    ) : (
                      <TagForm
                        props={props}
                        initial={editing}
                        fixedKey
                        onSet={onSet}
                        onClose={(reopenWith) => {
                          setEditing(reopenWith)
                        }}
                      />
                    )
                  ) : (
                    value
                  )}
                </td>
                {onSet !== undefined && onDelete !== undefined && (
                  <td className={classes.actionsCell}>
                    {classes.actionsWrapper === undefined ? (
                      actions(key, value, onDelete)
                    ) : (
                      <div className={classes.actionsWrapper}>{actions(key, value, onDelete)}</div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isSystemTag !== undefined && (systemTags.length > 0 || showEmptySystemTags === true) && (
        <details className="system-tags">
          <summary>MLflow’s system tags ({systemTags.length})</summary>
          {systemTags.length === 0 ? (
            <p className="muted">No system tags.</p>
          ) : (
            <table className="kv-table" aria-label="System tags">
              <tbody>
                {systemTags.map(([key, value]) => (
                  <tr key={key}>
                    <th scope="row">{key}</th>
                    <td>
                      <span className="mono system-tag-value">{value}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </details>
      )}
    </section>
  )
}
