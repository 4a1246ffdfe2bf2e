import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react'
import { runQueries } from '@/api/runs'
import { aliasProblem } from '@/domain/models/registered-model-edits'
import type { ModelVersion } from '@/domain/models/registry'
import { ConfirmDialog } from '@/ui/dialog'
import { Time } from '@/ui/time'
import type { RegistryLinks } from './registered-model-links'

interface VersionsProps {
  name: string
  versions: readonly ModelVersion[]
  /** Alias to version, from the model (version searches leave aliases out). */
  aliases: Readonly<Record<string, string>>
  links: RegistryLinks
  /** Undefined while the model cannot be edited. */
  onSetAlias: ((alias: string, version: string) => Promise<boolean>) | undefined
  onDeleteAlias: ((alias: string) => Promise<boolean>) | undefined
  onDeleteVersion: ((version: string) => Promise<boolean>) | undefined
  onCompare: (runIds: string[]) => void
  /** More versions exist than one request brings. */
  truncated: boolean
}

const STATUS_LABEL: Record<NonNullable<ModelVersion['status']>, string> = {
  READY: 'Ready',
  PENDING_REGISTRATION: 'Pending registration',
  FAILED_REGISTRATION: 'Registration failed',
}
const STATUS_CLASS: Record<NonNullable<ModelVersion['status']>, string> = {
  READY: 'status-finished',
  PENDING_REGISTRATION: 'status-running',
  FAILED_REGISTRATION: 'status-failed',
}

/** Above this many versions, source runs are shown by id only (one request per run otherwise). */
const NAMED_RUNS_LIMIT = 200

/** The source run by name (looked up; a version only knows the run's id), linked to its page. */
function SourceRun({ runId, lookUp, links }: { runId: string; lookUp: boolean; links: RegistryLinks }) {
  const run = useQuery({ ...runQueries.get(runId), enabled: lookUp, retry: false })
  const name = run.data?.info.runName
  const deleted = run.data?.info.lifecycleStage === 'deleted'
  return (
    <>
      {links.run(runId, name === undefined || name === '' ? runId.slice(0, 8) : name)}
      {deleted && <span className="muted"> (deleted)</span>}
      {run.isError && (
        <span className="muted" title="The tracking server does not know this run any more">
          {' '}
          (not found)
        </span>
      )}
    </>
  )
}

/**
 * The first line of a Markdown description without its emphasis and code marks, as a hint; the
 * version page shows it whole.
 */
function firstLine(text: string | undefined): string {
  const line = (text ?? '').trim().split('\n')[0] ?? ''
  return line.replace(/^#+\s+/, '').replace(/\*\*|__|`/g, '')
}

function AliasForm({
  version,
  aliases,
  onSet,
  onClose,
}: {
  version: string
  aliases: Readonly<Record<string, string>>
  onSet: (alias: string, version: string) => Promise<boolean>
  onClose: (reopenWith?: string) => void
}) {
  const [alias, setAlias] = useState('')
  const [touched, setTouched] = useState(false)
  const ref = useRef<HTMLInputElement>(null)
  const hintId = useId()
  useEffect(() => {
    ref.current?.focus()
  }, [])
  const trimmed = alias.trim()
  const current = aliases[trimmed]
  const problem =
    aliasProblem(trimmed) ??
    (current === version ? `Version ${version} already has “${trimmed}”.` : undefined)
  const showProblem = problem !== undefined && (touched || trimmed !== '')
  const hint = showProblem
    ? problem
    : current !== undefined
      ? `Moves “${trimmed}” from version ${current} to version ${version}.`
      : undefined
  const submit = (event?: SyntheticEvent) => {
    event?.preventDefault()
    setTouched(true)
    if (problem !== undefined) return
    onClose()
    void onSet(trimmed, version).then((ok) => {
      if (!ok) onClose(trimmed)
    })
  }
  return (
    <form className="alias-form" aria-label={`Add an alias to version ${version}`} onSubmit={submit}>
      <input
        ref={ref}
        className="input input-small"
        aria-label={`New alias for version ${version}`}
        placeholder="alias"
        value={alias}
        list={`${hintId}-aliases`}
        aria-invalid={showProblem}
        aria-describedby={hint === undefined ? undefined : hintId}
        onChange={(event) => {
          setAlias(event.target.value)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            onClose()
          }
        }}
      />
      <datalist id={`${hintId}-aliases`}>
        {Object.keys(aliases)
          .filter((existing) => aliases[existing] !== version)
          .map((existing) => (
            <option key={existing} value={existing} />
          ))}
      </datalist>
      <button type="submit" className="button button-primary button-small">
        {current !== undefined && current !== version ? 'Move' : 'Add'}
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
      {hint !== undefined && (
        <span
          id={hintId}
          className={showProblem ? 'field-problem' : 'muted'}
          role={showProblem ? 'alert' : undefined}
        >
          {hint}
        </span>
      )}
    </form>
  )
}

/**
 * The versions, newest first: aliases (add, move, remove in place), stage (only when some version has
 * one), status, when and by whom, the source run, the description's first line; select some to compare
 * their runs, or delete one.
 */
export function RegisteredModelVersions({
  name,
  versions,
  aliases,
  links,
  onSetAlias,
  onDeleteAlias,
  onDeleteVersion,
  onCompare,
  truncated,
}: VersionsProps) {
  const [selected, setSelected] = useState<readonly string[]>([])
  const [addingTo, setAddingTo] = useState<string | undefined>(undefined)
  const [deleting, setDeleting] = useState<ModelVersion | undefined>(undefined)
  const headingId = useId()
  const showStage = versions.some((version) => (version.currentStage ?? 'None') !== 'None')
  const aliasesOf = (version: string) =>
    Object.keys(aliases)
      .filter((alias) => aliases[alias] === version)
      .sort((a, b) => a.localeCompare(b))
  const shown = new Set(versions.map((version) => version.version))
  const picked = selected.filter((version) => shown.has(version))
  const runIds = [
    ...new Set(
      versions
        .filter((version) => picked.includes(version.version))
        .flatMap((version) => (version.runId === undefined ? [] : [version.runId])),
    ),
  ]
  const allPicked = versions.length > 0 && picked.length === versions.length
  return (
    <section className="registry-section" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>
          Versions{' '}
          <span className="muted">
            ({versions.length.toLocaleString('en-US')}
            {truncated ? '+' : ''})
          </span>
        </h2>
        <span className="muted" aria-live="polite">
          {picked.length === 0
            ? 'Select versions to compare their runs.'
            : `${picked.length} selected · ${runIds.length} run${runIds.length === 1 ? '' : 's'}`}
        </span>
        <button
          type="button"
          className="button button-small button-primary"
          disabled={runIds.length < 2}
          title={runIds.length < 2 ? 'Select versions from at least two runs' : undefined}
          onClick={() => {
            onCompare(runIds)
          }}
        >
          Compare
        </button>
        {picked.length > 0 && (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setSelected([])
            }}
          >
            Clear selection
          </button>
        )}
      </div>
      {truncated && (
        <p className="notice">
          Only the newest {versions.length.toLocaleString('en-US')} versions are listed.
        </p>
      )}
      {versions.length === 0 ? (
        <p className="muted">
          No versions yet. Register a run’s or a logged model’s files as a version of {name}.
        </p>
      ) : (
        <div className="registry-table-scroller">
          <table className="registry-table" aria-label="Versions">
            <thead>
              <tr>
                <th scope="col" className="registry-check">
                  <input
                    type="checkbox"
                    aria-label="Select all versions"
                    checked={allPicked}
                    ref={(input) => {
                      if (input !== null) input.indeterminate = picked.length > 0 && !allPicked
                    }}
                    onChange={() => {
                      setSelected(allPicked ? [] : versions.map((version) => version.version))
                    }}
                  />
                </th>
                <th scope="col">Version</th>
                <th scope="col">Aliases</th>
                {showStage && <th scope="col">Stage</th>}
                <th scope="col">Status</th>
                <th scope="col">Registered</th>
                <th scope="col">Source run</th>
                <th scope="col">Description</th>
                {onDeleteVersion !== undefined && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => {
                const own = aliasesOf(version.version)
                const description = firstLine(version.description)
                return (
                  <tr key={version.version}>
                    <td className="registry-check">
                      <input
                        type="checkbox"
                        aria-label={`Select version ${version.version}`}
                        checked={picked.includes(version.version)}
                        onChange={() => {
                          setSelected((current) =>
                            current.includes(version.version)
                              ? current.filter((v) => v !== version.version)
                              : [...current, version.version],
                          )
                        }}
                      />
                    </td>
                    <th scope="row">{links.version(name, version.version, `Version ${version.version}`)}</th>
                    <td className="registry-aliases">
                      <ul className="alias-list" aria-label={`Aliases of version ${version.version}`}>
                        {own.map((alias) => (
                          <li key={alias} className="alias-chip">
                            @{alias}
                            {onDeleteAlias !== undefined && (
                              <button
                                type="button"
                                className="chip-remove"
                                aria-label={`Remove alias ${alias} from version ${version.version}`}
                                onClick={() => void onDeleteAlias(alias)}
                              >
                                ×
                              </button>
                            )}
                          </li>
                        ))}
                        {onSetAlias !== undefined && addingTo !== version.version && (
                          <li>
                            <button
                              type="button"
                              className="button button-small alias-add"
                              aria-label={`Add an alias to version ${version.version}`}
                              onClick={() => {
                                setAddingTo(version.version)
                              }}
                            >
                              + Alias
                            </button>
                          </li>
                        )}
                      </ul>
                      {onSetAlias !== undefined && addingTo === version.version && (
                        <AliasForm
                          version={version.version}
                          aliases={aliases}
                          onSet={onSetAlias}
                          onClose={() => {
                            setAddingTo(undefined)
                          }}
                        />
                      )}
                    </td>
                    {showStage && <td>{version.currentStage ?? 'None'}</td>}
                    <td>
                      {version.status === undefined ? (
                        <span className="muted">—</span>
                      ) : (
                        <span
                          className={`status ${STATUS_CLASS[version.status]}`}
                          title={version.statusMessage}
                        >
                          {STATUS_LABEL[version.status]}
                        </span>
                      )}
                      {version.status !== 'READY' && version.statusMessage !== undefined && (
                        <p className="registry-status-message">{version.statusMessage}</p>
                      )}
                    </td>
                    <td className="registry-nowrap">
                      <Time epochMs={version.creationTimestamp} />
                      {version.userId !== undefined && <span className="muted"> · {version.userId}</span>}
                    </td>
                    <td>
                      {version.runId === undefined ? (
                        <span className="muted">—</span>
                      ) : (
                        <SourceRun
                          runId={version.runId}
                          lookUp={versions.length <= NAMED_RUNS_LIMIT}
                          links={links}
                        />
                      )}
                    </td>
                    <td className="registry-description" title={version.description}>
                      {description === '' ? <span className="muted">—</span> : description}
                    </td>
                    {onDeleteVersion !== undefined && (
                      <td>
                        <div className="registry-row-actions">
                          <button
                            type="button"
                            className="button button-small button-danger"
                            aria-label={`Delete version ${version.version}`}
                            onClick={() => {
                              setDeleting(version)
                            }}
                          >
                            Delete
                          </button>
                        </div>
                      </td>
                    )}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {deleting !== undefined && onDeleteVersion !== undefined && (
        <ConfirmDialog
          title={`Delete version ${deleting.version}?`}
          confirmLabel={`Delete version ${deleting.version}`}
          destructive
          onConfirm={() => {
            void onDeleteVersion(deleting.version)
          }}
          onClose={() => {
            setDeleting(undefined)
          }}
        >
          <p>
            Version {deleting.version} of “{name}” will be deleted for good
            {aliasesOf(deleting.version).length > 0
              ? `, with its aliases ${aliasesOf(deleting.version)
                  .map((alias) => `“${alias}”`)
                  .join(', ')}`
              : ''}
            . The run and its files stay. There is no undo.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
