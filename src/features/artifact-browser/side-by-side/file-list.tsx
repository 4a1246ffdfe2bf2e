import { artifactFileUrl } from '@/api/artifacts'
import { useMlflowClient } from '@/api/client-binding'
import { baseName } from '@/domain/artifacts/artifact-path'
import { runSource } from '@/domain/artifacts/artifact-source'
import { formatBytes } from '@/domain/format/format-bytes'
import { RunCellHeader } from './run-cell-header'
import { useRunFiles, type ComparedRun, type RenderArtifactLink } from './run-files'

/**
 * Kinds not compared in place (HTML, Markdown, PDF, models, binaries): each run's size, a download
 * link, and a link to the run's own artifact browser, where the file has its full preview.
 */
export function FileList({
  runs,
  baselineId,
  path,
  renderArtifactLink,
}: {
  runs: readonly ComparedRun[]
  baselineId: string
  path: string
  renderArtifactLink: RenderArtifactLink
}) {
  const client = useMlflowClient()
  const files = useRunFiles(runs, path)
  return (
    <div className="sbs-files">
      <p className="muted">This type of file is not compared in place: open it in each run’s artifacts.</p>
      <ul className="sbs-file-list">
        {runs.map((run, index) => {
          const file = files[index] ?? { status: 'pending' }
          return (
            <li
              key={run.runId}
              className="sbs-cell"
              aria-label={run.name}
              style={{ borderTopColor: run.color }}
            >
              <RunCellHeader run={run} baseline={run.runId === baselineId} />
              {file.status === 'pending' && <span className="sbs-state muted">Loading…</span>}
              {file.status === 'missing' && (
                <span className="sbs-state sbs-missing">Missing in this run</span>
              )}
              {file.status === 'error' && (
                <span className="sbs-state sbs-error" role="alert">
                  Could not list this run’s files: {file.error.message}{' '}
                  <button type="button" className="button button-small" onClick={file.retry}>
                    Retry
                  </button>
                </span>
              )}
              {file.status === 'present' && (
                <span className="sbs-file-actions">
                  <span>
                    {file.entry.fileSize === undefined ? 'size unknown' : formatBytes(file.entry.fileSize)}
                  </span>
                  <a
                    className="button button-small"
                    href={artifactFileUrl(client, runSource(run.runId), path)}
                    download={baseName(path)}
                  >
                    Download
                  </a>
                  {renderArtifactLink(run.runId, path)}
                </span>
              )}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
