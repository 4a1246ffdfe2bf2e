import { useMemo } from 'react'
import { filterChips, removeFilterChip } from '@/domain/search-filter/filter-clauses'

interface FilterChipsProps {
  filter: string
  onFilterChange: (text: string, options: { replace: boolean }) => void
}

/** One removable chip per clause of the applied filter. */
export function FilterChips({ filter, onFilterChange }: FilterChipsProps) {
  const chips = useMemo(() => filterChips(filter), [filter])
  if (chips.length === 0) return null
  return (
    <ul className="chips filter-chips" aria-label="Active filters">
      {chips.map((chip) => (
        <li key={chip.id} className="chip">
          <span className="mono filter-chip-label" title={chip.label}>
            {chip.label}
          </span>
          <button
            type="button"
            className="chip-remove"
            aria-label={`Remove filter ${chip.label}`}
            onClick={() => {
              onFilterChange(removeFilterChip(filter, chip), { replace: false })
            }}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  )
}
