import type { FilterVocabulary } from '@/domain/search-filter/complete-filter'
import type { QueryPlan } from '@/domain/search-filter/run-query'
import { FilterChips } from './filter-chips'
import { FilterInput } from './filter-input'
import { QuickFilters, type RunView } from './quick-filters'

export interface FilterBarProps {
  /** The applied filter text, from the URL. */
  filter: string
  onFilterChange: (text: string, options: { replace: boolean }) => void
  /** Keys and known values of the loaded runs, for completion. */
  vocabulary: FilterVocabulary
  view: RunView
  onViewChange: (view: RunView) => void
  /** Which part of the filter the server applies and which the browser does. */
  plan: QueryPlan | undefined
  /** The server's message when it still rejects a filter. */
  serverError: string | undefined
  /** Epoch ms, for the start-time quick ranges. */
  now: number
}

/** The filter box, chips for its clauses, quick filters, and where the filtering happens. */
export function FilterBar(props: FilterBarProps) {
  const { filter, onFilterChange, plan } = props
  return (
    <section className="filter-bar" aria-label="Run filters">
      <FilterInput
        filter={filter}
        onFilterChange={onFilterChange}
        vocabulary={props.vocabulary}
        serverError={props.serverError}
      />
      <div className="filter-bar-row">
        <QuickFilters
          filter={filter}
          onFilterChange={onFilterChange}
          datasets={props.vocabulary.datasets}
          view={props.view}
          onViewChange={props.onViewChange}
          now={props.now}
        />
        <FilterChips filter={filter} onFilterChange={onFilterChange} />
      </div>
      {plan?.clientQuery !== undefined && (
        <p className="filter-plan muted">
          {plan.serverText !== '' && (
            <span>
              Server: <code>{plan.serverText}</code> ·{' '}
            </span>
          )}
          <span>
            Runs in the browser: <code>{plan.clientText}</code>
          </span>
        </p>
      )}
    </section>
  )
}
