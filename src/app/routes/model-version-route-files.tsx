import { useQuery } from '@tanstack/react-query'
import { useCallback, type ReactNode } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { runQueries } from '@/api/runs'
import { loggedModelSource, runSource, type ArtifactSource } from '@/domain/artifacts/artifact-source'
import { parseVersionSource, resolveVersionFiles } from '@/domain/models/model-version-source'
import type { ModelVersion } from '@/domain/models/registry'
import { ArtifactBrowser } from '@/features/artifact-browser/artifact-browser'
import { Loading } from '@/ui/states'
import { paths } from '../paths'
import { useRuntimeConfig } from '../runtime-config-context'

/**
 * A version's files in the artifact browser: a LoggedModel's own files (`models:/m-…`), or the
 * directory of its run that the source names (`runs:/<run>/<path>`, or that run's artifact URI plus
 * a path, found by comparing with the run's `artifactUri`). The selected file is `?path=` (a trailing
 * slash for a directory), relative to the model's directory, so a link opens the same file.
 */
export function ModelVersionFiles({ version }: { version: ModelVersion }) {
  const { artifactFrames } = useRuntimeConfig()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const parsed = parseVersionSource(version)
  const runId = parsed.kind === 'uri' ? parsed.runId : undefined
  const run = useQuery({ ...runQueries.get(runId ?? ''), enabled: runId !== undefined })
  const files = resolveVersionFiles(parsed, run.data?.info.artifactUri)

  const raw = params.get('path') ?? ''
  const isDir = raw === '' || raw.endsWith('/')
  const path = raw.replace(/\/+$/, '')
  const onSelect = useCallback(
    (next: string, nextIsDir: boolean) => {
      const query = new URLSearchParams(params)
      if (next === '') query.delete('path')
      else query.set('path', nextIsDir ? `${next}/` : next)
      const search = query.toString()
      void navigate(
        `${paths.modelVersion(version.name, version.version)}${search === '' ? '' : `?${search}`}`,
        { replace: true },
      )
    },
    [navigate, params, version.name, version.version],
  )

  const browser = (source: ArtifactSource, root: string, label: string) => (
    <ArtifactBrowser
      source={source}
      root={root}
      path={path}
      isDir={isDir}
      onSelect={onSelect}
      rootLabel={label}
      rootModelUri={`models:/${version.name}/${version.version}`}
      interactiveFrames={artifactFrames}
    />
  )

  switch (files.kind) {
    case 'logged-model':
      return (
        <>
          <FilesNote>
            The files of logged model <span className="mono">{files.modelId}</span>.
          </FilesNote>
          {browser(loggedModelSource(files.modelId), '', 'Model files')}
        </>
      )
    case 'run':
      return (
        <>
          <FilesNote>
            The run’s artifacts under <span className="mono">{files.path === '' ? '/' : files.path}</span>.
          </FilesNote>
          {browser(runSource(files.runId), files.path, files.path === '' ? 'Artifacts' : files.path)}
        </>
      )
    case 'model-version':
      return (
        <FilesNote>
          This version was copied from{' '}
          <Link to={paths.modelVersion(files.name, files.version)}>
            {files.name} version {files.version}
          </Link>
          : its files are that version’s.
        </FilesNote>
      )
    case 'uri':
      if (files.runId !== undefined && run.isPending) return <Loading label="Finding the model’s files…" />
      return (
        <FilesNote>
          The files are at <span className="mono">{files.uri}</span>, outside the source run’s artifacts, so
          Runboard cannot list them.
        </FilesNote>
      )
    case 'unknown':
      return <FilesNote>This version names no location Runboard can list files from.</FilesNote>
  }
}

function FilesNote({ children }: { children: ReactNode }) {
  return <p className="muted mv-files-note">{children}</p>
}
