import { useQuery } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import { experimentQueries } from '@/api/experiments'
import { runQueries } from '@/api/runs'
import { formatDuration } from '@/domain/format/format-time'
import { SYSTEM_TAGS, type Run } from '@/domain/runs/run'
import { gitCommitUrl, scriptBaseName, shortCommit } from '@/domain/runs/run-source'
import { Time } from '@/ui/time'

/** A place inside the run's Artifacts tab: a logged model's files, or a directory of the run's own. */
export type ArtifactsTarget = { model: string } | { path: string }

/** Links are the app's business (features do not know the router): it renders them for the page. */
export interface RunLinks {
  renderExperimentLink: (experimentId: string, label: string) => ReactNode
  renderRunLink: (runId: string, label: string) => ReactNode
  renderArtifactsLink: (target: ArtifactsTarget, label: string) => ReactNode
  renderModelVersionLink: (name: string, version: string, label: string) => ReactNode
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

/** A small button that copies `text`, and says whether it worked. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'copied' | 'failed' | undefined>(undefined)
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => {
        setState('copied')
      },
      () => {
        setState('failed')
      },
    )
  }
  return (
    <>
      <button
        type="button"
        className="button button-small button-ghost copy-button"
        onClick={copy}
        aria-label={label}
      >
        Copy
      </button>
      <span role="status" className="copy-status muted">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy' : ''}
      </span>
    </>
  )
}

/** Now, every second while `live`; frozen otherwise. */
function useSecondClock(live: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!live) return undefined
    const tick = () => {
      setNow(Date.now())
    }
    tick()
    const timer = window.setInterval(tick, 1000)
    return () => {
      window.clearInterval(timer)
    }
  }, [live])
  return now
}

function RunDuration({ run }: { run: Run }) {
  const { startTime, endTime, status } = run.info
  const live = status === 'RUNNING' && endTime === undefined && startTime !== undefined
  const now = useSecondClock(live)
  if (startTime === undefined) return <span className="muted">—</span>
  if (endTime !== undefined) return <span>{formatDuration(endTime - startTime)}</span>
  if (!live) return <span className="muted">—</span>
  return <span aria-live="off">{formatDuration(Math.max(0, now - startTime))} so far</span>
}

function ExperimentLink({
  experimentId,
  renderExperimentLink,
}: { experimentId: string } & Pick<RunLinks, 'renderExperimentLink'>) {
  const experiment = useQuery(experimentQueries.get(experimentId))
  // Until the name arrives, and if it never does, the id still leads there.
  return renderExperimentLink(experimentId, experiment.data?.name ?? `Experiment ${experimentId}`)
}

function GitCommit({ tags }: { tags: Run['tags'] }) {
  const commit = tags[SYSTEM_TAGS.gitCommit]
  if (commit === undefined) return null
  const href = gitCommitUrl(tags[SYSTEM_TAGS.gitRepoUrl], commit)
  const branch = tags[SYSTEM_TAGS.gitBranch]
  const short = shortCommit(commit)
  return (
    <div>
      <dt>Git commit</dt>
      <dd className="fact-with-actions">
        {href === undefined ? (
          <span className="mono" title={commit}>
            {short}
          </span>
        ) : (
          <a className="mono" href={href} title={commit} target="_blank" rel="noopener noreferrer">
            {short}
          </a>
        )}
        {branch !== undefined && <span className="muted"> on {branch}</span>}
        <CopyButton text={commit} label="Copy git commit" />
      </dd>
    </div>
  )
}

/** Who ran what, where and when. */
export function RunFacts({
  run,
  renderExperimentLink,
  renderRunLink,
}: { run: Run } & Pick<RunLinks, 'renderExperimentLink' | 'renderRunLink'>) {
  const { info, tags } = run
  const parent = tags[SYSTEM_TAGS.parentRunId]
  const sourceName = tags[SYSTEM_TAGS.sourceName]
  const sourceType = tags[SYSTEM_TAGS.sourceType]
  return (
    <section aria-label="Run facts">
      <dl className="facts run-facts">
        <div>
          <dt>Experiment</dt>
          <dd>
            <ExperimentLink experimentId={info.experimentId} renderExperimentLink={renderExperimentLink} />
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`status status-${info.status.toLowerCase()}`}>{info.status.toLowerCase()}</span>
          </dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>
            <RunDuration run={run} />
          </dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            <Time epochMs={info.startTime} />
          </dd>
        </div>
        <div>
          <dt>Ended</dt>
          <dd>
            <Time epochMs={info.endTime} />
          </dd>
        </div>
        <div>
          <dt>User</dt>
          <dd>{tags[SYSTEM_TAGS.user] ?? info.userId ?? '—'}</dd>
        </div>
        <div>
          <dt>Run ID</dt>
          <dd className="fact-with-actions">
            <span className="mono">{info.runId}</span>
            <CopyButton text={info.runId} label="Copy run ID" />
          </dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>
            {sourceName === undefined ? (
              <span className="muted">—</span>
            ) : (
              <span className="mono" title={sourceName}>
                {scriptBaseName(sourceName)}
              </span>
            )}
            {sourceType !== undefined && (
              <span className="badge badge-muted source-type">{sourceType.toLowerCase()}</span>
            )}
          </dd>
        </div>
        <GitCommit tags={tags} />
        {parent !== undefined && (
          <div>
            <dt>Parent run</dt>
            <dd>
              <ParentRunLink parentId={parent} renderRunLink={renderRunLink} />
            </dd>
          </div>
        )}
      </dl>
    </section>
  )
}

/** The parent by name once it is known; its id until then, or when it cannot be read. */
function ParentRunLink({ parentId, renderRunLink }: { parentId: string } & Pick<RunLinks, 'renderRunLink'>) {
  const parent = useQuery(runQueries.get(parentId))
  const name = parent.data?.info.runName
  return renderRunLink(parentId, name === undefined || name === '' ? parentId.slice(0, 8) : name)
}
