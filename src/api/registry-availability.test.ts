import { describe, expect, it } from 'vitest'
import { ApiError, errorFromResponse } from './errors'
import { isRegistryUnavailable } from './registry-availability'

const request = { url: 'http://mlflow.test/ajax-api/2.0/mlflow/registered-models/search', method: 'GET' }
const json = (status: number, body: object) =>
  errorFromResponse(
    { status, statusText: '', contentType: 'application/json', body: JSON.stringify(body) },
    request,
  )

describe('isRegistryUnavailable', () => {
  it('see a missing route (an HTML 404 page) as no registry', () => {
    const html = errorFromResponse(
      {
        status: 404,
        statusText: 'Not Found',
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><title>404 Not Found</title><h1>Not Found</h1>',
      },
      request,
    )
    expect(isRegistryUnavailable(html)).toBe(true)
  })

  it('see ENDPOINT_NOT_FOUND, 501 and --artifacts-only servers as no registry', () => {
    expect(isRegistryUnavailable(json(404, { error_code: 'ENDPOINT_NOT_FOUND', message: 'No API' }))).toBe(
      true,
    )
    expect(isRegistryUnavailable(json(501, { error_code: 'NOT_IMPLEMENTED', message: 'no' }))).toBe(true)
    const artifactsOnly = errorFromResponse(
      {
        status: 503,
        statusText: 'Service Unavailable',
        contentType: 'text/html; charset=utf-8',
        body: 'Endpoint: /ajax-api/2.0/mlflow/registered-models/search disabled due to the mlflow server running in `--artifacts-only` mode.',
      },
      request,
    )
    expect(isRegistryUnavailable(artifactsOnly)).toBe(true)
  })

  it('keep a missing model, a server failure and a lost connection as ordinary errors', () => {
    const missing = json(404, {
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: 'Registered Model with name=zzz not found',
    })
    expect(isRegistryUnavailable(missing)).toBe(false)
    expect(isRegistryUnavailable(json(500, { error_code: 'INTERNAL_ERROR', message: 'boom' }))).toBe(false)
    expect(isRegistryUnavailable(new ApiError({ kind: 'network', message: 'offline' }))).toBe(false)
    expect(isRegistryUnavailable(new Error('x'))).toBe(false)
  })
})
