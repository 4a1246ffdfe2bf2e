import { useMemo, useState } from 'react'
import {
  parseMlmodel,
  type Mlmodel,
  type MlmodelFlavor,
  type SignatureColumn,
  type SignatureParam,
} from '@/domain/artifacts/mlmodel'
import './previews.css'

export interface MlmodelPreviewProps {
  text: string
  /** The URI to load the model by (`runs:/<runId>/<artifactPath>`); by default built from the file. */
  modelUri?: string | undefined
}

/** An MLmodel file: its flavors, signature and a snippet to load it. */
export function MlmodelPreview({ text, modelUri }: MlmodelPreviewProps) {
  const result = useMemo(() => parseMlmodel(text), [text])
  if (!result.ok) {
    return (
      <div className="mlmodel-preview">
        <p className="preview-warning" role="status">
          Could not read this MLmodel file: {result.error}
        </p>
        <pre className="preview-raw">{text}</pre>
      </div>
    )
  }
  const { model } = result
  return (
    <div className="mlmodel-preview">
      {model.warnings.map((warning) => (
        <p key={warning} className="preview-warning" role="status">
          {warning}
        </p>
      ))}
      <LoadSnippet uri={modelUri ?? defaultUri(model)} />
      <Summary model={model} />
      <section aria-label="Flavors">
        <h3>Flavors</h3>
        {model.flavors.map((flavor) => (
          <Flavor key={flavor.name} flavor={flavor} />
        ))}
      </section>
      <section aria-label="Signature">
        <h3>Signature</h3>
        {model.signature === undefined ? (
          <p className="preview-muted">This model was logged without a signature.</p>
        ) : (
          <>
            <ColumnTable caption="Inputs" columns={model.signature.inputs} />
            <ColumnTable caption="Outputs" columns={model.signature.outputs} />
            {model.signature.params !== undefined && <ParamTable params={model.signature.params} />}
          </>
        )}
      </section>
    </div>
  )
}

function defaultUri(model: Mlmodel): string {
  if (model.runId !== undefined && model.artifactPath !== undefined) {
    return `runs:/${model.runId}/${model.artifactPath}`
  }
  if (model.modelId !== undefined) return `models:/${model.modelId}`
  return `runs:/${model.runId ?? '<run_id>'}/${model.artifactPath ?? '<artifact_path>'}`
}

function LoadSnippet({ uri }: { uri: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>(undefined)
  const snippet = `import mlflow\nmodel = mlflow.pyfunc.load_model(${JSON.stringify(uri)})`
  const copy = () => {
    navigator.clipboard.writeText(snippet).then(
      () => {
        setCopied('yes')
      },
      () => {
        setCopied('failed')
      },
    )
  }
  return (
    <section aria-label="Load this model" className="mlmodel-snippet">
      <div className="preview-toolbar">
        <h3>Load this model</h3>
        <button type="button" onClick={copy}>
          Copy
        </button>
        <span role="status" className="preview-muted">
          {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Could not copy' : ''}
        </span>
      </div>
      <pre className="preview-code">
        <code>{snippet}</code>
      </pre>
    </section>
  )
}

function Summary({ model }: { model: Mlmodel }) {
  const entries: [string, string | undefined][] = [
    ['MLflow version', model.mlflowVersion],
    ['Created (UTC)', model.utcTimeCreated],
    ['Run', model.runId],
    ['Artifact path', model.artifactPath],
    ['Model id', model.modelId],
    ['Model UUID', model.modelUuid === model.modelId ? undefined : model.modelUuid],
    ['Size', model.modelSize === undefined ? undefined : formatBytes(model.modelSize)],
  ]
  return (
    <dl className="preview-details">
      {entries.map(([label, value]) =>
        value === undefined ? null : (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ),
      )}
    </dl>
  )
}

/** The settings a reader looks for first, per flavor; the rest follow in file order. */
const FIRST_KEYS = [
  'loader_module',
  'python_version',
  'sklearn_version',
  'serialization_format',
  'pytorch_version',
  'xgb_version',
]

function Flavor({ flavor }: { flavor: MlmodelFlavor }) {
  const entries = Object.entries(flavor.details).sort(([a], [b]) => rank(a) - rank(b))
  return (
    <div className="mlmodel-flavor">
      <h4>{flavor.name}</h4>
      {entries.length === 0 ? (
        <p className="preview-muted">No settings.</p>
      ) : (
        <dl className="preview-details">
          {entries.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  )
}

function rank(key: string): number {
  const index = FIRST_KEYS.indexOf(key)
  return index < 0 ? FIRST_KEYS.length : index
}

function ColumnTable({ caption, columns }: { caption: string; columns: readonly SignatureColumn[] }) {
  return (
    <table className="preview-spec-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Required</th>
        </tr>
      </thead>
      <tbody>
        {columns.length === 0 ? (
          <tr>
            <td colSpan={3} className="preview-muted">
              None
            </td>
          </tr>
        ) : (
          columns.map((column, index) => (
            <tr key={index}>
              <td>{column.name ?? <span className="preview-muted">(unnamed)</span>}</td>
              <td>
                <code>
                  {column.type}
                  {column.shape === undefined ? '' : ` (${column.shape.join(', ')})`}
                </code>
              </td>
              <td>{column.required ? 'yes' : 'no'}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}

function ParamTable({ params }: { params: readonly SignatureParam[] }) {
  return (
    <table className="preview-spec-table">
      <caption>Parameters</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Default</th>
        </tr>
      </thead>
      <tbody>
        {params.map((param, index) => (
          <tr key={index}>
            <td>{param.name}</td>
            <td>
              <code>{param.type}</code>
            </td>
            <td>
              <code>{param.default ?? ''}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)} ${units[unit] ?? 'TB'}`
}
