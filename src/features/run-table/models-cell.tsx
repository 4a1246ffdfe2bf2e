import { useQueries, useQuery, type QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { mlflowClientOf } from '@/api/client-binding'
import type { MlflowClient } from '@/api/http'
import { searchLoggedModels } from '@/api/logged-models'
import { MAX_MODEL_VERSION_PAGE_SIZE, searchModelVersions } from '@/api/model-registry'
import {
  MODEL_LOOKUP_IDS,
  VERSION_LOOKUP_RUNS,
  idChunks,
  idsInFilter,
  isSafeId,
} from '@/domain/models/logged-model-batch'
import type { ModelVersion } from '@/domain/models/registry'
import type { Run } from '@/domain/runs/run'
import { runModels } from '@/domain/runs/run-models'
import './models-cell.css'

/** Links the page gives the models column (features do not know the router); plain text without them. */
export interface ModelCellLinks {
  renderLoggedModelLink: (experimentId: string, modelId: string, label: string) => ReactNode
  renderModelVersionLink: (name: string, version: string, label: string) => ReactNode
}

/**
 * Collects the keys asked for while rows render and looks them up together on the next tick: the
 * rows on screen cost one request per group (experiment) and chunk, not one per row.
 */
class KeyBatcher<V> {
  private pending = new Map<string, ((value: V | undefined) => void)[]>()
  private failures = new Map<string, ((error: unknown) => void)[]>()
  private scheduled = false

  constructor(
    private readonly lookup: (group: string, keys: string[]) => Promise<Map<string, V>>,
    private readonly size: number,
  ) {}

  load(group: string, key: string): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const id = JSON.stringify([group, key])
      this.pending.set(id, [...(this.pending.get(id) ?? []), resolve])
      this.failures.set(id, [...(this.failures.get(id) ?? []), reject])
      if (!this.scheduled) {
        this.scheduled = true
        setTimeout(() => {
          this.flush()
        }, 0)
      }
    })
  }

  private flush(): void {
    this.scheduled = false
    const pending = this.pending
    const failures = this.failures
    this.pending = new Map()
    this.failures = new Map()
    const byGroup = new Map<string, string[]>()
    for (const id of pending.keys()) {
      const parsed: unknown = JSON.parse(id)
      if (!Array.isArray(parsed)) continue
      const [group, key] = parsed.map(String)
      if (group === undefined || key === undefined) continue
      byGroup.set(group, [...(byGroup.get(group) ?? []), key])
    }
    for (const [group, keys] of byGroup) {
      for (const chunk of idChunks(keys, this.size)) {
        this.lookup(group, chunk).then(
          (found) => {
            for (const key of chunk) {
              for (const resolve of pending.get(JSON.stringify([group, key])) ?? []) resolve(found.get(key))
            }
          },
          (error: unknown) => {
            for (const key of chunk) {
              for (const reject of failures.get(JSON.stringify([group, key])) ?? []) reject(error)
            }
          },
        )
      }
      // Ids that cannot go into a filter have nothing to find.
      for (const key of keys.filter((key) => !isSafeId(key))) {
        for (const resolve of pending.get(JSON.stringify([group, key])) ?? []) resolve(undefined)
      }
    }
  }
}

interface Batchers {
  modelNames: KeyBatcher<string>
  versions: KeyBatcher<ModelVersion[]>
}

const batchersOf = new WeakMap<MlflowClient, Batchers>()

function batchers(queryClient: QueryClient): Batchers {
  const client = mlflowClientOf(queryClient)
  let found = batchersOf.get(client)
  if (found === undefined) {
    found = {
      // Logged models are searched per experiment: `logged-models/search` needs the experiment ids.
      modelNames: new KeyBatcher(async (experimentId, modelIds) => {
        const page = await searchLoggedModels(client, {
          experimentIds: [experimentId],
          filter: idsInFilter('model_id', modelIds),
          maxResults: modelIds.length,
        })
        return new Map(page.items.map((model) => [model.modelId, model.name]))
      }, MODEL_LOOKUP_IDS),
      versions: new KeyBatcher(async (_group, runIds) => {
        const page = await searchModelVersions(client, {
          filter: idsInFilter('run_id', runIds),
          maxResults: MAX_MODEL_VERSION_PAGE_SIZE,
        })
        const byRun = new Map<string, ModelVersion[]>(runIds.map((runId) => [runId, []]))
        for (const version of page.items) {
          if (version.runId !== undefined) byRun.get(version.runId)?.push(version)
        }
        return byRun
      }, VERSION_LOOKUP_RUNS),
    }
    batchersOf.set(client, found)
  }
  return found
}

/** Under `logged-models` and `registry/versions`, so writes that invalidate those refresh the cells. */
const modelNameQuery = (experimentId: string, modelId: string) => ({
  queryKey: ['logged-models', 'name', experimentId, modelId],
  queryFn: async ({ client }: { client: QueryClient }) =>
    (await batchers(client).modelNames.load(experimentId, modelId)) ?? null,
  staleTime: Infinity,
  retry: false,
})

const runVersionsQuery = (runId: string) => ({
  queryKey: ['registry', 'versions', 'by-run', runId],
  queryFn: async ({ client }: { client: QueryClient }) =>
    (await batchers(client).versions.load('', runId)) ?? [],
  retry: false,
})

/**
 * The models column: the run's logged models (MLflow 3, named once the rows on screen have been
 * looked up together) and MLflow 2 `log_model` directories, then the versions registered from the
 * run. Cells mount only for rows on screen, so nothing is fetched for the rest.
 */
export function ModelsCell({ run, links }: { run: Run; links: ModelCellLinks | undefined }) {
  const models = runModels(run)
  const experimentId = run.info.experimentId
  const names = useQueries({
    queries: models.loggedModelIds.map((modelId) => modelNameQuery(experimentId, modelId)),
  })
  const versions = useQuery(runVersionsQuery(run.info.runId))
  const registered = versions.data ?? []
  if (models.loggedModelIds.length === 0 && models.legacy.length === 0 && registered.length === 0) {
    return (
      <span className="missing" aria-label="missing">
        —
      </span>
    )
  }
  const parts: ReactNode[] = []
  models.loggedModelIds.forEach((modelId, index) => {
    const history = models.historyByModelId.get(modelId)
    const label = names[index]?.data ?? history?.registeredModelName ?? history?.artifactPath ?? modelId
    parts.push(
      <span key={`m:${modelId}`} className="model-chip" title={`Logged model ${modelId}`}>
        {links === undefined ? label : links.renderLoggedModelLink(experimentId, modelId, label)}
      </span>,
    )
  })
  models.legacy.forEach((entry, index) => {
    const label = entry.registeredModelName ?? entry.artifactPath ?? 'model'
    parts.push(
      <span key={`h:${index}`} className="model-chip" title="Model in the run’s artifacts">
        {label}
      </span>,
    )
  })
  for (const version of registered) {
    const label = `${version.name} v${version.version}`
    parts.push(
      <span
        key={`v:${version.name}/${version.version}`}
        className="model-chip model-chip-version"
        title="Registered version"
      >
        {links === undefined ? label : links.renderModelVersionLink(version.name, version.version, label)}
      </span>,
    )
  }
  const everything = [
    ...models.loggedModelIds.map((modelId, index) => names[index]?.data ?? modelId),
    ...models.legacy.map((entry) => entry.registeredModelName ?? entry.artifactPath ?? 'model'),
    ...registered.map((version) => `${version.name} v${version.version}`),
  ]
  // The column is narrow: the whole list on hover.
  return (
    <span className="model-chips" title={everything.join('\n')}>
      {parts}
    </span>
  )
}
