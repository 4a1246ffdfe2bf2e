import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { artifactQueries } from '@/api/artifacts'
import { baseName } from '@/domain/artifacts/artifact-path'
import type { ArtifactSource } from '@/domain/artifacts/artifact-source'
import { ModelDirectory } from './model-directory'

/**
 * What the main pane shows for a directory: a model directory (one holding `MLmodel`, as every
 * `log_model` writes, and the root of a logged model) at a glance, anything else a hint to pick a
 * file. The listing is the one the tree fetched for the directory.
 */
export function DirectoryPanel({
  source,
  dir,
  modelUri,
}: {
  source: ArtifactSource
  dir: string
  /** How code loads a model here, when not by its files' location. */
  modelUri?: string | undefined
}) {
  const listing = useQuery(artifactQueries.list({ source, path: dir }))
  const names = useMemo(
    () =>
      new Set((listing.data?.files ?? []).filter((file) => !file.isDir).map((file) => baseName(file.path))),
    [listing.data],
  )
  if (names.has('MLmodel'))
    return <ModelDirectory source={source} dir={dir} names={names} modelUri={modelUri} />
  return <p className="muted">Pick a file to see it.</p>
}
