import { useQuery } from '@tanstack/react-query'
import { runArtifactUrl, artifactQueries } from '@/api/artifacts'
import { useMlflowClient } from '@/api/client-binding'
import { baseName, parentPath } from '@/domain/artifacts/artifact-path'
import { ARTIFACT_KIND_LABELS, artifactKind } from '@/domain/artifacts/file-kind'
import { formatBytes } from '@/domain/format/format-bytes'
import { ArtifactPreview } from './artifact-preview'

interface ArtifactDetailsProps {
  runId: string
  /** A file's run-relative path. */
  path: string
}

/**
 * The selected file: its name, type and size, and a download link. The link is a plain anchor to
 * the server's `/get-artifact` route, so the browser streams the file to disk instead of holding it
 * in memory. The size comes from the parent directory's listing, which the tree already fetched.
 * Below the metadata, the preview of the file (see artifact-preview.tsx).
 */
export function ArtifactDetails({ runId, path }: ArtifactDetailsProps) {
  const client = useMlflowClient()
  const listing = useQuery(artifactQueries.list({ runId, path: parentPath(path) }))
  const entry = listing.data?.files.find((file) => file.path === path)
  const kind = artifactKind(path)
  const href = runArtifactUrl(client, runId, path)
  return (
    <section className="artifact-details" aria-label={`File ${baseName(path)}`}>
      <h2>{baseName(path)}</h2>
      <dl>
        <dt>Type</dt>
        <dd>{ARTIFACT_KIND_LABELS[kind]}</dd>
        <dt>Size</dt>
        <dd>{entry?.fileSize === undefined ? '…' : formatBytes(entry.fileSize)}</dd>
        <dt>Path</dt>
        <dd>
          <code>{path}</code>
        </dd>
      </dl>
      <a className="button" href={href} download={baseName(path)}>
        Download
      </a>
      {/* Wait for the listing: the size decides whether the preview may fetch the file at all. */}
      {listing.isPending ? null : (
        <ArtifactPreview key={path} runId={runId} path={path} size={entry?.fileSize} downloadHref={href} />
      )}
    </section>
  )
}
