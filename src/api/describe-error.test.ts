import { describe, expect, it } from 'vitest'
import { describeError, UPSTREAM_UNREACHABLE } from './describe-error'
import { ApiError } from './errors'

describe('describeError', () => {
  it('says the server is unreachable for the proxy error and for network failures', () => {
    const proxy = new ApiError({
      kind: 'http',
      status: 502,
      errorCode: UPSTREAM_UNREACHABLE,
      message: 'Cannot reach the tracking server at http://x',
    })
    expect(describeError(proxy)).toEqual({
      title: 'Cannot reach the tracking server',
      detail: 'Cannot reach the tracking server at http://x',
      unreachable: true,
    })
    expect(describeError(new ApiError({ kind: 'network', message: 'fetch failed' })).unreachable).toBe(true)
  })

  it('keeps the server message and names the kind of failure', () => {
    expect(
      describeError(new ApiError({ kind: 'http', status: 404, message: 'No Experiment with id=9 exists' })),
    ).toEqual({
      title: 'Not found',
      detail: 'No Experiment with id=9 exists',
      unreachable: false,
    })
    expect(describeError(new ApiError({ kind: 'http', status: 500, message: 'boom' })).title).toBe(
      'The tracking server failed (500)',
    )
    expect(describeError(new Error('plain')).detail).toBe('plain')
  })
})
