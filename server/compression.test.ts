import { describe, expect, it } from 'vitest'
import { acceptsGzip, isCompressibleType } from './compression'

describe('acceptsGzip', () => {
  it.each([
    { header: 'gzip, deflate, br, zstd', accepts: true },
    { header: 'br;q=1.0, gzip;q=0.8, *;q=0.1', accepts: true },
    { header: 'GZIP', accepts: true },
    { header: '*', accepts: true },
    { header: 'identity', accepts: false },
    { header: 'gzip;q=0', accepts: false },
    { header: 'gzip;q=0, *', accepts: false },
    { header: '*;q=0', accepts: false },
    { header: '', accepts: false },
    { header: undefined, accepts: false },
  ])('$header: $accepts', ({ header, accepts }) => {
    expect(acceptsGzip(header)).toBe(accepts)
  })
})

describe('isCompressibleType', () => {
  it.each([
    { type: 'application/json', compressible: true },
    { type: 'application/json; charset=utf-8', compressible: true },
    { type: 'text/html; charset=utf-8', compressible: true },
    { type: 'text/plain', compressible: true },
    { type: 'application/problem+json', compressible: true },
    { type: 'image/svg+xml', compressible: true },
    { type: 'image/png', compressible: false },
    { type: 'application/octet-stream', compressible: false },
    { type: 'application/zip', compressible: false },
    { type: undefined, compressible: false },
  ])('$type: $compressible', ({ type, compressible }) => {
    expect(isCompressibleType(type)).toBe(compressible)
  })
})
