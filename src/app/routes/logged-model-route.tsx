import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { experimentQueries } from '@/api/experiments'
import { loggedModelQueries } from '@/api/logged-models'
import { loggedModelSource } from '@/domain/artifacts/artifact-source'
import { ArtifactBrowser } from '@/features/artifact-browser/artifact-browser'
import { LoggedModelOverview } from '@/features/logged-models/logged-model-overview'
import { RegisterModelButton } from '@/features/register-model/register-model-button'
import { paths } from '../paths'
import { useRuntimeConfig } from '../runtime-config-context'

/**
 * `/experiments/1/models/<model id>`: one logged model, and its files below
 * (`…/artifacts/<path>` selects one, a trailing slash for a directory).
 */
export function LoggedModelRoute() {
  const { experimentId = '', modelId = '', '*': artifactPath } = useParams()
  const { artifactFrames } = useRuntimeConfig()
  const navigate = useNavigate()
  // The same queries the page makes: the breadcrumb costs no request of its own.
  const experimentName = useQuery(experimentQueries.get(experimentId)).data?.name
  const modelName = useQuery(loggedModelQueries.get(modelId)).data?.name
  const raw = artifactPath ?? ''
  const isDir = raw === '' || raw.endsWith('/')
  const path = isDir ? raw.replace(/\/+$/, '') : raw
  const onSelect = useCallback(
    (next: string, nextIsDir: boolean) => {
      void navigate(paths.loggedModelArtifact(experimentId, modelId, next, nextIsDir), {
        replace: true,
        preventScrollReset: true,
      })
    },
    [navigate, experimentId, modelId],
  )
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.experiments()}>Experiments</Link>
        <span aria-hidden="true"> / </span>
        <Link to={paths.experiment(experimentId)}>{experimentName ?? `Experiment ${experimentId}`}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={paths.experimentModels(experimentId)}>Models</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{modelName ?? modelId}</span>
      </nav>
      <LoggedModelOverview
        modelId={modelId}
        renderRunLink={(id, runId, label) => <Link to={paths.run(id, runId)}>{label}</Link>}
        renderVersionLink={(name, version, label) => (
          <Link to={paths.modelVersion(name, version)}>{label}</Link>
        )}
        renderActions={(model) => (
          <RegisterModelButton
            target={{ kind: 'logged-model', modelId: model.modelId, sourceRunId: model.sourceRunId }}
            suggestedName={model.name}
            renderVersionLink={(name, version, label) => (
              <Link to={paths.modelVersion(name, version)}>{label}</Link>
            )}
          />
        )}
      />
      {modelName !== undefined && (
        <section className="logged-model-section" aria-labelledby="logged-model-files">
          <h2 id="logged-model-files">Files</h2>
          <ArtifactBrowser
            source={loggedModelSource(modelId)}
            path={path}
            isDir={isDir}
            onSelect={onSelect}
            interactiveFrames={artifactFrames}
            rootLabel={`Model ${modelName}`}
          />
        </section>
      )}
    </div>
  )
}
