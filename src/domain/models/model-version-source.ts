/**
 * Where a registered model version's files are, from its `source` as MLflow stores it:
 * - `models:/m-<id>`: an MLflow 3 LoggedModel (the version's `modelId`); its files are the model's.
 * - `runs:/<run id>/<path>`: a directory of that run's artifacts (older clients, or a hand-made version).
 * - the run's artifact URI plus a path (`mlflow-artifacts:/1/<run id>/artifacts/model`, `file:///…`):
 *   what `mlflow.register_model("runs:/<id>/model")` stores when the run holds the `MLmodel` itself.
 *   Only the run's own `artifactUri` says whether (and where) such a URI is inside the run.
 * - `models:/<name>/<version>`: a copy of another registered version.
 */

export type VersionFiles =
  | { kind: 'logged-model'; modelId: string }
  /** `path` is relative to the run's artifact root; `''` is the root itself. */
  | { kind: 'run'; runId: string; path: string }
  | { kind: 'model-version'; name: string; version: string }
  /** A URI that may be inside the version's run: resolve it with the run's `artifactUri`. */
  | { kind: 'uri'; uri: string; runId: string | undefined }
  | { kind: 'unknown'; source: string | undefined }

const LOGGED_MODEL = /^models:\/(m-[0-9a-f]{32})\/?$/
const REGISTERED_VERSION = /^models:\/([^/]+)\/([^/]+)\/?$/
const RUNS = /^runs:\/([^/]*)(?:\/(.*))?$/

/** Trims a path's leading and trailing slashes and collapses doubled ones. */
function cleanPath(path: string): string {
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .join('/')
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * What a version's source names, before looking at its run. `modelId` (set by the API layer when the
 * server or the source names a LoggedModel) wins over everything else.
 */
export function parseVersionSource(version: {
  source: string | undefined
  runId: string | undefined
  modelId: string | undefined
}): VersionFiles {
  const { source, runId, modelId } = version
  if (modelId !== undefined && modelId !== '') return { kind: 'logged-model', modelId }
  if (source === undefined || source === '') return { kind: 'unknown', source }
  const loggedModel = LOGGED_MODEL.exec(source)
  if (loggedModel?.[1] !== undefined) return { kind: 'logged-model', modelId: loggedModel[1] }
  const runs = RUNS.exec(source)
  if (runs !== null) {
    // `runs:/<id>/path`; `runs:///path` is not a run MLflow can resolve without context.
    const id = runs[1] ?? ''
    if (id === '') return { kind: 'unknown', source }
    return { kind: 'run', runId: id, path: cleanPath(runs[2] ?? '') }
  }
  const registered = REGISTERED_VERSION.exec(source)
  if (registered?.[1] !== undefined && registered[2] !== undefined) {
    return { kind: 'model-version', name: safeDecode(registered[1]), version: registered[2] }
  }
  // The server may redact a deleted version's source and run (`REDACTED-SOURCE-PATH`).
  if (!source.includes(':') && !source.startsWith('/')) return { kind: 'unknown', source }
  return { kind: 'uri', uri: source, runId: runId === '' ? undefined : runId }
}

/**
 * A URI with the parts that differ between equal locations removed: the scheme's `//host` for
 * `mlflow-artifacts:` (the proxy's address), `file://` for a local path, repeated and trailing slashes.
 */
function comparable(uri: string): string {
  let rest = uri.trim()
  const mlflowArtifacts = /^mlflow-artifacts:(?:\/\/[^/]*)?(\/.*)?$/.exec(rest)
  if (mlflowArtifacts !== null) return `mlflow-artifacts:${squeeze(mlflowArtifacts[1] ?? '/')}`
  const file = /^file:(?:\/\/(?:localhost)?)?(\/.*)$/.exec(rest)
  if (file?.[1] !== undefined) rest = file[1]
  if (rest.startsWith('/')) return `file:${squeeze(safeDecode(rest))}`
  const scheme = /^([a-z][a-z0-9+.-]*):(.*)$/i.exec(rest)
  if (scheme?.[1] !== undefined) return `${scheme[1].toLowerCase()}:${squeeze(scheme[2] ?? '')}`
  return squeeze(rest)
}

function squeeze(path: string): string {
  return path.replace(/\/{2,}/g, '/').replace(/\/+$/, '')
}

/**
 * The path of `uri` inside the run's artifact root `artifactUri`, `''` for the root itself, or
 * undefined when the URI is elsewhere (another run, another store).
 */
export function pathInsideRun(uri: string, artifactUri: string): string | undefined {
  const root = comparable(artifactUri)
  const target = comparable(uri)
  if (root === '' || target === '') return undefined
  if (target === root) return ''
  // `mlflow-artifacts:` (a root of `/`) would otherwise need no slash after it.
  const prefix = root.endsWith(':') || root.endsWith('/') ? root : `${root}/`
  if (!target.startsWith(prefix)) return undefined
  return cleanPath(target.slice(prefix.length))
}

/**
 * The version's files once its run is known: a `uri` source inside the run's artifact root becomes a
 * `run` location; one outside it stays a `uri` (shown, not browsable).
 */
export function resolveVersionFiles(files: VersionFiles, runArtifactUri: string | undefined): VersionFiles {
  if (files.kind !== 'uri' || files.runId === undefined || runArtifactUri === undefined) return files
  const path = pathInsideRun(files.uri, runArtifactUri)
  return path === undefined ? files : { kind: 'run', runId: files.runId, path }
}
