import type { ReactNode } from 'react'
import {
  LOGGED_MODEL_STATUS_CLASSES,
  LOGGED_MODEL_STATUS_LABELS,
  latestLoggedModelMetrics,
  loggedModelMetricLabel,
} from '@/domain/models/logged-model-list'
import type { LoggedModel } from '@/domain/models/registry'
import { formatMetricValue } from '@/domain/format/format-number'

export function LoggedModelStatusBadge({ status }: { status: LoggedModel['status'] }) {
  if (status === undefined) return <span className="muted">—</span>
  return <span className={LOGGED_MODEL_STATUS_CLASSES[status]}>{LOGGED_MODEL_STATUS_LABELS[status]}</span>
}

/** `name v3, other v1` as links. */
export function RegistrationLinks({
  registrations,
  renderVersionLink,
  empty,
}: {
  registrations: LoggedModel['registrations']
  renderVersionLink: (name: string, version: string, label: string) => ReactNode
  empty?: ReactNode
}) {
  if (registrations.length === 0) return <>{empty ?? <span className="muted">—</span>}</>
  return (
    <ul className="inline-list" aria-label="Registered versions">
      {registrations.map((registration) => (
        <li key={`${registration.name}/${registration.version}`}>
          {renderVersionLink(
            registration.name,
            registration.version,
            `${registration.name} v${registration.version}`,
          )}
        </li>
      ))}
    </ul>
  )
}

/** Latest metric values, one per metric and dataset, with the dataset's name where the model set one. */
export function MetricList({ model, limit }: { model: LoggedModel; limit?: number }) {
  const metrics = latestLoggedModelMetrics(model.metrics)
  if (metrics.length === 0) return <span className="muted">—</span>
  const shown = limit === undefined ? metrics : metrics.slice(0, limit)
  const hidden = metrics.length - shown.length
  return (
    <ul className="inline-list" aria-label="Metrics">
      {shown.map((metric) => (
        <li key={`${metric.key}:${metric.datasetName ?? ''}:${metric.datasetDigest ?? ''}`}>
          <span className="muted">{loggedModelMetricLabel(metric)}</span>{' '}
          <span className="numeric" title={String(metric.value)}>
            {formatMetricValue(metric.value)}
          </span>
        </li>
      ))}
      {hidden > 0 && <li className="muted">+{hidden} more</li>}
    </ul>
  )
}

export function ParamList({ params, limit }: { params: LoggedModel['params']; limit?: number }) {
  const entries = Object.entries(params).sort(([a], [b]) => a.localeCompare(b))
  if (entries.length === 0) return <span className="muted">—</span>
  const shown = limit === undefined ? entries : entries.slice(0, limit)
  const hidden = entries.length - shown.length
  return (
    <ul className="inline-list" aria-label="Parameters">
      {shown.map(([key, value]) => (
        <li key={key}>
          <span className="muted">{key}</span> <span className="mono">{value}</span>
        </li>
      ))}
      {hidden > 0 && <li className="muted">+{hidden} more</li>}
    </ul>
  )
}
