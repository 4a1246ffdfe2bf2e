import type { HttpHandler } from 'msw'
import { RUN_STATUSES } from '@/domain/runs/run'
import type { MockStore } from '../store/store'
import { MockStoreError } from '../store/store'
import type { MockRun } from '../store/types'
import { encodeRun, encodeRunInfo } from './encode'
import { Fields, invalidParameter, invalidValue, paginate, parsePageToken, protoRoute } from './protocol'
import { validateRunTag } from './tag-validation'
import { searchRuns } from './search'

const VIEW_TYPES = ['ACTIVE_ONLY', 'DELETED_ONLY', 'ALL'] as const
/** `SEARCH_MAX_RESULTS_THRESHOLD` and the proto default of `max_results`. */
const MAX_SEARCH_RESULTS = 50_000
const DEFAULT_SEARCH_RESULTS = 1000

/** A run as runs/get and runs/search send it: `outputs.model_outputs` lists the LoggedModels it produced. */
function encodeRunWithOutputs(run: MockRun): Record<string, unknown> {
  const encoded = encodeRun(run)
  const outputs = run.modelOutputs ?? []
  if (outputs.length === 0) return encoded
  return {
    ...encoded,
    outputs: { model_outputs: outputs.map((output) => ({ model_id: output.modelId, step: output.step })) },
  }
}

export function requireRun(store: MockStore, runId: string): MockRun {
  const run = store.getRun(runId)
  if (run === undefined) throw new MockStoreError('RESOURCE_DOES_NOT_EXIST', `Run with id=${runId} not found`)
  return run
}

export function runHandlers(store: MockStore): HttpHandler[] {
  return [
    ...protoRoute(store, 'post', 'runs/search', async (request) => {
      const fields = await Fields.read(request)
      const maxResults = fields.optionalInt('max_results') ?? DEFAULT_SEARCH_RESULTS
      if (maxResults > MAX_SEARCH_RESULTS) {
        throw invalidValue('max_results', maxResults)
      }
      if (maxResults < 1) {
        throw invalidParameter(
          `Invalid value ${maxResults} for parameter 'max_results' supplied. It must be a positive integer`,
        )
      }
      const offset = parsePageToken(fields.optionalString('page_token'))
      const runs = searchRuns(store, {
        experimentIds: fields.stringList('experiment_ids'),
        filter: fields.optionalString('filter') ?? '',
        orderBy: fields.stringList('order_by'),
        viewType: fields.optionalEnum('run_view_type', VIEW_TYPES) ?? 'ACTIVE_ONLY',
      })
      const { page, nextPageToken } = paginate(runs, offset, maxResults)
      const body: Record<string, unknown> = {}
      if (page.length > 0) body.runs = page.map(encodeRunWithOutputs)
      if (nextPageToken !== undefined) body.next_page_token = nextPageToken
      return body
    }),
    ...protoRoute(store, 'post', 'runs/create', async (request) => {
      const fields = await Fields.read(request)
      const experimentId = fields.optionalString('experiment_id') ?? '0'
      const tags = fields.tags('tags')
      const requestedName = fields.optionalString('run_name')
      const taggedName = tags.get('mlflow.runName')
      if (requestedName && taggedName !== undefined && requestedName !== taggedName) {
        throw invalidParameter(
          `Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='${requestedName}', mlflow.runName='${taggedName}').`,
        )
      }
      const runName = requestedName || taggedName
      if (!runName) {
        // The real server invents a name such as `painted-trout-210`; tests and the app always send one.
        throw invalidParameter('The mocks need a run name: send run_name.')
      }
      const run = store.createRun(experimentId, {
        runName,
        startTime: fields.optionalInt('start_time'),
        userId: fields.optionalString('user_id') ?? '',
        tags,
      })
      const { outputs: _outputs, ...created } = encodeRun(run)
      return { run: created }
    }),
    ...protoRoute(store, 'get', 'runs/get', async (request) => {
      const fields = await Fields.read(request)
      return { run: encodeRunWithOutputs(requireRun(store, fields.runId())) }
    }),
    ...protoRoute(store, 'post', 'runs/update', async (request) => {
      const fields = await Fields.read(request)
      const runId = fields.runId()
      const status = fields.optionalEnum('status', RUN_STATUSES)
      const run = store.updateRun(runId, {
        runName: fields.optionalString('run_name'),
        status,
        endTime: fields.optionalInt('end_time'),
      })
      return { run_info: encodeRunInfo(run) }
    }),
    ...protoRoute(store, 'post', 'runs/delete', async (request) => {
      const fields = await Fields.read(request)
      store.setRunLifecycle(fields.requiredString('run_id'), 'deleted')
      return {}
    }),
    ...protoRoute(store, 'post', 'runs/restore', async (request) => {
      const fields = await Fields.read(request)
      store.setRunLifecycle(fields.requiredString('run_id'), 'active')
      return {}
    }),
    ...protoRoute(store, 'post', 'runs/set-tag', async (request) => {
      const fields = await Fields.read(request)
      const runId = fields.runId()
      const key = fields.requiredString('key')
      const value = validateRunTag(key, fields.optionalString('value') ?? '')
      store.setTag(runId, key, value)
      return {}
    }),
    ...protoRoute(store, 'post', 'runs/delete-tag', async (request) => {
      const fields = await Fields.read(request)
      store.deleteTag(fields.requiredString('run_id'), fields.requiredString('key'))
      return {}
    }),
  ]
}
