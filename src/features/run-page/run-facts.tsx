import type { ReactNode } from 'react'
import { formatDuration } from '@/domain/format/format-time'
import { SYSTEM_TAGS, type Run } from '@/domain/runs/run'
import { Time } from '@/ui/time'

export interface RunLinks {
  renderExperimentLink: (experimentId: string) => ReactNode
  renderRunLink: (runId: string, label: string) => ReactNode
}

export function formatMetric(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value) || Math.abs(value) >= 1e300) return value > 0 ? '∞' : '−∞'
  return Number.isInteger(value) ? String(value) : value.toPrecision(6).replace(/\.?0+$/, '')
}

export function KeyValueTable({ label, rows }: { label: string; rows: [string, ReactNode][] }) {
  if (rows.length === 0) return <p className="muted">No {label.toLowerCase()}.</p>
  return (
    <table className="kv-table" aria-label={label}>
      <tbody>
        {rows.map(([key, value]) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Who ran what, where and when. */
export function RunFacts({ run, renderExperimentLink, renderRunLink }: { run: Run } & RunLinks) {
  const { info, tags } = run
  const parent = tags[SYSTEM_TAGS.parentRunId]
  const commit = tags[SYSTEM_TAGS.gitCommit]
  return (
    <dl className="facts">
      <div>
        <dt>Run ID</dt>
        <dd className="mono">{info.runId}</dd>
      </div>
      <div>
        <dt>Experiment</dt>
        <dd>{renderExperimentLink(info.experimentId)}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>
          <span className={`status status-${info.status.toLowerCase()}`}>{info.status.toLowerCase()}</span>
        </dd>
      </div>
      <div>
        <dt>Started</dt>
        <dd>
          <Time epochMs={info.startTime} />
        </dd>
      </div>
      <div>
        <dt>Duration</dt>
        <dd>
          {info.startTime !== undefined && info.endTime !== undefined
            ? formatDuration(info.endTime - info.startTime)
            : '—'}
        </dd>
      </div>
      <div>
        <dt>User</dt>
        <dd>{tags[SYSTEM_TAGS.user] ?? info.userId ?? '—'}</dd>
      </div>
      <div>
        <dt>Source</dt>
        <dd className="mono">{tags[SYSTEM_TAGS.sourceName] ?? '—'}</dd>
      </div>
      {commit !== undefined && (
        <div>
          <dt>Git commit</dt>
          <dd className="mono" title={commit}>
            {commit.slice(0, 10)}
            {tags[SYSTEM_TAGS.gitBranch] !== undefined && ` (${tags[SYSTEM_TAGS.gitBranch]})`}
          </dd>
        </div>
      )}
      {parent !== undefined && (
        <div>
          <dt>Parent run</dt>
          <dd>{renderRunLink(parent, parent.slice(0, 8))}</dd>
        </div>
      )}
    </dl>
  )
}
