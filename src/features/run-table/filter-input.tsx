import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import {
  completeRunFilter,
  type FilterCompletion,
  type FilterVocabulary,
} from '@/domain/search-filter/complete-filter'
import type { FilterError } from '@/domain/search-filter/parse-result'
import { parseRunQuery } from '@/domain/search-filter/run-query'

export interface FilterInputProps {
  /** The applied filter (from the URL). */
  filter: string
  onFilterChange: (text: string, options: { replace: boolean }) => void
  vocabulary: FilterVocabulary
  /** The server's message when it still rejects the applied filter. */
  serverError: string | undefined
}

/** Typing applies this long after the last keystroke; Enter applies at once. */
export const FILTER_DEBOUNCE_MS = 300

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
}

/** The text with the error's span marked; an empty span marks the place with a space. */
function MarkedText({ text, error }: { text: string; error: FilterError }) {
  const marked = text.slice(error.start, error.end)
  return (
    <div className="filter-error-text mono" aria-hidden="true">
      {text.slice(0, error.start)}
      <mark>{marked === '' ? '\u00a0' : marked}</mark>
      {text.slice(error.end)}
    </div>
  )
}

/**
 * The filter box: a combobox with completions. The draft is local while typing; a valid draft is
 * applied after a pause (replacing the history entry) or at once on Enter (a new entry). An invalid
 * one is never applied: its error shows below it, with the offending part marked.
 */
export function FilterInput({ filter, onFilterChange, vocabulary, serverError }: FilterInputProps) {
  const id = useId()
  const listId = `${id}-completions`
  const errorId = `${id}-error`
  const inputRef = useRef<HTMLInputElement>(null)
  const pendingCursor = useRef<number | undefined>(undefined)

  const [draft, setDraft] = useState(filter)
  // The URL value last seen and last sent: the box follows the URL when it changes from elsewhere
  // (chips, quick filters, back/forward), not when it only catches up with what is being typed.
  const [seen, setSeen] = useState(filter)
  const [sent, setSent] = useState(filter)
  if (filter !== seen) {
    setSeen(filter)
    if (filter !== sent) {
      setSent(filter)
      setDraft(filter)
    }
  }
  const [cursor, setCursor] = useState(filter.length)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  // The draft whose error has been announced: on Enter, or once typing pauses, not per keystroke.
  const [announced, setAnnounced] = useState<string | undefined>(undefined)

  const parsed = useMemo(() => parseRunQuery(draft), [draft])
  const completions = useMemo(
    () => (open ? completeRunFilter(draft, Math.min(cursor, draft.length), vocabulary) : []),
    [open, draft, cursor, vocabulary],
  )
  const expanded = open && completions.length > 0

  const apply = (text: string, replace: boolean) => {
    const trimmed = text.trim()
    setSent(trimmed)
    if (trimmed !== filter.trim()) onFilterChange(trimmed, { replace })
  }

  useEffect(() => {
    if (!parsed.ok) {
      if (announced === draft) return
      const timer = window.setTimeout(() => {
        setAnnounced(draft)
      }, FILTER_DEBOUNCE_MS)
      return () => {
        window.clearTimeout(timer)
      }
    }
    // Already applied, or already sent with Enter and not yet back through the URL.
    if (draft.trim() === filter.trim() || draft.trim() === sent) return
    const timer = window.setTimeout(() => {
      const trimmed = draft.trim()
      setSent(trimmed)
      onFilterChange(trimmed, { replace: true })
    }, FILTER_DEBOUNCE_MS)
    return () => {
      window.clearTimeout(timer)
    }
  }, [draft, parsed.ok, announced, filter, sent, onFilterChange])

  // After a completion, put the caret after what it inserted.
  useLayoutEffect(() => {
    const at = pendingCursor.current
    const input = inputRef.current
    if (at === undefined || input === null) return
    pendingCursor.current = undefined
    input.setSelectionRange(at, at)
  }, [draft])

  // `/` anywhere outside a text field focuses the box.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return
      if (isEditable(event.target)) return
      event.preventDefault()
      inputRef.current?.focus()
    }
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('keydown', onKey)
    }
  }, [])

  const edit = (text: string, caret: number) => {
    setDraft(text)
    setCursor(caret)
    setActive(-1)
    setOpen(true)
  }

  const accept = (completion: FilterCompletion) => {
    const text = draft.slice(0, completion.from) + completion.insert + draft.slice(completion.to)
    const caret = completion.from + completion.insert.length
    pendingCursor.current = caret
    edit(text, caret)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const chosen = completions[active]
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault()
        if (!expanded) {
          setOpen(true)
          setActive(event.key === 'ArrowDown' ? 0 : -1)
          return
        }
        const last = completions.length - 1
        if (event.key === 'ArrowDown') setActive(active >= last ? 0 : active + 1)
        else setActive(active <= 0 ? last : active - 1)
        return
      }
      case 'Enter':
        event.preventDefault()
        if (expanded && chosen !== undefined) accept(chosen)
        else if (parsed.ok) {
          setOpen(false)
          apply(draft, false)
        } else setAnnounced(draft)
        return
      case 'Tab':
        if (expanded && chosen !== undefined) {
          event.preventDefault()
          accept(chosen)
        }
        return
      case 'Escape':
        if (expanded) {
          event.preventDefault()
          setOpen(false)
          setActive(-1)
        }
        return
    }
  }

  const error = parsed.ok ? undefined : parsed.error
  const shownServerError = parsed.ok && draft.trim() === filter.trim() ? serverError : undefined
  const announce = error !== undefined && announced === draft
  const errorMessage = error !== undefined && (
    <p id={errorId} className="filter-error-message">
      {error.message}
    </p>
  )
  const activeId = expanded && active >= 0 ? `${id}-option-${active}` : undefined

  return (
    <div className="filter-input">
      <div className="filter-input-box">
        <input
          ref={inputRef}
          className="input mono filter-input-field"
          role="combobox"
          aria-label="Filter runs"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-invalid={announce || shownServerError !== undefined}
          aria-describedby={announce || shownServerError !== undefined ? errorId : undefined}
          placeholder="Filter runs: metrics.acc > 0.9 AND params.optimizer = 'adam', or a run name (press / to focus)"
          spellCheck={false}
          autoComplete="off"
          value={draft}
          onChange={(event) => {
            edit(event.target.value, event.target.selectionStart ?? event.target.value.length)
          }}
          onSelect={(event) => {
            const caret = event.currentTarget.selectionStart
            if (caret !== null && caret !== cursor) setCursor(caret)
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false)
            setActive(-1)
          }}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label="Filter completions"
          className="filter-completions"
          hidden={!expanded}
        >
          {expanded &&
            completions.map((completion, index) => (
              <li
                key={`${completion.kind}:${completion.label}:${completion.insert}`}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={index === active}
                className="filter-completion"
                onMouseDown={(event) => {
                  // Keep the focus (and the caret) in the box.
                  event.preventDefault()
                  accept(completion)
                }}
              >
                <span className="mono">{completion.label}</span>
                {completion.detail !== undefined && (
                  <span className="filter-completion-detail muted">{completion.detail}</span>
                )}
              </li>
            ))}
        </ul>
      </div>
      {/* Marked once typing pauses: half-typed text (`params.`) is not yet wrong. */}
      {announce && (
        <div className="filter-error">
          <MarkedText text={draft} error={error} />
        </div>
      )}
      {/* Always present, so that screen readers announce what comes into it: a parse error once
          typing pauses (not per keystroke), or the server's objection. */}
      <div role="alert" className="filter-alert">
        {announce && errorMessage}
        {shownServerError !== undefined && (
          <p id={errorId} className="filter-error-message">
            The server rejected this filter: {shownServerError}
          </p>
        )}
      </div>
    </div>
  )
}
