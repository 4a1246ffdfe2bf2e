import { useId, useState } from 'react'

/** Values longer than this, or of several lines, start folded. */
export const LONG_PARAM_CHARS = 200

function isLong(value: string): boolean {
  return value.length > LONG_PARAM_CHARS || value.includes('\n')
}

/** The folded form of a long value: its first line, at most LONG_PARAM_CHARS characters. */
function foldedText(value: string): string {
  const firstLine = value.split('\n', 1)[0] ?? ''
  return `${firstLine.slice(0, LONG_PARAM_CHARS)}…`
}

type CopyState = 'idle' | 'copied' | 'failed'

function CopyButton({ label, value }: { label: string; value: string }) {
  const [state, setState] = useState<CopyState>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return (
    <>
      <button
        type="button"
        className="button button-small copy-button"
        aria-label={`Copy ${label}`}
        onClick={() => void copy()}
      >
        Copy
      </button>
      <span className="copy-status" role="status">
        {state === 'copied' && 'Copied'}
        {state === 'failed' && 'Could not copy: select the value and copy it by hand.'}
      </span>
    </>
  )
}

function ParamValue({ name, value }: { name: string; value: string }) {
  const [expanded, setExpanded] = useState(false)
  const id = useId()
  const long = isLong(value)
  return (
    <div className="param-value">
      <span id={id} className="mono param-text">
        {long && !expanded ? foldedText(value) : value}
      </span>
      <span className="param-actions">
        {long && (
          <button
            type="button"
            className="button button-small"
            aria-expanded={expanded}
            aria-controls={id}
            onClick={() => {
              setExpanded((open) => !open)
            }}
          >
            {expanded ? 'Show less' : `Show all (${value.length.toLocaleString('en')} characters)`}
          </button>
        )}
        <CopyButton label={`value of ${name}`} value={value} />
      </span>
    </div>
  )
}

/** A case-insensitive search over keys and values. */
function matches(search: string, key: string, value: string): boolean {
  const needle = search.trim().toLowerCase()
  return needle === '' || key.toLowerCase().includes(needle) || value.toLowerCase().includes(needle)
}

/** The run's parameters, sorted by key, searchable; long values fold and every value copies. */
export function RunParamsTable({ params }: { params: Readonly<Record<string, string>> }) {
  const [search, setSearch] = useState('')
  const entries = Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const shown = entries.filter(([key, value]) => matches(search, key, value))
  return (
    <section className="run-table-section" aria-labelledby="run-params-heading">
      <div className="section-header">
        <h2 id="run-params-heading">Parameters</h2>
        {entries.length > 0 && <span className="muted">{entries.length}</span>}
      </div>
      {entries.length === 0 ? (
        <p className="muted">No parameters logged.</p>
      ) : (
        <>
          <input
            type="search"
            className="run-table-search"
            aria-label="Search parameters"
            placeholder="Search parameters"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value)
            }}
          />
          {shown.length === 0 ? (
            <p className="muted" role="status">
              No parameter matches “{search.trim()}”.
            </p>
          ) : (
            <table className="kv-table run-params-table" aria-label="Parameters">
              <tbody>
                {shown.map(([key, value]) => (
                  <tr key={key}>
                    <th scope="row" className="mono">
                      {key}
                    </th>
                    <td>
                      <ParamValue name={key} value={value} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  )
}
