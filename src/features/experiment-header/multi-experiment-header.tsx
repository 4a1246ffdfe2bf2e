import { useQueries } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { experimentQueries } from '@/api/experiments'

/** The header when runs of several experiments share one table: each experiment, by name, as a link. */
export function MultiExperimentHeader({
  experimentIds,
  renderLink,
}: {
  experimentIds: readonly string[]
  renderLink: (experimentId: string, name: string) => ReactNode
}) {
  const queries = useQueries({ queries: experimentIds.map((id) => experimentQueries.get(id)) })
  return (
    <header className="entity-header">
      <div className="page-header">
        <h1>Runs of {experimentIds.length} experiments</h1>
      </div>
      <ul className="experiment-chips" aria-label="Experiments in this table">
        {experimentIds.map((id, index) => {
          const query = queries[index]
          const name = query?.data?.name
          return (
            <li key={id}>
              {name !== undefined ? renderLink(id, name) : query?.isError === true ? `${id} (not found)` : id}
            </li>
          )
        })}
      </ul>
    </header>
  )
}
