/**
 * Whether a failed registry request means "this server has no model registry" rather than "this
 * request failed". Such a server is shown as a state of its own, not as an error page.
 */

import { isApiError } from './errors'

/**
 * - 404 without MLflow's JSON error: the route does not exist (an HTML "Not Found" page from Flask, a
 *   proxy or an older server). A missing model is also a 404, but with `RESOURCE_DOES_NOT_EXIST`.
 * - `ENDPOINT_NOT_FOUND` (Databricks-style servers without the registry API), whatever the status.
 * - 501 / `NOT_IMPLEMENTED`: a store that does not implement the registry.
 * - 503 from `mlflow server --artifacts-only`, which disables every tracking and registry endpoint.
 */
export function isRegistryUnavailable(error: unknown): boolean {
  if (!isApiError(error) || error.kind !== 'http') return false
  if (error.errorCode === 'ENDPOINT_NOT_FOUND' || error.errorCode === 'NOT_IMPLEMENTED') return true
  if (error.status === 501) return true
  if (error.status === 404) return error.errorCode === undefined
  return error.status === 503 && error.message.includes('--artifacts-only')
}

export const REGISTRY_UNAVAILABLE_TITLE = 'The model registry is not available on this server'
