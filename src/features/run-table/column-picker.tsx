import { useVirtualizer } from '@tanstack/react-virtual'
import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type FocusEvent,
  type RefObject,
} from 'react'
import {
  columnId,
  columnLabel,
  parseColumnId,
  type ColumnGroup,
  type ColumnRef,
} from '@/domain/runs/run-columns'

export interface ColumnPickerProps {
  /** Every column the loaded runs offer, in group order: attributes, metrics, params, tags. Can be 5,000+. */
  available: readonly ColumnRef[]
  /** Visible column ids in display order. */
  visible: readonly string[]
  pinned: readonly string[]
  /** Columns whose value is the same in every loaded run. */
  constantIds: ReadonlySet<string>
  hideConstant: boolean
  onChange: (next: { visible: string[]; pinned: string[] }) => void
  onHideConstantChange: (hide: boolean) => void
  /** Back to the default columns. */
  onReset: () => void
}

interface GroupSpec {
  readonly group: ColumnGroup
  readonly title: string
  readonly noun: string
}

const GROUPS: readonly GroupSpec[] = [
  { group: 'attributes', title: 'Attributes', noun: 'attributes' },
  { group: 'metrics', title: 'Metrics', noun: 'metrics' },
  { group: 'params', title: 'Params', noun: 'params' },
  { group: 'tags', title: 'Tags', noun: 'tags' },
]

const SINGULAR: Record<ColumnGroup, string> = {
  attributes: 'attribute',
  metrics: 'metric',
  params: 'param',
  tags: 'tag',
}

/** Most checkboxes one group renders: past this the user narrows the search (5,000 params stay fast). */
export const MAX_ITEMS_PER_GROUP = 200
const VISIBLE_ROW_HEIGHT = 32

const formatCount = (n: number) => n.toLocaleString('en-US')

interface Entry {
  readonly id: string
  readonly ref: ColumnRef
  readonly label: string
  /** Lower-cased key and label, for the search. */
  readonly haystack: string
}

type GroupEntries = Record<ColumnGroup, Entry[]>

function emptyGroups(): GroupEntries {
  return { attributes: [], metrics: [], params: [], tags: [] }
}

function toEntries(available: readonly ColumnRef[]): GroupEntries {
  const groups = emptyGroups()
  for (const ref of available) {
    const label = columnLabel(ref)
    const haystack =
      label === ref.key ? ref.key.toLowerCase() : `${ref.key.toLowerCase()}\n${label.toLowerCase()}`
    groups[ref.group].push({ id: columnId(ref), ref, label, haystack })
  }
  return groups
}

/** Visible ids as the table shows them: pinned ones first, each block in `visible` order, no duplicates. */
function orderColumns(visible: readonly string[], pinned: ReadonlySet<string>): string[] {
  const unique = [...new Set(visible)]
  return [...unique.filter((id) => pinned.has(id)), ...unique.filter((id) => !pinned.has(id))]
}

type RowControl = 'up' | 'down' | 'pin' | 'hide'

interface PendingFocus {
  /** The order the action started from: focus moves once the new order arrives. */
  readonly from: readonly string[]
  /** The row whose control gets focus; undefined = the search box (the list became empty). */
  readonly id: string | undefined
  readonly control: RowControl
  attempts: number
}

/**
 * The runs table's column chooser: a "Columns" button opening a non-modal panel to search the
 * attributes, metrics, params and tags of the loaded runs, show or hide them, order and pin the
 * visible ones, and hide columns whose value never changes. Lists stay bounded for 5,000+ keys.
 */
export function ColumnPicker(props: ColumnPickerProps) {
  const [open, setOpen] = useState(false)
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const panelId = useId()

  useEffect(() => {
    if (!open) return
    // Capture phase: an outside handler that stops propagation still closes the panel.
    const onClick = (event: MouseEvent) => {
      const root = rootRef.current
      if (root === null || !(event.target instanceof Node) || root.contains(event.target)) return
      setOpen(false)
      // Give focus back unless the click put it somewhere else on purpose.
      const active = document.activeElement
      if (active === null || active === document.body || root.contains(active)) {
        buttonRef.current?.focus()
      }
    }
    document.addEventListener('click', onClick, true)
    return () => {
      document.removeEventListener('click', onClick, true)
    }
  }, [open])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || !open) return
    event.preventDefault()
    event.stopPropagation()
    setOpen(false)
    buttonRef.current?.focus()
  }
  // Tabbing (or clicking into another control) out of the panel closes it; focus stays where it went.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget
    if (open && next instanceof Node && !event.currentTarget.contains(next)) setOpen(false)
  }

  return (
    <div ref={rootRef} className="column-picker" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        className="button column-picker-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => {
          setOpen((value) => !value)
        }}
      >
        Columns <span className="badge badge-muted">{formatCount(props.visible.length)}</span>
      </button>
      {open && <ColumnPickerPanel id={panelId} {...props} />}
    </div>
  )
}

function ColumnPickerPanel({
  id,
  available,
  visible,
  pinned,
  constantIds,
  hideConstant,
  onChange,
  onHideConstantChange,
  onReset,
}: ColumnPickerProps & { id: string }) {
  const [query, setQuery] = useState('')
  const searchRef = useRef<HTMLInputElement>(null)
  const switchHintId = useId()
  const visibleHeadingId = useId()

  useEffect(() => {
    searchRef.current?.focus()
  }, [])

  const entries = useMemo(() => toEntries(available), [available])
  const needle = query.trim().toLowerCase()
  const matches = useMemo(() => {
    if (needle === '') return entries
    const result = emptyGroups()
    for (const { group } of GROUPS) {
      result[group] = entries[group].filter((entry) => entry.haystack.includes(needle))
    }
    return result
  }, [entries, needle])
  const entryById = useMemo(() => {
    const map = new Map<string, Entry>()
    for (const { group } of GROUPS) for (const entry of entries[group]) map.set(entry.id, entry)
    return map
  }, [entries])

  const visibleSet = useMemo(() => new Set(visible), [visible])
  const pinnedSet = useMemo(() => new Set(pinned), [pinned])
  const order = useMemo(() => orderColumns(visible, pinnedSet), [visible, pinnedSet])

  const emit = (nextOrder: readonly string[], nextPinned: ReadonlySet<string>) => {
    const nextVisible = orderColumns(nextOrder, nextPinned)
    onChange({ visible: nextVisible, pinned: nextVisible.filter((c) => nextPinned.has(c)) })
  }
  const show = (ids: readonly string[]) => {
    emit([...order, ...ids.filter((c) => !visibleSet.has(c))], pinnedSet)
  }
  const hide = (ids: readonly string[]) => {
    const gone = new Set(ids)
    emit(
      order.filter((c) => !gone.has(c)),
      new Set([...pinnedSet].filter((c) => !gone.has(c))),
    )
  }

  const pendingFocus = useRef<PendingFocus | undefined>(undefined)
  const move = (column: string, delta: -1 | 1) => {
    const from = order.indexOf(column)
    const to = from + delta
    const other = order[to]
    if (from < 0 || other === undefined || pinnedSet.has(other) !== pinnedSet.has(column)) return
    const next = [...order]
    next[to] = column
    next[from] = other
    pendingFocus.current = { from: order, id: column, control: delta < 0 ? 'up' : 'down', attempts: 0 }
    emit(next, pinnedSet)
  }
  const togglePin = (column: string) => {
    const next = new Set(pinnedSet)
    if (next.has(column)) next.delete(column)
    else next.add(column)
    pendingFocus.current = { from: order, id: column, control: 'pin', attempts: 0 }
    emit(order, next)
  }
  const hideFromList = (column: string) => {
    const index = order.indexOf(column)
    const neighbour = order[index + 1] ?? order[index - 1]
    pendingFocus.current = { from: order, id: neighbour, control: 'hide', attempts: 0 }
    hide([column])
  }

  // Names tell apart a metric and a param that share a key.
  const visibleLabels = useMemo(() => {
    const plain = order.map((column) => {
      const entry = entryById.get(column)
      if (entry !== undefined) return { column, label: entry.label, group: entry.ref.group }
      // A column from the link that no loaded run has.
      const ref = parseColumnId(column)
      return { column, label: ref === undefined ? column : columnLabel(ref), group: ref?.group }
    })
    const counts = new Map<string, number>()
    for (const { label } of plain) counts.set(label, (counts.get(label) ?? 0) + 1)
    return new Map(
      plain.map(({ column, label, group }) => [
        column,
        (counts.get(label) ?? 0) > 1 && group !== undefined ? `${label} (${SINGULAR[group]})` : label,
      ]),
    )
  }, [order, entryById])

  const searching = needle !== ''
  const anyMatch = GROUPS.some(({ group }) => matches[group].length > 0)

  return (
    <div id={id} role="dialog" aria-label="Columns" className="column-picker-panel">
      <div className="column-picker-top">
        <input
          ref={searchRef}
          type="search"
          className="input column-picker-search"
          placeholder="Search columns"
          aria-label="Search columns"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value)
          }}
        />
      </div>
      <div className="column-picker-body">
        <div className="column-picker-groups">
          {GROUPS.map((spec) =>
            matches[spec.group].length === 0 ? null : (
              <ColumnGroupSection
                key={spec.group}
                spec={spec}
                total={entries[spec.group].length}
                matching={matches[spec.group]}
                searching={searching}
                visibleSet={visibleSet}
                constantIds={constantIds}
                onShow={show}
                onHide={hide}
              />
            ),
          )}
          {!anyMatch && (
            <p className="muted column-picker-empty">
              {searching ? 'No columns match the search.' : 'The loaded runs have no columns.'}
            </p>
          )}
        </div>
        <section className="column-picker-visible" aria-labelledby={visibleHeadingId}>
          <div className="column-picker-section-head">
            <h3 id={visibleHeadingId}>Visible columns</h3>
            <span className="badge badge-muted">{formatCount(order.length)}</span>
          </div>
          <VisibleColumnList
            order={order}
            labels={visibleLabels}
            pinnedSet={pinnedSet}
            constantIds={constantIds}
            hideConstant={hideConstant}
            pendingFocus={pendingFocus}
            searchRef={searchRef}
            onMove={move}
            onTogglePin={togglePin}
            onHide={hideFromList}
          />
        </section>
      </div>
      <div className="column-picker-footer">
        <label className="column-picker-switch">
          <input
            type="checkbox"
            role="switch"
            checked={hideConstant}
            aria-describedby={switchHintId}
            onChange={(event) => {
              onHideConstantChange(event.target.checked)
            }}
          />
          <span>Hide columns that are the same in every run</span>
        </label>
        <span id={switchHintId} className="muted column-picker-hint">
          {constantIds.size === 1
            ? '1 column is the same in every run'
            : `${formatCount(constantIds.size)} columns are the same in every run`}
        </span>
        <button
          type="button"
          className="button button-small column-picker-reset"
          onClick={() => {
            pendingFocus.current = undefined
            onReset()
          }}
        >
          Reset columns
        </button>
      </div>
    </div>
  )
}

interface GroupSectionProps {
  spec: GroupSpec
  total: number
  matching: readonly Entry[]
  searching: boolean
  visibleSet: ReadonlySet<string>
  constantIds: ReadonlySet<string>
  onShow: (ids: readonly string[]) => void
  onHide: (ids: readonly string[]) => void
}

function ColumnGroupSection({
  spec,
  total,
  matching,
  searching,
  visibleSet,
  constantIds,
  onShow,
  onHide,
}: GroupSectionProps) {
  const baseId = useId()
  const headingId = `${baseId}-heading`
  const shown = matching.length > MAX_ITEMS_PER_GROUP ? matching.slice(0, MAX_ITEMS_PER_GROUP) : matching
  const rest = matching.length - shown.length
  let visibleCount = 0
  for (const entry of matching) if (visibleSet.has(entry.id)) visibleCount += 1
  const scope = searching ? `matching ${spec.noun}` : spec.noun
  return (
    <section role="group" aria-labelledby={headingId} className="column-picker-group">
      <div className="column-picker-section-head">
        <h3 id={headingId}>{spec.title}</h3>
        <span className="badge badge-muted">
          {searching ? `${formatCount(matching.length)} of ${formatCount(total)}` : formatCount(total)}
        </span>
        <span className="column-picker-group-actions">
          <button
            type="button"
            className="button button-small"
            aria-label={`Show all ${scope}`}
            aria-disabled={visibleCount === matching.length}
            onClick={() => {
              if (visibleCount < matching.length) onShow(matching.map((entry) => entry.id))
            }}
          >
            Show all
          </button>
          <button
            type="button"
            className="button button-small"
            aria-label={`Hide all ${scope}`}
            aria-disabled={visibleCount === 0}
            onClick={() => {
              if (visibleCount > 0) onHide(matching.map((entry) => entry.id))
            }}
          >
            Hide all
          </button>
        </span>
      </div>
      <ul className="column-picker-items">
        {shown.map((entry, index) => {
          const constant = constantIds.has(entry.id)
          const noteId = `${baseId}-${index}`
          return (
            <li key={entry.id}>
              <label className="column-picker-item">
                <input
                  type="checkbox"
                  checked={visibleSet.has(entry.id)}
                  aria-describedby={constant ? noteId : undefined}
                  onChange={(event) => {
                    if (event.target.checked) onShow([entry.id])
                    else onHide([entry.id])
                  }}
                />
                <span className="column-picker-key">{entry.label}</span>
              </label>
              {constant && (
                <span id={noteId} className="column-picker-constant">
                  same in all runs
                </span>
              )}
            </li>
          )
        })}
      </ul>
      {rest > 0 && <p className="muted column-picker-more">{formatCount(rest)} more — refine the search</p>}
    </section>
  )
}

interface VisibleListProps {
  order: readonly string[]
  labels: ReadonlyMap<string, string>
  pinnedSet: ReadonlySet<string>
  constantIds: ReadonlySet<string>
  hideConstant: boolean
  pendingFocus: RefObject<PendingFocus | undefined>
  searchRef: RefObject<HTMLInputElement | null>
  onMove: (column: string, delta: -1 | 1) => void
  onTogglePin: (column: string) => void
  onHide: (column: string) => void
}

/** The visible columns in display order, virtualised (a "show all" on 5,000 params stays fast). */
function VisibleColumnList({
  order,
  labels,
  pinnedSet,
  constantIds,
  hideConstant,
  pendingFocus,
  searchRef,
  onMove,
  onTogglePin,
  onHide,
}: VisibleListProps) {
  const scroller = useRef<HTMLDivElement>(null)
  const rows = useRef(new Map<string, HTMLLIElement>())
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => VISIBLE_ROW_HEIGHT,
    overscan: 8,
  })

  // After a move, pin or hide, keep the keyboard where it was: React may re-insert the focused row,
  // and a pinned row can land far away (scrolled out of the virtual window until we scroll to it).
  useLayoutEffect(() => {
    const pending = pendingFocus.current
    if (pending === undefined || pending.from === order) return
    if (pending.id === undefined) {
      pendingFocus.current = undefined
      searchRef.current?.focus()
      return
    }
    const index = order.indexOf(pending.id)
    const target = rows.current
      .get(pending.id)
      ?.querySelector<HTMLElement>(`[data-control="${pending.control}"]`)
    if (index < 0 || target != null || pending.attempts >= 3) {
      pendingFocus.current = undefined
      if (target != null && document.activeElement !== target) target.focus()
      return
    }
    pending.attempts += 1
    virtualizer.scrollToIndex(index)
  })

  if (order.length === 0) return <p className="muted column-picker-empty">No visible columns.</p>
  const items = virtualizer.getVirtualItems()
  const pinnedCount = order.filter((column) => pinnedSet.has(column)).length
  return (
    <div ref={scroller} className="column-picker-visible-scroller">
      <ol className="column-picker-visible-list" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const column = order[item.index]
          if (column === undefined) return null
          const label = labels.get(column) ?? column
          const isPinned = pinnedSet.has(column)
          const first = isPinned ? item.index === 0 : item.index === pinnedCount
          const last = isPinned ? item.index === pinnedCount - 1 : item.index === order.length - 1
          const hiddenAsConstant = hideConstant && constantIds.has(column)
          return (
            <li
              key={column}
              ref={(element) => {
                if (element === null) return
                rows.current.set(column, element)
                return () => {
                  rows.current.delete(column)
                }
              }}
              className="column-picker-visible-row"
              aria-setsize={order.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)`, height: VISIBLE_ROW_HEIGHT }}
            >
              <span className="column-picker-key" title={column}>
                {label}
              </span>
              {isPinned && <span className="badge badge-muted">pinned</span>}
              {hiddenAsConstant && (
                <span className="badge badge-muted" title="Hidden: the same in every run">
                  same in all runs
                </span>
              )}
              <span className="column-picker-row-actions">
                <RowButton
                  control="up"
                  name={`Move ${label} up`}
                  disabled={first}
                  onClick={() => {
                    onMove(column, -1)
                  }}
                >
                  ↑
                </RowButton>
                <RowButton
                  control="down"
                  name={`Move ${label} down`}
                  disabled={last}
                  onClick={() => {
                    onMove(column, 1)
                  }}
                >
                  ↓
                </RowButton>
                <RowButton
                  control="pin"
                  name={`${isPinned ? 'Unpin' : 'Pin'} ${label}`}
                  onClick={() => {
                    onTogglePin(column)
                  }}
                >
                  {isPinned ? 'Unpin' : 'Pin'}
                </RowButton>
                <RowButton
                  control="hide"
                  name={`Hide ${label}`}
                  onClick={() => {
                    onHide(column)
                  }}
                >
                  ×
                </RowButton>
              </span>
            </li>
          )
        })}
      </ol>
    </div>
  )
}

interface RowButtonProps {
  control: RowControl
  name: string
  disabled?: boolean
  onClick: () => void
  children: string
}

/** aria-disabled rather than disabled: a button that becomes disabled under the keyboard would drop focus. */
function RowButton({ control, name, disabled = false, onClick, children }: RowButtonProps) {
  return (
    <button
      type="button"
      className="button button-small column-picker-row-button"
      data-control={control}
      aria-label={name}
      title={name}
      aria-disabled={disabled}
      onClick={() => {
        if (!disabled) onClick()
      }}
    >
      {children}
    </button>
  )
}
