import type { HttpHandler } from 'msw'
import type { MockStore } from '../store/store'
import { MockStoreError } from '../store/store'
import { Fields, invalidParameter, protoRoute } from './protocol'

/** The registry's caps: registered-models/search takes at most 1000 per page. */
const MAX_REGISTERED_MODELS = 1000

/**
 * The model registry and logged models. The worlds hold none yet (the models issue adds them), so
 * searches answer empty and lookups answer as the real server does for an unknown name or id.
 */
export function modelHandlers(store: MockStore): HttpHandler[] {
  return [
    ...protoRoute(store, 'get', 'registered-models/search', async (request) => {
      const fields = await Fields.read(request, ['order_by'])
      const maxResults = fields.optionalInt('max_results') ?? 100
      if (maxResults > MAX_REGISTERED_MODELS || maxResults < 1) {
        throw invalidParameter(
          `Invalid value for max_results. It must be at most ${MAX_REGISTERED_MODELS}, but got value ${maxResults}`,
        )
      }
      return {}
    }),
    ...protoRoute(store, 'get', 'registered-models/get', async (request) => {
      const name = (await Fields.read(request)).requiredString('name')
      throw new MockStoreError('RESOURCE_DOES_NOT_EXIST', `Registered Model with name=${name} not found`)
    }),
    ...protoRoute(store, 'get', 'model-versions/search', async (request) => {
      await Fields.read(request, ['order_by'])
      return {}
    }),
    ...protoRoute(store, 'get', 'model-versions/get', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('name')
      const version = fields.requiredString('version')
      throw new MockStoreError(
        'RESOURCE_DOES_NOT_EXIST',
        `Model Version (name=${name}, version=${version}) not found`,
      )
    }),
    ...protoRoute(store, 'post', 'logged-models/search', async (request) => {
      await Fields.read(request)
      return {}
    }),
    ...protoRoute(store, 'get', 'logged-models/:modelId', (_request, _store, params) => {
      throw new MockStoreError(
        'RESOURCE_DOES_NOT_EXIST',
        `Logged model with ID '${params.modelId ?? ''}' not found.`,
      )
    }),
  ]
}
