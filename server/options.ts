/**
 * The command line and environment of `runboard`, turned into one typed config. Pure apart from
 * looking at the current folder for a store (mlflow.db, mlruns/), so that every rule below is
 * table-tested.
 *
 * Where the data comes from, first rule that applies:
 *   1. --demo
 *   2. --tracking-uri or --backend-store-uri (flags; at most one of them)
 *   3. MLFLOW_TRACKING_URI
 *   4. ./mlflow.db, then ./mlruns/ (what `mlflow ui` opens by default)
 *   5. demo data
 * Flags beat environment variables everywhere.
 */

import { existsSync, statSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { SCENARIO_NAMES, isScenarioName, type ScenarioName } from '../mocks/scenario-names'
import { withoutCredentials } from './credentials'

/** A tracking server Runboard forwards MLflow's routes to. */
export interface Upstream {
  /** Origin plus path prefix, without credentials, query or trailing slash: `https://host/mlflow`. */
  url: string
  /** The `Authorization` header to add when the browser sends none. */
  authorization: string | undefined
  /** MLFLOW_TRACKING_INSECURE_TLS: accept any certificate, as MLflow's Python client then does. */
  insecureTls: boolean
}

export type RunboardMode =
  | { kind: 'demo'; scenario: ScenarioName }
  | { kind: 'proxy'; upstream: Upstream }
  | {
      kind: 'local-store'
      /** Passed to `mlflow server --backend-store-uri` as is. */
      storeUri: string
      defaultArtifactRoot: string | undefined
      /** The mlflow executable; undefined: look it up on PATH when starting. */
      mlflow: string | undefined
    }

export interface RunboardConfig {
  mode: RunboardMode
  host: string
  /** 0 picks a free port (tests). */
  port: number
  /** Always starts and ends with `/`. */
  basePath: string
}

export type ParsedOptions =
  | { kind: 'run'; config: RunboardConfig }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string }

export interface OptionsInput {
  argv: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  /** Where to look for ./mlflow.db and ./mlruns, and what relative paths are relative to. */
  cwd: string
}

export const DEFAULT_HOST = '127.0.0.1'
/** As `mlflow ui`, so that bookmarks and muscle memory keep working. */
export const DEFAULT_PORT = 5000

const VALUE_FLAGS = [
  'tracking-uri',
  'backend-store-uri',
  'default-artifact-root',
  'mlflow',
  'host',
  'port',
  'base-path',
  'mock-scenario',
] as const
type ValueFlag = (typeof VALUE_FLAGS)[number]
const SWITCHES = ['demo', 'help', 'version'] as const
type Switch = (typeof SWITCHES)[number]

function isValueFlag(name: string): name is ValueFlag {
  return VALUE_FLAGS.some((flag) => flag === name)
}

function isSwitch(name: string): name is Switch {
  return SWITCHES.some((flag) => flag === name)
}

interface Flags {
  values: Partial<Record<ValueFlag, string>>
  switches: Set<Switch>
}

class OptionError extends Error {}

/** `--name value`, `--name=value`, `-h`; a repeated flag keeps its last value. */
function readFlags(argv: readonly string[]): Flags {
  const flags: Flags = { values: {}, switches: new Set() }
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? ''
    if (arg === '-h') {
      flags.switches.add('help')
      continue
    }
    if (!arg.startsWith('--')) throw new OptionError(`unexpected argument "${arg}"`)
    const equals = arg.indexOf('=')
    const name = arg.slice(2, equals === -1 ? undefined : equals)
    if (isSwitch(name)) {
      if (equals !== -1) throw new OptionError(`--${name} takes no value`)
      flags.switches.add(name)
    } else if (isValueFlag(name)) {
      let value: string | undefined
      if (equals !== -1) value = arg.slice(equals + 1)
      else {
        value = argv[index + 1]
        index++
      }
      if (value === undefined || (equals === -1 && value.startsWith('--')))
        throw new OptionError(`--${name} needs a value`)
      flags.values[name] = value
    } else {
      throw new OptionError(`unknown option --${name}`)
    }
  }
  return flags
}

/** An environment variable, with "set but empty" meaning unset (as `FOO= runboard` intends). */
function envValue(env: OptionsInput['env'], name: string): string | undefined {
  const value = env[name]
  return value === undefined || value === '' ? undefined : value
}

function parsePort(text: string, source: string): number {
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65535)
    throw new OptionError(`${source} must be a port number from 0 to 65535, not "${text}"`)
  return port
}

/**
 * `/mlflow`, `mlflow/` and `/mlflow/` all mean `/mlflow/`. Only plain path segments are allowed:
 * the value ends up in a `<base href>` and in every route match.
 */
export function normaliseBasePath(text: string, source = '--base-path'): string {
  const segments = text.split('/').filter((segment) => segment !== '')
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || !/^[A-Za-z0-9._~!$&'()*+,;=:@%-]+$/.test(segment))
      throw new OptionError(`${source} must be a plain URL path such as /mlflow/, not "${text}"`)
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`
}

const URI_SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/
/** What `mlflow server --backend-store-uri` accepts besides files: SQLAlchemy database URLs. */
const DATABASE_SCHEMES = new Set(['sqlite', 'postgresql', 'mysql', 'mssql'])

function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
}

/**
 * Credentials as MLflow's Python client reads them (`rest_utils.http_request`): username and
 * password first, then a token; a URI's own `user:password@` comes last.
 */
function authorizationFor(env: OptionsInput['env'], url: URL): string | undefined {
  const username = envValue(env, 'MLFLOW_TRACKING_USERNAME')
  const password = envValue(env, 'MLFLOW_TRACKING_PASSWORD')
  if ((username === undefined) !== (password === undefined))
    throw new OptionError(
      'set both MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, or neither (one alone is ignored by MLflow)',
    )
  if (username !== undefined && password !== undefined) return basicAuthorization(username, password)
  const token = envValue(env, 'MLFLOW_TRACKING_TOKEN')
  if (token !== undefined) return `Bearer ${token}`
  if (url.username !== '')
    return basicAuthorization(decodeURIComponent(url.username), decodeURIComponent(url.password))
  return undefined
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['true', '1', 'yes'].includes(value.toLowerCase())
}

function proxyMode(uri: string, source: string, env: OptionsInput['env']): RunboardMode {
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    throw new OptionError(`${source} is not a valid URL: "${uri}"`)
  }
  const authorization = authorizationFor(env, url)
  // Only the origin and path prefix are kept: credentials never reach logs or the browser.
  const path = url.pathname.replace(/\/+$/, '')
  return {
    kind: 'proxy',
    upstream: {
      url: `${url.origin}${path}`,
      authorization,
      insecureTls: isTrue(envValue(env, 'MLFLOW_TRACKING_INSECURE_TLS')),
    },
  }
}

/**
 * A tracking URI that names a store rather than a server. A bare path becomes an absolute URI:
 * an existing file can only be a SQLite database (a file store is a folder), a folder is a file
 * store. It must exist: a typo would otherwise create an empty store.
 */
function storeUriOf(uri: string, source: string, cwd: string): string {
  if (URI_SCHEME.test(uri)) return uri
  const path = isAbsolute(uri) ? uri : resolve(cwd, uri)
  if (!existsSync(path)) throw new OptionError(`${source} "${uri}": no such file or folder (${path})`)
  return statSync(path).isFile() ? `sqlite:///${path}` : pathToFileURL(path).href
}

function trackingUriMode(uri: string, source: string, input: OptionsInput, flags: Flags): RunboardMode {
  const scheme = URI_SCHEME.exec(uri)?.[1]?.toLowerCase()
  if (scheme === 'http' || scheme === 'https') return proxyMode(uri, source, input.env)
  const base = scheme?.split('+')[0]
  // `databricks` is a bare word MLflow reads as a scheme, not a path.
  const storeLike =
    scheme === undefined
      ? uri !== 'databricks'
      : scheme === 'file' || (base !== undefined && DATABASE_SCHEMES.has(base))
  if (storeLike) return localStoreMode(storeUriOf(uri, source, input.cwd), flags)
  throw new OptionError(
    `${source} "${uri}" is not supported: use http(s)://host:port for a tracking server, or sqlite:, file: or a path for a local store`,
  )
}

function localStoreMode(storeUri: string, flags: Flags): RunboardMode {
  return {
    kind: 'local-store',
    storeUri,
    defaultArtifactRoot: flags.values['default-artifact-root'],
    mlflow: flags.values.mlflow,
  }
}

/** Rule 4: what `mlflow ui` would open in this folder. */
function detectStore(cwd: string): string | undefined {
  const database = join(cwd, 'mlflow.db')
  if (existsSync(database) && statSync(database).isFile()) return `sqlite:///${database}`
  const mlruns = join(cwd, 'mlruns')
  // MLflow 3.17 accepts a bare path, file:/ and file:/// alike; the absolute file URI is unambiguous.
  if (existsSync(mlruns) && statSync(mlruns).isDirectory()) return pathToFileURL(mlruns).href
  return undefined
}

function chooseMode(input: OptionsInput, flags: Flags): RunboardMode {
  const { values } = flags
  const scenarioText = values['mock-scenario']
  const demoFlag = flags.switches.has('demo')
  if (values['tracking-uri'] !== undefined && values['backend-store-uri'] !== undefined)
    throw new OptionError('pass either --tracking-uri or --backend-store-uri, not both')
  if (demoFlag && (values['tracking-uri'] !== undefined || values['backend-store-uri'] !== undefined))
    throw new OptionError('--demo serves built-in data; drop it or drop --tracking-uri/--backend-store-uri')

  let mode: RunboardMode
  const trackingUri = values['tracking-uri']
  const backendStoreUri = values['backend-store-uri']
  const envUri = envValue(input.env, 'MLFLOW_TRACKING_URI')
  const detected = demoFlag ? undefined : detectStore(input.cwd)
  if (demoFlag) mode = { kind: 'demo', scenario: 'demo' }
  else if (trackingUri !== undefined) mode = trackingUriMode(trackingUri, '--tracking-uri', input, flags)
  else if (backendStoreUri !== undefined) mode = localStoreMode(backendStoreUri, flags)
  else if (envUri !== undefined) mode = trackingUriMode(envUri, 'MLFLOW_TRACKING_URI', input, flags)
  else if (detected !== undefined) mode = localStoreMode(detected, flags)
  else mode = { kind: 'demo', scenario: 'demo' }

  if (scenarioText !== undefined) {
    if (mode.kind !== 'demo')
      throw new OptionError('--mock-scenario works with demo data only (--demo), not with a tracking server')
    if (!isScenarioName(scenarioText))
      throw new OptionError(
        `--mock-scenario must be one of ${SCENARIO_NAMES.join(', ')}; not "${scenarioText}"`,
      )
    mode = { kind: 'demo', scenario: scenarioText }
  }
  if (values['default-artifact-root'] !== undefined && mode.kind !== 'local-store')
    throw new OptionError(
      '--default-artifact-root applies only when Runboard starts MLflow for a local store',
    )
  return mode
}

export function parseRunboardOptions(input: OptionsInput): ParsedOptions {
  try {
    const flags = readFlags(input.argv)
    if (flags.switches.has('help')) return { kind: 'help' }
    if (flags.switches.has('version')) return { kind: 'version' }
    const portFlag = flags.values.port
    const portEnv = envValue(input.env, 'PORT')
    const port =
      portFlag !== undefined
        ? parsePort(portFlag, '--port')
        : portEnv !== undefined
          ? parsePort(portEnv, 'PORT')
          : DEFAULT_PORT
    const baseFlag = flags.values['base-path']
    const baseEnv = envValue(input.env, 'RUNBOARD_BASE_PATH')
    const basePath =
      baseFlag !== undefined
        ? normaliseBasePath(baseFlag)
        : baseEnv !== undefined
          ? normaliseBasePath(baseEnv, 'RUNBOARD_BASE_PATH')
          : '/'
    const host = flags.values.host ?? DEFAULT_HOST
    if (host === '') throw new OptionError('--host needs a value')
    return { kind: 'run', config: { mode: chooseMode(input, flags), host, port, basePath } }
  } catch (error) {
    if (error instanceof OptionError) return { kind: 'error', message: error.message }
    throw error
  }
}

/** The URI shown to people and to the browser: never with credentials. */
export function displayedTrackingUri(mode: RunboardMode): string {
  switch (mode.kind) {
    case 'demo':
      return `demo:${mode.scenario}`
    case 'proxy':
      return mode.upstream.url
    case 'local-store':
      return withoutCredentials(mode.storeUri)
  }
}

export function helpText(version: string): string {
  return `Runboard ${version}: a fast dashboard for MLflow tracking servers.

Usage: runboard [options]

Where the data comes from (the first that applies):
  --demo                         built-in demo data; needs no MLflow
  --tracking-uri <uri>           http(s)://host:port[/prefix]: proxy a running tracking server;
                                 sqlite:///..., file:///... or a path: open a local store
                                 (env MLFLOW_TRACKING_URI)
  --backend-store-uri <uri>      open a local store, exactly like mlflow ui --backend-store-uri
  (none of these)                ./mlflow.db, else ./mlruns, else demo data

A local store is opened by starting \`mlflow server\` on a private port (MLflow must be installed):
  --mlflow <path>                the mlflow executable (default: mlflow on PATH)
  --default-artifact-root <uri>  passed to mlflow server

Serving:
  --host <host>                  interface to listen on (default ${DEFAULT_HOST})
  --port <port>                  port to listen on (default ${DEFAULT_PORT}; env PORT)
  --base-path <path>             serve under a path prefix such as /mlflow/ (env RUNBOARD_BASE_PATH)
  --mock-scenario <name>         demo data variant: ${SCENARIO_NAMES.join(', ')}

  -h, --help                     show this help
  --version                      print the version

Credentials for a tracking server (sent upstream, never shown in the UI):
  MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD   HTTP Basic auth
  MLFLOW_TRACKING_TOKEN                                   Bearer token
  MLFLOW_TRACKING_INSECURE_TLS=true                       skip TLS certificate checks
  (NODE_EXTRA_CA_CERTS=<file> adds a private certificate authority.)
`
}
