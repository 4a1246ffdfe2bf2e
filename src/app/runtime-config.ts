/**
 * What the server tells the app at start: where it is mounted, which backend it shows. `npm start`
 * writes it into the page (`<meta name="runboard-config">`) and also serves it as
 * `runboard-config.json`; Vite's dev server has neither, so the app falls back to what the page itself
 * says (its base URL, mock mode).
 */

export type BackendMode = 'demo' | 'proxy' | 'local-store'

export interface RuntimeConfig {
  mode: BackendMode
  /** The tracking server or store shown to the user, never with credentials. */
  trackingUri: string | undefined
  scenario: string | undefined
  /** Path prefix the app is served under, with leading and trailing slash (`/`, `/mlflow/`). */
  basePath: string
  version: string | undefined
  /**
   * The Runboard server answers `artifact-frame`: interactive HTML previews as documents with their
   * own policy. Vite's dev server and a static demo build do not.
   */
  artifactFrames: boolean
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function read(body: unknown, key: string): unknown {
  return body !== null && typeof body === 'object' ? Reflect.get(body, key) : undefined
}

/**
 * The path the app is mounted at: the `<base href>` that the `npm start` server writes into the
 * page, or the root when there is none (Vite's dev server).
 */
export function basePathOf(baseHref: string | undefined): string {
  if (baseHref === undefined) return '/'
  const path = new URL(baseHref).pathname
  return path.endsWith('/') ? path : path.slice(0, path.lastIndexOf('/') + 1)
}

export function fallbackConfig(baseHref: string | undefined, mockBuild: boolean): RuntimeConfig {
  return {
    mode: mockBuild ? 'demo' : 'proxy',
    trackingUri: undefined,
    scenario: undefined,
    basePath: basePathOf(baseHref),
    version: undefined,
    artifactFrames: false,
  }
}

export function parseRuntimeConfig(body: unknown, fallback: RuntimeConfig): RuntimeConfig {
  const mode = read(body, 'mode')
  const basePath = text(read(body, 'basePath'))
  return {
    mode: mode === 'demo' || mode === 'proxy' || mode === 'local-store' ? mode : fallback.mode,
    trackingUri: text(read(body, 'trackingUri')),
    scenario: text(read(body, 'scenario')),
    basePath: basePath?.startsWith('/') && basePath.endsWith('/') ? basePath : fallback.basePath,
    version: text(read(body, 'version')),
    artifactFrames: read(body, 'artifactFrames') === true,
  }
}

/** The config the server wrote into the page, if it did. */
export function configFromMeta(
  content: string | undefined,
  fallback: RuntimeConfig,
): RuntimeConfig | undefined {
  if (content === undefined || content === '') return undefined
  try {
    return parseRuntimeConfig(JSON.parse(content), fallback)
  } catch {
    return undefined
  }
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const baseHref = document.querySelector('base')?.href
  const fallback = fallbackConfig(baseHref, import.meta.env.VITE_MOCK === '1')
  const inPage = configFromMeta(
    document.querySelector<HTMLMetaElement>('meta[name="runboard-config"]')?.content,
    fallback,
  )
  if (inPage !== undefined) return inPage
  try {
    const response = await fetch(new URL('runboard-config.json', baseHref ?? window.location.origin), {
      cache: 'no-store',
    })
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return fallback
    return parseRuntimeConfig(await response.json(), fallback)
  } catch {
    return fallback
  }
}
