import type { DatasetInput } from '@/domain/runs/run'
import {
  datasetContext,
  datasetLocation,
  parseDatasetProfile,
  parseDatasetSchema,
  type SchemaColumn,
} from '@/domain/runs/run-datasets'

function SchemaTable({ columns, label }: { columns: SchemaColumn[]; label: string }) {
  return (
    <table className="kv-table dataset-schema" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Type</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((column, index) => (
          <tr key={`${index}:${column.name ?? ''}`}>
            <td className="mono">{column.name ?? <span className="muted">(unnamed)</span>}</td>
            <td className="mono">
              {column.type}
              {column.required === false && <span className="muted"> (optional)</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function DatasetCard({ dataset }: { dataset: DatasetInput }) {
  const context = datasetContext(dataset)
  const location = datasetLocation(dataset.source)
  const profile = parseDatasetProfile(dataset.profile)
  const columns = parseDatasetSchema(dataset.schema)
  const label = `${dataset.name}${context === undefined ? '' : ` (${context})`}`
  return (
    <li className="run-card" aria-label={`Dataset ${label}`}>
      <div className="run-card-title">
        <strong>{dataset.name}</strong>
        {context !== undefined && <span className="badge">{context}</span>}
        <span className="mono muted" title="Digest">
          {dataset.digest}
        </span>
      </div>
      <dl className="facts run-card-facts">
        {dataset.sourceType !== undefined && (
          <div>
            <dt>Source type</dt>
            <dd>{dataset.sourceType}</dd>
          </div>
        )}
        {location !== undefined && (
          <div>
            <dt>Source</dt>
            <dd className="mono dataset-location">{location}</dd>
          </div>
        )}
        {profile?.numRows !== undefined && (
          <div>
            <dt>Rows</dt>
            <dd>{profile.numRows.toLocaleString('en')}</dd>
          </div>
        )}
        {profile?.numElements !== undefined && (
          <div>
            <dt>Elements</dt>
            <dd>{profile.numElements.toLocaleString('en')}</dd>
          </div>
        )}
      </dl>
      {columns !== undefined && columns.length > 0 ? (
        <details className="run-card-details">
          <summary>Schema ({columns.length} columns)</summary>
          <SchemaTable columns={columns} label={`Schema of ${label}`} />
        </details>
      ) : dataset.schema !== undefined && dataset.schema !== '' ? (
        <details className="run-card-details">
          <summary>Schema (as logged)</summary>
          <pre className="run-card-pre">{dataset.schema}</pre>
        </details>
      ) : null}
    </li>
  )
}

/** The datasets the run read (`log_input`, autolog): what, which version (digest), for what. */
export function RunDatasets({ datasets }: { datasets: readonly DatasetInput[] }) {
  return (
    <section className="run-section" aria-labelledby="run-datasets-heading">
      <h2 id="run-datasets-heading">Datasets</h2>
      {datasets.length === 0 ? (
        <p className="muted">No datasets logged.</p>
      ) : (
        <ul className="run-cards" aria-label="Datasets">
          {datasets.map((dataset, index) => (
            <DatasetCard key={`${index}:${dataset.name}:${dataset.digest}`} dataset={dataset} />
          ))}
        </ul>
      )}
    </section>
  )
}
