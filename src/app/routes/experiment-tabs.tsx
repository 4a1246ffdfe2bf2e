import { Link } from 'react-router'
import { paths } from '../paths'

export type ExperimentTab = 'runs' | 'models'

/** "Runs | Models" under an experiment's header; `experimentIds` as the page's URL has them. */
export function ExperimentTabs({
  experimentIds,
  current,
}: {
  experimentIds: readonly string[]
  current: ExperimentTab
}) {
  const tabs: { tab: ExperimentTab; label: string; to: string }[] = [
    { tab: 'runs', label: 'Runs', to: paths.experimentsRuns(experimentIds) },
    { tab: 'models', label: 'Models', to: paths.experimentModels(experimentIds) },
  ]
  return (
    <nav aria-label="Experiment sections" className="tabs">
      {tabs.map(({ tab, label, to }) => (
        <Link key={tab} to={to} className="tab" aria-current={tab === current ? 'page' : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  )
}
