import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  displayedTrackingUri,
  helpText,
  normaliseBasePath,
  parseRunboardOptions,
  type ParsedOptions,
  type RunboardConfig,
} from './options'

const root = mkdtempSync(join(tmpdir(), 'runboard-options-'))
const empty = join(root, 'empty')
const withDb = join(root, 'with-db')
const withMlruns = join(root, 'with-mlruns')
const withBoth = join(root, 'with-both')
mkdirSync(empty)
mkdirSync(withDb)
writeFileSync(join(withDb, 'mlflow.db'), '')
mkdirSync(join(withMlruns, 'mlruns'), { recursive: true })
mkdirSync(join(withBoth, 'mlruns'), { recursive: true })
writeFileSync(join(withBoth, 'mlflow.db'), '')
afterAll(() => {
  rmSync(root, { recursive: true, force: true })
})

type Env = Readonly<Record<string, string | undefined>>

function parse(argv: string[], env: Env = {}, cwd = empty): ParsedOptions {
  return parseRunboardOptions({ argv, env, cwd })
}

function config(argv: string[], env: Env = {}, cwd = empty): RunboardConfig {
  const parsed = parse(argv, env, cwd)
  if (parsed.kind !== 'run') throw new Error(`expected a config, got ${JSON.stringify(parsed)}`)
  return parsed.config
}

function errorOf(argv: string[], env: Env = {}, cwd = empty): string {
  const parsed = parse(argv, env, cwd)
  if (parsed.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(parsed)}`)
  return parsed.message
}

const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

describe('parseRunboardOptions: defaults', () => {
  it('serves demo data on 127.0.0.1:5000 at / when nothing is configured', () => {
    expect(config([])).toEqual({
      mode: { kind: 'demo', scenario: 'demo' },
      host: '127.0.0.1',
      port: 5000,
      basePath: '/',
    })
  })

  it('answers --help, -h and --version before validating anything else', () => {
    expect(parse(['--help', '--port', 'nope'])).toEqual({ kind: 'help' })
    expect(parse(['-h'])).toEqual({ kind: 'help' })
    expect(parse(['--version'])).toEqual({ kind: 'version' })
  })
})

describe('parseRunboardOptions: where the data comes from', () => {
  it.each([
    {
      name: 'an http tracking URI flag',
      argv: ['--tracking-uri', 'http://mlflow:5000'],
      env: {},
      mode: {
        kind: 'proxy',
        upstream: { url: 'http://mlflow:5000', authorization: undefined, insecureTls: false },
      },
    },
    {
      name: 'MLFLOW_TRACKING_URI with a path prefix and trailing slash',
      argv: [],
      env: { MLFLOW_TRACKING_URI: 'https://host.example/mlflow/' },
      mode: {
        kind: 'proxy',
        upstream: { url: 'https://host.example/mlflow', authorization: undefined, insecureTls: false },
      },
    },
    {
      name: 'the flag over MLFLOW_TRACKING_URI',
      argv: ['--tracking-uri', 'http://flag:1'],
      env: { MLFLOW_TRACKING_URI: 'http://env:2' },
      mode: {
        kind: 'proxy',
        upstream: { url: 'http://flag:1', authorization: undefined, insecureTls: false },
      },
    },
    {
      name: '--demo over MLFLOW_TRACKING_URI',
      argv: ['--demo'],
      env: { MLFLOW_TRACKING_URI: 'http://env:2' },
      mode: { kind: 'demo', scenario: 'demo' },
    },
    {
      name: '--backend-store-uri over MLFLOW_TRACKING_URI, passed through as given',
      argv: ['--backend-store-uri', './relative/mlruns'],
      env: { MLFLOW_TRACKING_URI: 'http://env:2' },
      mode: {
        kind: 'local-store',
        storeUri: './relative/mlruns',
        defaultArtifactRoot: undefined,
        mlflow: undefined,
      },
    },
    {
      name: 'a sqlite tracking URI, with the mlflow executable and artifact root',
      argv: [
        '--tracking-uri',
        'sqlite:////data/mlflow.db',
        '--mlflow',
        '/opt/mlflow',
        '--default-artifact-root',
        's3://bucket',
      ],
      env: {},
      mode: {
        kind: 'local-store',
        storeUri: 'sqlite:////data/mlflow.db',
        defaultArtifactRoot: 's3://bucket',
        mlflow: '/opt/mlflow',
      },
    },
    {
      name: 'a postgresql+driver URI (a store mlflow server can open)',
      argv: ['--tracking-uri=postgresql+psycopg2://db/mlflow'],
      env: {},
      mode: {
        kind: 'local-store',
        storeUri: 'postgresql+psycopg2://db/mlflow',
        defaultArtifactRoot: undefined,
        mlflow: undefined,
      },
    },
    {
      name: 'a bare path to a folder: a file store, made absolute',
      argv: ['--tracking-uri', 'mlruns'],
      env: {},
      cwd: withMlruns,
      mode: {
        kind: 'local-store',
        storeUri: `file://${withMlruns}/mlruns`,
        defaultArtifactRoot: undefined,
        mlflow: undefined,
      },
    },
    {
      name: 'a bare path to a file: a SQLite database',
      argv: [],
      env: { MLFLOW_TRACKING_URI: join(withDb, 'mlflow.db') },
      mode: {
        kind: 'local-store',
        storeUri: `sqlite:///${withDb}/mlflow.db`,
        defaultArtifactRoot: undefined,
        mlflow: undefined,
      },
    },
  ])('$name', ({ argv, env, cwd, mode }) => {
    expect(config(argv, env, cwd).mode).toEqual(mode)
  })

  it.each([
    { folder: 'an empty folder', cwd: empty, mode: { kind: 'demo', scenario: 'demo' } },
    {
      folder: 'a folder with mlflow.db',
      cwd: withDb,
      mode: {
        kind: 'local-store',
        storeUri: `sqlite:///${withDb}/mlflow.db`,
        defaultArtifactRoot: undefined,
        mlflow: undefined,
      },
    },
    {
      folder: 'a folder with mlruns/',
      cwd: withMlruns,
      mode: {
        kind: 'local-store',
        storeUri: `file://${withMlruns}/mlruns`,
        defaultArtifactRoot: undefined,
        mlflow: undefined,
      },
    },
    {
      folder: 'a folder with both (mlflow.db wins, as in mlflow 3)',
      cwd: withBoth,
      mode: {
        kind: 'local-store',
        storeUri: `sqlite:///${withBoth}/mlflow.db`,
        defaultArtifactRoot: undefined,
        mlflow: undefined,
      },
    },
  ])('with no source configured, opens $folder', ({ cwd, mode }) => {
    expect(config([], {}, cwd).mode).toEqual(mode)
  })

  it('ignores a store in the folder when MLFLOW_TRACKING_URI is set, and an empty variable', () => {
    expect(config([], { MLFLOW_TRACKING_URI: 'http://env:2' }, withDb).mode.kind).toBe('proxy')
    expect(config([], { MLFLOW_TRACKING_URI: '' }, empty).mode.kind).toBe('demo')
  })

  it('takes a scenario with demo data, whether asked for or fallen back to', () => {
    expect(config(['--demo', '--mock-scenario', 'server-error']).mode).toEqual({
      kind: 'demo',
      scenario: 'server-error',
    })
    expect(config(['--mock-scenario=empty']).mode).toEqual({ kind: 'demo', scenario: 'empty' })
  })
})

describe('parseRunboardOptions: credentials', () => {
  const uri = ['--tracking-uri', 'https://alice:p%40ss@mlflow.example:8443/prefix']

  it.each([
    {
      name: 'username and password: Basic',
      env: { MLFLOW_TRACKING_USERNAME: 'bob', MLFLOW_TRACKING_PASSWORD: 'pw' },
      authorization: basic('bob', 'pw'),
    },
    { name: 'a token: Bearer', env: { MLFLOW_TRACKING_TOKEN: 'tok' }, authorization: 'Bearer tok' },
    {
      name: 'both: Basic, as MLflow prefers',
      env: { MLFLOW_TRACKING_USERNAME: 'bob', MLFLOW_TRACKING_PASSWORD: 'pw', MLFLOW_TRACKING_TOKEN: 'tok' },
      authorization: basic('bob', 'pw'),
    },
    { name: 'neither: the URI user info, decoded', env: {}, authorization: basic('alice', 'p@ss') },
  ])('$name', ({ env, authorization }) => {
    const { mode } = config(uri, env)
    if (mode.kind !== 'proxy') throw new Error('expected proxy mode')
    expect(mode.upstream.authorization).toBe(authorization)
    // The URI itself keeps no credentials: it is shown in the UI, the 502s and the logs.
    expect(mode.upstream.url).toBe('https://mlflow.example:8443/prefix')
    expect(displayedTrackingUri(mode)).not.toMatch(/alice|p%40ss|pw|tok/)
  })

  it('skips TLS verification only when asked', () => {
    const insecure = config(uri, { MLFLOW_TRACKING_INSECURE_TLS: 'true' }).mode
    expect(insecure.kind === 'proxy' && insecure.upstream.insecureTls).toBe(true)
  })

  it('hides the password of a database store URI', () => {
    const { mode } = config(['--backend-store-uri', 'postgresql://bob:secret@db:5432/mlflow'])
    expect(displayedTrackingUri(mode)).toBe('postgresql://bob@db:5432/mlflow')
  })
})

describe('parseRunboardOptions: serving', () => {
  it.each([
    { argv: ['--port', '5055'], env: {}, port: 5055 },
    { argv: ['--port=0'], env: {}, port: 0 },
    { argv: [], env: { PORT: '8080' }, port: 8080 },
    { argv: ['--port', '5055'], env: { PORT: '8080' }, port: 5055 },
  ])('port from $argv and $env: $port', ({ argv, env, port }) => {
    expect(config(argv, env).port).toBe(port)
  })

  it.each([
    { argv: ['--base-path', '/mlflow/'], env: {}, basePath: '/mlflow/' },
    { argv: ['--base-path', 'mlflow'], env: {}, basePath: '/mlflow/' },
    { argv: ['--base-path', '/a//b'], env: {}, basePath: '/a/b/' },
    { argv: ['--base-path', '/'], env: {}, basePath: '/' },
    { argv: [], env: { RUNBOARD_BASE_PATH: '/team/mlflow' }, basePath: '/team/mlflow/' },
    { argv: ['--base-path=/flag'], env: { RUNBOARD_BASE_PATH: '/env' }, basePath: '/flag/' },
  ])('base path from $argv and $env: $basePath', ({ argv, env, basePath }) => {
    expect(config(argv, env).basePath).toBe(basePath)
  })

  it('takes --host', () => {
    expect(config(['--host', '0.0.0.0']).host).toBe('0.0.0.0')
  })
})

describe('parseRunboardOptions: invalid input gets one clear line', () => {
  it.each([
    { argv: ['--bogus'], message: 'unknown option --bogus' },
    { argv: ['serve'], message: 'unexpected argument "serve"' },
    { argv: ['--port'], message: '--port needs a value' },
    { argv: ['--port', '--demo'], message: '--port needs a value' },
    { argv: ['--demo=yes'], message: '--demo takes no value' },
    { argv: ['--port', 'http'], message: '--port must be a port number from 0 to 65535, not "http"' },
    { argv: ['--port', '70000'], message: '--port must be a port number from 0 to 65535, not "70000"' },
    { argv: ['--port', '-1'], message: '--port must be a port number from 0 to 65535, not "-1"' },
    {
      argv: ['--base-path', '/a/../b'],
      message: '--base-path must be a plain URL path such as /mlflow/, not "/a/../b"',
    },
    {
      argv: ['--base-path', '/a b'],
      message: '--base-path must be a plain URL path such as /mlflow/, not "/a b"',
    },
    {
      argv: ['--tracking-uri', 'http://a', '--backend-store-uri', 'sqlite:///x'],
      message: 'pass either --tracking-uri or --backend-store-uri, not both',
    },
    {
      argv: ['--demo', '--tracking-uri', 'http://a'],
      message: '--demo serves built-in data; drop it or drop --tracking-uri/--backend-store-uri',
    },
    {
      argv: ['--tracking-uri', 'http://a', '--mock-scenario', 'empty'],
      message: '--mock-scenario works with demo data only (--demo), not with a tracking server',
    },
    {
      argv: ['--demo', '--mock-scenario', 'nope'],
      message:
        '--mock-scenario must be one of demo, contract, empty, huge, runs-20k, charts-bench, sweep-5k, server-error, slow, unreachable; not "nope"',
    },
    {
      argv: ['--tracking-uri', 'databricks'],
      message:
        '--tracking-uri "databricks" is not supported: use http(s)://host:port for a tracking server, or sqlite:, file: or a path for a local store',
    },
    {
      argv: ['--tracking-uri', 'uc:databricks'],
      message:
        '--tracking-uri "uc:databricks" is not supported: use http(s)://host:port for a tracking server, or sqlite:, file: or a path for a local store',
    },
    {
      argv: ['--tracking-uri', 'missing/mlruns'],
      message: `--tracking-uri "missing/mlruns": no such file or folder (${empty}/missing/mlruns)`,
    },
    {
      argv: ['--tracking-uri', 'http://a', '--default-artifact-root', '/tmp/x'],
      message: '--default-artifact-root applies only when Runboard starts MLflow for a local store',
    },
  ])('$argv: $message', ({ argv, message }) => {
    expect(errorOf(argv)).toBe(message)
  })

  it.each([
    { env: { PORT: 'x' }, message: 'PORT must be a port number from 0 to 65535, not "x"' },
    {
      env: { RUNBOARD_BASE_PATH: '/%zz/<' },
      message: 'RUNBOARD_BASE_PATH must be a plain URL path such as /mlflow/, not "/%zz/<"',
    },
    {
      env: { MLFLOW_TRACKING_URI: 'http://a', MLFLOW_TRACKING_USERNAME: 'bob' },
      message:
        'set both MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, or neither (one alone is ignored by MLflow)',
    },
    {
      env: { MLFLOW_TRACKING_URI: 'https://' },
      message: 'MLFLOW_TRACKING_URI is not a valid URL: "https://"',
    },
  ])('$env: $message', ({ env, message }) => {
    expect(errorOf([], env)).toBe(message)
  })
})

describe('normaliseBasePath', () => {
  it('gives a leading and a trailing slash, and keeps "/" as is', () => {
    expect(normaliseBasePath('x/y')).toBe('/x/y/')
    expect(normaliseBasePath('')).toBe('/')
  })
})

describe('helpText', () => {
  it('names every flag and the scenarios', () => {
    const help = helpText('1.2.3')
    for (const flag of [
      '--tracking-uri',
      '--backend-store-uri',
      '--default-artifact-root',
      '--mlflow',
      '--host',
      '--port',
      '--base-path',
      '--demo',
      '--mock-scenario',
      '--help',
    ])
      expect(help).toContain(flag)
    expect(help).toContain('server-error')
    expect(help).toContain('Runboard 1.2.3')
  })
})
