import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { artifactQueries } from '@/api/artifacts'
import { joinArtifactPath } from '@/domain/artifacts/artifact-path'
import type { ArtifactSource } from '@/domain/artifacts/artifact-source'
import { pythonVersionOf } from '@/domain/artifacts/mlmodel'
import { ErrorState, Loading } from '@/ui/states'
import { decodeUtf8 } from './artifact-preview'
import { errorText } from './artifact-tree-row'
import { MlmodelPreview } from './mlmodel-preview'
import './previews.css'

/** The most read of each side file: they are small, and a huge one is not worth reading here. */
const SIDE_FILE_LIMIT = 64 * 1024

interface ModelDirectoryProps {
  source: ArtifactSource
  /** A directory holding an `MLmodel` file (`''` for the source's root). */
  dir: string
  /** The names listed in `dir`, to know which side files exist. */
  names: ReadonlySet<string>
  /** How code loads the model (`models:/<name>/<version>`); by default, where its files are. */
  modelUri?: string | undefined
}

/**
 * A model directory at a glance, as `log_model` writes it: the MLmodel (flavors, signature, a load
 * snippet), the input example, the pip requirements and the Python environment. Each file is read
 * on its own (at most 64 KiB for the side files), so one missing or failing file leaves the rest.
 */
export function ModelDirectory({ source, dir, names, modelUri: givenUri }: ModelDirectoryProps) {
  const file = (name: string) => joinArtifactPath(dir, name)
  const modelUri =
    givenUri ??
    (source.kind === 'logged-model'
      ? `models:/${source.modelId}`
      : `runs:/${source.runId}${dir === '' ? '' : `/${dir}`}`)
  return (
    <section className="model-directory" aria-label="MLflow model">
      <h2>MLflow model</h2>
      <SideFile source={source} path={file('MLmodel')} title="MLmodel" limit={1024 * 1024}>
        {(text) => <MlmodelPreview text={text} modelUri={modelUri} />}
      </SideFile>
      {names.has('python_env.yaml') && (
        <SideFile source={source} path={file('python_env.yaml')} title="Python environment">
          {(text) => <PythonEnvironment text={text} />}
        </SideFile>
      )}
      {names.has('requirements.txt') && (
        <SideFile source={source} path={file('requirements.txt')} title="Requirements">
          {(text) => <pre className="preview-raw">{text}</pre>}
        </SideFile>
      )}
      {names.has('input_example.json') && (
        <SideFile source={source} path={file('input_example.json')} title="Input example">
          {(text) => <pre className="preview-raw">{prettyJson(text)}</pre>}
        </SideFile>
      )}
      {names.has('serving_input_example.json') && (
        <SideFile source={source} path={file('serving_input_example.json')} title="Serving input example">
          {(text) => <pre className="preview-raw">{prettyJson(text)}</pre>}
        </SideFile>
      )}
      {!names.has('python_env.yaml') && names.has('conda.yaml') && (
        <SideFile source={source} path={file('conda.yaml')} title="Conda environment">
          {(text) => <pre className="preview-raw">{text}</pre>}
        </SideFile>
      )}
    </section>
  )
}

function PythonEnvironment({ text }: { text: string }) {
  const version = pythonVersionOf(text)
  return (
    <>
      {version !== undefined && (
        <p>
          Python <strong>{version}</strong>
        </p>
      )}
      <pre className="preview-raw">{text}</pre>
    </>
  )
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

interface SideFileProps {
  source: ArtifactSource
  path: string
  title: string
  limit?: number
  children: (text: string) => ReactNode
}

function SideFile({ source, path, title, limit = SIDE_FILE_LIMIT, children }: SideFileProps) {
  const query = useQuery(artifactQueries.content({ source, path, range: { start: 0, end: limit - 1 } }))
  return (
    <section className="model-directory-part" aria-label={title}>
      <h3>{title}</h3>
      {query.isPending && <Loading label={`Loading ${title.toLowerCase()}…`} />}
      {query.isError && (
        <ErrorState
          title={`Could not read ${title.toLowerCase()}`}
          detail={errorText(query.error)}
          onRetry={() => {
            void query.refetch()
          }}
        />
      )}
      {query.data !== undefined && (
        <>
          {query.data.partial && (
            <p className="preview-warning" role="status">
              Only the first {Math.round(limit / 1024)} KB are shown.
            </p>
          )}
          {children(decodeUtf8(query.data.bytes))}
        </>
      )}
    </section>
  )
}
