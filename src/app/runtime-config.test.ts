import { describe, expect, it } from 'vitest'
import { basePathOf, configFromMeta, fallbackConfig, parseRuntimeConfig } from './runtime-config'

describe('runtime config', () => {
  it('takes the base path from <base href>, or the root without one', () => {
    expect(basePathOf('http://host/mlflow/')).toBe('/mlflow/')
    expect(basePathOf('http://host/mlflow/index.html')).toBe('/mlflow/')
    expect(basePathOf(undefined)).toBe('/')
  })

  it('reads what the server sends and falls back field by field', () => {
    const fallback = fallbackConfig(undefined, false)
    expect(
      parseRuntimeConfig(
        {
          mode: 'demo',
          basePath: '/x/',
          trackingUri: 'http://m:5000',
          version: '0.1.0',
          artifactFrames: true,
        },
        fallback,
      ),
    ).toEqual({
      mode: 'demo',
      basePath: '/x/',
      trackingUri: 'http://m:5000',
      scenario: undefined,
      version: '0.1.0',
      artifactFrames: true,
    })
    expect(parseRuntimeConfig({ mode: 'demo', artifactFrames: 'yes' }, fallback).artifactFrames).toBe(false)
    expect(parseRuntimeConfig({ mode: 'weird', basePath: 'no-slash' }, fallback)).toEqual(fallback)
    expect(parseRuntimeConfig('garbage', fallbackConfig(undefined, true)).mode).toBe('demo')
  })

  it('reads the config the server wrote into the page, and ignores a missing or broken one', () => {
    const fallback = fallbackConfig(undefined, false)
    expect(
      configFromMeta('{"mode":"local-store","basePath":"/","trackingUri":"sqlite:///x.db"}', fallback),
    ).toMatchObject({
      mode: 'local-store',
      trackingUri: 'sqlite:///x.db',
    })
    expect(configFromMeta(undefined, fallback)).toBeUndefined()
    expect(configFromMeta('{not json', fallback)).toBeUndefined()
  })
})
