import { useQuery } from '@tanstack/react-query'
import { artifactFileUrl, artifactQueries } from '@/api/artifacts'
import { useMlflowClient } from '@/api/client-binding'
import { baseName, parentPath } from '@/domain/artifacts/artifact-path'
import { ARTIFACT_KIND_LABELS, artifactKind } from '@/domain/artifacts/file-kind'
import { formatBytes } from '@/domain/format/format-bytes'
import { isLoggedImagePath } from '@/domain/artifacts/logged-images'
import { ArtifactPreview } from './artifact-preview'
import { LoggedImageSteps } from './logged-image-steps'
import type { ArtifactSource } from '@/domain/artifacts/artifact-source'

interface ArtifactDetailsProps {
  source: ArtifactSource
  /** A file's run-relative path. */
  path: string
  /** Opens another file (the step slider of images logged per step). */
  onSelect: (path: string, isDir: boolean) => void
}

/**
 * The selected file: its name, type and size, and a download link. The link is a plain anchor to
 * the server's `/get-artifact` route, so the browser streams the file to disk instead of holding it
 * in memory. The size comes from the parent directory's listing, which the tree already fetched.
 * Below the metadata, the preview of the file (see artifact-preview.tsx).
 */
export function ArtifactDetails({ source, path, onSelect }: ArtifactDetailsProps) {
  const client = useMlflowClient()
  const listing = useQuery(artifactQueries.list({ source, path: parentPath(path) }))
  const entry = listing.data?.files.find((file) => file.path === path)
  const kind = artifactKind(path)
  const href = artifactFileUrl(client, source, path)
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
      {isLoggedImagePath(path) && <LoggedImageSteps source={source} path={path} onSelect={onSelect} />}
      {/* Wait for the listing: the size decides whether the preview may fetch the file at all. */}
      {listing.isPending ? null : (
        <ArtifactPreview key={path} source={source} path={path} size={entry?.fileSize} downloadHref={href} />
      )}
    </section>
  )
}
