import { useMemo, useState, type ReactNode } from 'react'
import { TextPreview } from './text-preview'
import type { ArtifactSource } from '@/domain/artifacts/artifact-source'

/** Objects and arrays deeper than this start folded, so a big document renders only its top. */
const OPEN_DEPTH = 2
/** Children shown per "Show more": a 24,000-item array renders 100 rows until asked for more. */
const PAGE = 100

type Parsed = { ok: true; value: unknown } | { ok: false; message: string }

function parseJson(text: string): Parsed {
  try {
    const value: unknown = JSON.parse(text)
    return { ok: true, value }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

interface JsonPreviewProps {
  source: ArtifactSource
  path: string
  text: string
}

/**
 * A JSON document as a foldable tree. Folding is lazy: a folded node renders nothing of its
 * children, and open nodes render their children a page at a time. Invalid JSON is shown as text.
 */
export function JsonPreview({ source, path, text }: JsonPreviewProps) {
  const parsed = useMemo(() => parseJson(text), [text])
  if (!parsed.ok)
    return (
      <TextPreview
        source={source}
        path={path}
        notice={`Not valid JSON (${parsed.message}); shown as text.`}
      />
    )
  return (
    <div className="json-preview" role="region" aria-label={`JSON of ${path}`}>
      <JsonNode name={undefined} value={parsed.value} depth={0} />
    </div>
  )
}

interface JsonNodeProps {
  /** The key or index in the parent; `undefined` for the root. */
  name: string | undefined
  value: unknown
  depth: number
}

function JsonNode({ name, value, depth }: JsonNodeProps) {
  const label = name === undefined ? null : <span className="json-key">{name}: </span>
  if (Array.isArray(value) || isRecord(value))
    return <JsonContainer name={name} label={label} value={value} depth={depth} />
  return (
    <div className="json-row">
      {label}
      <JsonScalar value={value} />
    </div>
  )
}

function JsonContainer({
  name,
  label,
  value,
  depth,
}: JsonNodeProps & { label: ReactNode; value: readonly unknown[] | Record<string, unknown> }) {
  const [open, setOpen] = useState(depth < OPEN_DEPTH)
  const [shown, setShown] = useState(PAGE)
  const isArray = Array.isArray(value)
  const entries: [string, unknown][] = isArray
    ? value.slice(0, open ? shown : 0).map((item, index) => [String(index), item])
    : Object.entries(value).slice(0, open ? shown : 0)
  const count = isArray ? value.length : Object.keys(value).length
  const summary = isArray
    ? `[${count} ${count === 1 ? 'item' : 'items'}]`
    : `{${count} ${count === 1 ? 'key' : 'keys'}}`
  return (
    <div className="json-row">
      <button
        type="button"
        className="json-toggle"
        aria-expanded={open}
        aria-label={`${open ? 'Fold' : 'Unfold'} ${name ?? 'root'}`}
        onClick={() => {
          setOpen(!open)
        }}
      >
        {open ? '▾' : '▸'}
      </button>
      {label}
      <span className="muted">{summary}</span>
      {open && (
        <div className="json-children">
          {entries.map(([key, child]) => (
            <JsonNode key={key} name={key} value={child} depth={depth + 1} />
          ))}
          {count > shown && (
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setShown(shown + PAGE)
              }}
            >
              Show {Math.min(PAGE, count - shown)} more of {count - shown} remaining
            </button>
          )}
        </div>
      )}
    </div>
  )
}

function JsonScalar({ value }: { value: unknown }) {
  if (typeof value === 'string') return <span className="json-string">{JSON.stringify(value)}</span>
  if (typeof value === 'number') return <span className="json-number">{String(value)}</span>
  if (typeof value === 'boolean') return <span className="json-boolean">{String(value)}</span>
  return <span className="json-null">null</span>
}
