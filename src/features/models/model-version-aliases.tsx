import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react'
import { aliasMovesFrom, aliasProblem } from '@/domain/models/model-version-edits'

interface ModelVersionAliasesProps {
  version: string
  aliases: readonly string[]
  /** Every alias of the model, to say when one moves here from another version. */
  modelAliases: Readonly<Record<string, string>>
  onAdd: (alias: string) => Promise<boolean>
  onRemove: (alias: string) => Promise<boolean>
}

/**
 * The version's aliases (`@champion`), each removable, and a form to add one. An alias names one
 * version of the model at a time, so adding one another version has moves it: the form says so
 * before the user saves.
 */
export function ModelVersionAliases({
  version,
  aliases,
  modelAliases,
  onAdd,
  onRemove,
}: ModelVersionAliasesProps) {
  const [adding, setAdding] = useState<string | undefined>(undefined)
  const headingId = useId()
  const addButtonRef = useRef<HTMLButtonElement>(null)
  const close = (reopenWith?: string) => {
    setAdding(reopenWith)
    if (reopenWith === undefined) requestAnimationFrame(() => addButtonRef.current?.focus())
  }
  return (
    <section className="mv-section" aria-labelledby={headingId}>
      <div className="mv-section-header">
        <h2 id={headingId}>Aliases</h2>
        {adding === undefined && (
          <button
            ref={addButtonRef}
            type="button"
            className="button button-small"
            onClick={() => {
              setAdding('')
            }}
          >
            Add alias
          </button>
        )}
      </div>
      {adding !== undefined && (
        <AddAliasForm
          version={version}
          initial={adding}
          modelAliases={modelAliases}
          onAdd={onAdd}
          onClose={close}
        />
      )}
      {aliases.length === 0 ? (
        <p className="muted">
          No aliases. An alias (such as “champion”) lets code load this version by name.
        </p>
      ) : (
        <ul className="mv-aliases" aria-label="Aliases">
          {aliases.map((alias) => (
            <li key={alias} className="chip mv-alias">
              <span className="mono">@{alias}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove alias ${alias}`}
                title={`Remove alias ${alias}`}
                onClick={() => {
                  void onRemove(alias)
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function AddAliasForm({
  version,
  initial,
  modelAliases,
  onAdd,
  onClose,
}: {
  version: string
  initial: string
  modelAliases: Readonly<Record<string, string>>
  onAdd: (alias: string) => Promise<boolean>
  onClose: (reopenWith?: string) => void
}) {
  const [alias, setAlias] = useState(initial)
  const [touched, setTouched] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const noteId = useId()
  useEffect(() => {
    inputRef.current?.focus()
  }, [])
  const trimmed = alias.trim()
  const problem = aliasProblem(trimmed)
  const movesFrom = problem === undefined ? aliasMovesFrom(modelAliases, trimmed, version) : undefined
  const showProblem = problem !== undefined && (touched || trimmed !== '')
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    setTouched(true)
    if (problem !== undefined) return
    onClose()
    void onAdd(trimmed).then((ok) => {
      if (!ok) onClose(trimmed)
    })
  }
  return (
    <form className="mv-inline-form" aria-label="Add an alias" onSubmit={submit}>
      <input
        ref={inputRef}
        className="input input-small"
        aria-label="New alias"
        placeholder="champion"
        value={alias}
        aria-invalid={showProblem}
        aria-describedby={noteId}
        onChange={(event) => {
          setAlias(event.target.value)
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return
          event.preventDefault()
          onClose()
        }}
      />
      <button type="submit" className="button button-primary button-small">
        {movesFrom === undefined ? 'Add alias' : 'Move alias here'}
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
      <span id={noteId} className={showProblem ? 'field-problem' : 'muted mv-form-note'} role="status">
        {showProblem
          ? problem
          : movesFrom !== undefined
            ? `“${trimmed}” is on version ${movesFrom} now: adding it here moves it from version ${movesFrom} to this one.`
            : ''}
      </span>
    </form>
  )
}
