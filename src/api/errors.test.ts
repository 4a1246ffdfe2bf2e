import { describe, expect, it } from 'vitest'
import { ApiError, errorFromResponse, isTransientError, textExcerpt } from './errors'

const request = { url: 'http://mlflow.test/ajax-api/2.0/mlflow/runs/get', method: 'GET' }

describe('errorFromResponse', () => {
  it('reads MLflow JSON errors, extra keys and all', () => {
    const body = JSON.stringify({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: 'Run with id=abc not found',
      sqlstate: 'KAM00',
      error_class: 'RESOURCE_NOT_FOUND',
    })
    const error = errorFromResponse(
      { status: 404, statusText: 'Not Found', contentType: 'application/json', body },
      request,
    )
    expect(error).toMatchObject({
      kind: 'http',
      status: 404,
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      message: 'Run with id=abc not found',
      ...request,
    })
  })

  it("reads FastAPI's {detail} errors", () => {
    const body = JSON.stringify({ detail: 'Not Found' })
    const error = errorFromResponse(
      { status: 404, statusText: '', contentType: 'application/json', body },
      request,
    )
    expect(error.message).toBe('Not Found')
    expect(error.errorCode).toBeUndefined()
  })

  it('falls back to the text when a JSON content type carries no JSON', () => {
    const error = errorFromResponse(
      { status: 502, statusText: 'Bad Gateway', contentType: 'application/json', body: 'upstream down' },
      request,
    )
    expect(error.message).toBe('upstream down')
  })
})

describe('textExcerpt', () => {
  it.each([
    [
      'a Flask error page',
      '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found.</p>',
      'text/html; charset=utf-8',
      'Not Found The requested URL was not found.',
    ],
    [
      'scripts, styles and entities',
      '<html><head><style>p{}</style></head><body><script>x()</script><p>a &amp; b &#39;c&#x27;</p></body></html>',
      'text/html',
      "a & b 'c'",
    ],
    ['plain text', '  Permission denied\n', 'text/plain', 'Permission denied'],
    ['HTML without a content type', '<html><body><h1>Oops</h1></body></html>', '', 'Oops'],
  ])('shortens %s', (_name, body, contentType, expected) => {
    expect(textExcerpt(body, contentType)).toBe(expected)
  })

  it('truncates long bodies', () => {
    expect(textExcerpt('x'.repeat(1000), 'text/plain')).toHaveLength(300)
  })
})

describe('isTransientError', () => {
  const error = (kind: ApiError['kind'], status = 0) => new ApiError({ kind, status, message: '' })
  it.each([
    [error('network'), true],
    [error('timeout'), true],
    [error('http', 503), true],
    [error('http', 429), true],
    [error('http', 501), false],
    [error('http', 404), false],
    [error('aborted'), false],
    [error('decode', 200), false],
    [new Error('not ours'), false],
  ])('%o → %s', (value, expected) => {
    expect(isTransientError(value)).toBe(expected)
  })
})
