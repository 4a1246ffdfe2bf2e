import { useQueries } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { artifactQueries } from '@/api/artifacts'
import { parentPath } from '@/domain/artifacts/artifact-path'
import type { ArtifactEntry } from '@/domain/artifacts/artifact-entry'
import { runSource } from '@/domain/artifacts/artifact-source'

/** A run as the side-by-side view shows it: its name and its colour on the compare page. */
export interface ComparedRun {
  runId: string
  name: string
  color: string
}

/** A link to one run's own artifact browser at a path, rendered by the app (features have no router). */
export type RenderArtifactLink = (runId: string, path: string) => ReactNode

/** What one run's listing says about one file. */
export type RunFile =
  | { status: 'pending' }
  | { status: 'error'; error: Error; retry: () => void }
  | { status: 'missing' }
  | { status: 'present'; entry: ArtifactEntry }

/**
 * Whether each run has the file at `path`, and its size, from one listing of its parent
 * directory per run (the listings the path picker already fetched, so usually from the cache).
 */
export function useRunFiles(runs: readonly ComparedRun[], path: string): RunFile[] {
  const dir = parentPath(path)
  return useQueries({
    queries: runs.map((run) => artifactQueries.list({ source: runSource(run.runId), path: dir })),
    combine: (results) =>
      results.map((result): RunFile => {
        if (result.data !== undefined) {
          const entry = result.data.files.find((file) => file.path === path && !file.isDir)
          return entry === undefined ? { status: 'missing' } : { status: 'present', entry }
        }
        if (result.status === 'error')
          return {
            status: 'error',
            error: result.error,
            retry: () => {
              void result.refetch()
            },
          }
        return { status: 'pending' }
      }),
  })
}
