import type { HttpHandler } from 'msw'
import type { MockStore } from '../store/store'
import { MockStoreError } from '../store/store'
import { encodeExperiment } from './encode'
import { Fields, invalidParameter, paginate, parsePageToken, protoRoute } from './protocol'
import { searchExperiments } from './search'

const VIEW_TYPES = ['ACTIVE_ONLY', 'DELETED_ONLY', 'ALL'] as const
const MAX_EXPERIMENT_NAME = 500

/** On SQL stores an experiment id must parse as an integer. */
function requireExperimentId(fields: Fields): string {
  const experimentId = fields.requiredString('experiment_id')
  if (!/^-?\d+$/.test(experimentId.trim())) {
    throw invalidParameter(`Invalid experiment ID '${experimentId}'. Experiment ID must be a valid integer.`)
  }
  return experimentId
}

function getExperiment(store: MockStore, experimentId: string) {
  const experiment = store.getExperiment(experimentId)
  if (experiment === undefined) {
    throw new MockStoreError('RESOURCE_DOES_NOT_EXIST', `No Experiment with id=${experimentId} exists`)
  }
  return experiment
}

export function experimentHandlers(store: MockStore): HttpHandler[] {
  return [
    ...(['get', 'post'] as const).flatMap((method) =>
      protoRoute(store, method, 'experiments/search', async (request) => {
        const fields = await Fields.read(request, ['order_by'])
        const maxResults = fields.optionalInt('max_results') ?? 0
        const viewType = fields.optionalEnum('view_type', VIEW_TYPES) ?? 'ACTIVE_ONLY'
        const offset = parsePageToken(fields.optionalString('page_token'))
        const experiments = searchExperiments(store.listExperiments(), {
          filter: fields.optionalString('filter') ?? '',
          orderBy: fields.stringList('order_by'),
          viewType,
          maxResults,
        })
        const { page, nextPageToken } = paginate(experiments, offset, maxResults)
        const body: Record<string, unknown> = {}
        if (page.length > 0) body.experiments = page.map(encodeExperiment)
        if (nextPageToken !== undefined) body.next_page_token = nextPageToken
        return body
      }),
    ),
    ...protoRoute(store, 'get', 'experiments/get', async (request) => {
      const fields = await Fields.read(request)
      return { experiment: encodeExperiment(getExperiment(store, requireExperimentId(fields))) }
    }),
    ...protoRoute(store, 'get', 'experiments/get-by-name', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('experiment_name')
      const experiment = store.getExperimentByName(name)
      if (experiment === undefined) {
        throw new MockStoreError('RESOURCE_DOES_NOT_EXIST', `Could not find experiment with name '${name}'`)
      }
      return { experiment: encodeExperiment(experiment) }
    }),
    ...protoRoute(store, 'post', 'experiments/create', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('name')
      if (name.length > MAX_EXPERIMENT_NAME) {
        throw invalidParameter(
          `Experiment name '${name}' had length ${name.length}, which exceeded length limit of ${MAX_EXPERIMENT_NAME}`,
        )
      }
      const tags = fields.tags('tags')
      const experiment = store.createExperiment(name, tags, fields.optionalString('artifact_location'))
      return { experiment_id: experiment.experimentId }
    }),
    ...protoRoute(store, 'post', 'experiments/update', async (request) => {
      const fields = await Fields.read(request)
      const experimentId = requireExperimentId(fields)
      const newName = fields.optionalString('new_name')
      getExperiment(store, experimentId)
      if (newName !== undefined && newName !== '') store.renameExperiment(experimentId, newName)
      return {}
    }),
    ...protoRoute(store, 'post', 'experiments/delete', async (request) => {
      const fields = await Fields.read(request)
      const experimentId = requireExperimentId(fields)
      const experiment = getExperiment(store, experimentId)
      if (experimentId === '0')
        throw invalidParameter("Cannot delete the default experiment '0'. This is a reserved experiment.")
      if (experiment.lifecycleStage !== 'active') {
        throw new MockStoreError('RESOURCE_DOES_NOT_EXIST', `No Experiment with id=${experimentId} exists`)
      }
      store.setExperimentLifecycle(experimentId, 'deleted')
      return {}
    }),
    ...protoRoute(store, 'post', 'experiments/restore', async (request) => {
      const fields = await Fields.read(request)
      const experimentId = requireExperimentId(fields)
      const experiment = getExperiment(store, experimentId)
      if (experiment.lifecycleStage !== 'deleted') {
        throw new MockStoreError('RESOURCE_DOES_NOT_EXIST', `No Experiment with id=${experimentId} exists`)
      }
      store.setExperimentLifecycle(experimentId, 'active')
      return {}
    }),
    ...protoRoute(store, 'post', 'experiments/set-experiment-tag', async (request) => {
      const fields = await Fields.read(request)
      const experimentId = requireExperimentId(fields)
      const key = fields.requiredString('key')
      const value = fields.optionalString('value') ?? ''
      getExperiment(store, experimentId)
      store.setExperimentTag(experimentId, key, value)
      return {}
    }),
    ...protoRoute(store, 'post', 'experiments/delete-experiment-tag', async (request) => {
      const fields = await Fields.read(request)
      const experimentId = requireExperimentId(fields)
      const key = fields.requiredString('key')
      getExperiment(store, experimentId)
      store.deleteExperimentTag(experimentId, key)
      return {}
    }),
  ]
}
