import { useId } from 'react'
import { aliasEntries, creatorOf, latestVersionOf } from '@/domain/models/model-list-search'
import type { RegisteredModel } from '@/domain/models/registry'
import { Time } from '@/ui/time'
import type { RegistryLinks } from './registered-model-links'

/** Tags shown in a row before "+N more" (the model page lists them all). */
const SHOWN_TAGS = 3

interface ModelListTableProps {
  models: readonly RegisteredModel[]
  links: RegistryLinks
}

export const CREATOR_EXPLANATION =
  'A registered model has no creator field in MLflow: this is the user who registered its latest version.'

export function ModelListTable({ models, links }: ModelListTableProps) {
  const creatorNoteId = useId()
  return (
    <div className="registry-table-scroller">
      <table className="registry-table" aria-label="Registered models">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Latest version</th>
            <th scope="col">Aliases</th>
            <th scope="col">Tags</th>
            <th scope="col">Last modified</th>
            <th scope="col" title={CREATOR_EXPLANATION} aria-describedby={creatorNoteId}>
              Created by{' '}
              <span className="info-mark" aria-hidden="true">
                i
              </span>
              <span id={creatorNoteId} className="visually-hidden">
                {CREATOR_EXPLANATION}
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {models.map((model) => {
            const latest = latestVersionOf(model)
            const aliases = aliasEntries(model.aliases)
            const tags = Object.entries(model.tags)
              .filter(([key]) => !key.startsWith('mlflow.'))
              .sort(([a], [b]) => a.localeCompare(b))
            const creator = creatorOf(model)
            return (
              <tr key={model.name}>
                <th scope="row" className="registry-name">
                  {links.model(model.name, model.name)}
                </th>
                <td>
                  {latest === undefined ? (
                    <span className="muted">No versions</span>
                  ) : (
                    links.version(model.name, latest.version, `Version ${latest.version}`)
                  )}
                </td>
                <td>
                  {aliases.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul className="alias-list" aria-label={`Aliases of ${model.name}`}>
                      {aliases.map(([alias, version]) => (
                        <li key={alias}>
                          {links.version(
                            model.name,
                            version,
                            <span className="alias-chip">
                              @{alias} <span className="muted">→ v{version}</span>
                            </span>,
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {tags.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul className="tag-list registry-tags" aria-label={`Tags of ${model.name}`}>
                      {tags.slice(0, SHOWN_TAGS).map(([key, value]) => (
                        <li key={key} className="tag" title={`${key}: ${value}`}>
                          {key}: {value}
                        </li>
                      ))}
                      {tags.length > SHOWN_TAGS && (
                        <li className="muted">+{tags.length - SHOWN_TAGS} more</li>
                      )}
                    </ul>
                  )}
                </td>
                <td>
                  <Time epochMs={model.lastUpdatedTimestamp} />
                </td>
                <td>{creator ?? <span className="muted">—</span>}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
