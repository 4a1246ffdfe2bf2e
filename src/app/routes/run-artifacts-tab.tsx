import { useQueries, useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { artifactQueries } from '@/api/artifacts'
import { loggedModelQueries } from '@/api/logged-models'
import { runQueries } from '@/api/runs'
import { loggedModelSource, runSource, type ArtifactSource } from '@/domain/artifacts/artifact-source'
import type { LoggedModel, LoggedModelStatus } from '@/domain/models/registry'
import type { ModelOutput } from '@/domain/runs/run'
import { ArtifactBrowser } from '@/features/artifact-browser/artifact-browser'
import type { ArtifactSourceOption } from '@/features/artifact-browser/artifact-source-picker'
import { paths } from '../paths'
import { useRuntimeConfig } from '../runtime-config-context'

const STATUS_LABELS: Record<LoggedModelStatus, string | undefined> = {
  LOGGED_MODEL_STATUS_UNSPECIFIED: undefined,
  LOGGED_MODEL_PENDING: 'pending upload',
  LOGGED_MODEL_READY: undefined,
  LOGGED_MODEL_UPLOAD_FAILED: 'upload failed',
}

function modelOption(
  output: ModelOutput,
  model: LoggedModel | undefined,
  failed: boolean,
): ArtifactSourceOption {
  const flavor = model?.tags['mlflow.modelType'] ?? model?.modelType
  const status = model?.status === undefined ? undefined : STATUS_LABELS[model.status]
  const detail = [
    'logged model',
    flavor,
    `step ${output.step}`,
    status,
    failed ? 'details could not be loaded' : undefined,
  ]
    .filter((part) => part !== undefined && part !== '')
    .join(' · ')
  return { source: loggedModelSource(output.modelId), label: model?.name ?? output.modelId, detail }
}

/**
 * The run page's Artifacts tab. The selected file or directory is in the path:
 * `…/artifacts/plots/roc.png`, a trailing slash for a directory (`…/artifacts/plots/`); older links
 * with `?path=` still open. A run that logged MLflow 3 models (whose files live under the experiment,
 * not the run) also offers each model's files: `?model=<model id>`. A run without files of its own
 * opens its first model, as MLflow's UI does; `?model=` (empty) insists on the run's own files.
 */
export function RunArtifactsTab({
  experimentId,
  runId,
  pathInUrl,
}: {
  experimentId: string
  runId: string
  /** What follows `…/artifacts/` in the URL, decoded; `''` for none. */
  pathInUrl: string
}) {
  const { artifactFrames } = useRuntimeConfig()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const raw = pathInUrl !== '' ? pathInUrl : (params.get('path') ?? '')
  const isDir = raw === '' || raw.endsWith('/')
  const path = isDir ? raw.replace(/\/+$/, '') : raw
  const modelParam = params.get('model')

  const run = useQuery(runQueries.get(runId))
  const outputs = run.data?.modelOutputs ?? []
  const models = useQueries({
    queries: outputs.map((output) => loggedModelQueries.get(output.modelId)),
  })
  const runListing = useQuery({
    ...artifactQueries.list({ source: runSource(runId) }),
    enabled: modelParam === null,
  })

  const runHasNoFiles = runListing.data !== undefined && runListing.data.files.length === 0
  const fallback = modelParam === null && runHasNoFiles ? outputs[0] : undefined
  // `model=` (empty) is the run's own files, chosen even when there are none.
  const modelId = modelParam === '' ? undefined : (modelParam ?? fallback?.modelId)
  const source: ArtifactSource = modelId === undefined ? runSource(runId) : loggedModelSource(modelId)

  const sources: ArtifactSourceOption[] = [
    { source: runSource(runId), label: 'Run files', detail: runHasNoFiles ? 'none logged' : undefined },
    ...outputs.map((output, index) =>
      modelOption(output, models[index]?.data, models[index]?.isError ?? false),
    ),
  ]
  // A model named in a link that this run did not log (or whose run is still loading) still opens.
  if (modelId !== undefined && !outputs.some((output) => output.modelId === modelId)) {
    sources.push({ source: loggedModelSource(modelId), label: modelId, detail: 'logged model' })
  }

  /** Opens a path (`''` for the root) with the query kept, minus a legacy `path`. */
  const open = useCallback(
    (next: string, nextIsDir: boolean, query: URLSearchParams) => {
      query.delete('path')
      const search = query.toString()
      void navigate(
        `${paths.runArtifact(experimentId, runId, next, nextIsDir)}${search === '' ? '' : `?${search}`}`,
        {
          replace: true,
        },
      )
    },
    [navigate, experimentId, runId],
  )
  const onSelect = useCallback(
    (next: string, nextIsDir: boolean) => {
      const query = new URLSearchParams(params)
      // Keep the fallback model a link away from the same view.
      if (fallback !== undefined && !query.has('model')) query.set('model', fallback.modelId)
      open(next, nextIsDir, query)
    },
    [open, params, fallback],
  )
  const onSourceChange = useCallback(
    (next: ArtifactSource) => {
      const query = new URLSearchParams(params)
      if (next.kind === 'logged-model') query.set('model', next.modelId)
      else if (outputs.length > 0) query.set('model', '')
      else query.delete('model')
      open('', true, query)
    },
    [open, params, outputs.length],
  )

  const modelName = sources.find(
    (option) => option.source.kind === 'logged-model' && option.source.modelId === modelId,
  )?.label
  return (
    <ArtifactBrowser
      source={source}
      path={path}
      isDir={isDir}
      onSelect={onSelect}
      sources={sources}
      onSourceChange={onSourceChange}
      interactiveFrames={artifactFrames}
      rootLabel={modelId === undefined ? 'Artifacts' : `Model ${modelName ?? modelId}`}
      sourceNote={
        fallback !== undefined ? (
          <p className="muted artifact-source-note">
            This run has no files of its own. MLflow 3 keeps a logged model’s files with the model, so its
            model is shown.
          </p>
        ) : undefined
      }
    />
  )
}
