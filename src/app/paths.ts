/** Typed builders for every route, so links never drift from the route table. Paths are router-relative. */

const segment = encodeURIComponent

export const paths = {
  experiments: () => '/experiments',
  experiment: (experimentId: string) => `/experiments/${segment(experimentId)}`,
  /** One runs table for several experiments: `/experiments/1,2,3`, the commas left literal as separators. */
  experimentsRuns: (experimentIds: readonly string[]) =>
    `/experiments/${experimentIds.map(segment).join(',')}`,
  run: (experimentId: string, runId: string, tab?: RunTab) =>
    `/experiments/${segment(experimentId)}/runs/${segment(runId)}${tab === undefined || tab === 'overview' ? '' : `/${tab}`}`,
  /**
   * The run's Artifacts tab at a file or directory: `/experiments/1/runs/<id>/artifacts/plots/roc.png`,
   * a trailing slash for a directory; each path segment encoded on its own, so the slashes stay.
   */
  runArtifact: (experimentId: string, runId: string, path: string, isDir: boolean) => {
    const encoded = path
      .split('/')
      .filter((part) => part !== '')
      .map(segment)
      .join('/')
    const base = `/experiments/${segment(experimentId)}/runs/${segment(runId)}/artifacts`
    return encoded === '' ? base : `${base}/${encoded}${isDir ? '/' : ''}`
  },
  directRun: (runId: string) => `/runs/${segment(runId)}`,
  /**
   * The Models tab (MLflow 3 logged models) of one experiment or, ids joined by literal commas as in
   * `experimentsRuns`, of several; `search` is its view state, without `?`.
   */
  experimentModels: (experimentIds: string | readonly string[], search = '') =>
    `/experiments/${(typeof experimentIds === 'string' ? [experimentIds] : experimentIds).map(segment).join(',')}/models${search === '' ? '' : `?${search}`}`,
  loggedModel: (experimentId: string, modelId: string) =>
    `/experiments/${segment(experimentId)}/models/${segment(modelId)}`,
  /** A logged model's page with a file or directory of its artifacts selected, as `runArtifact`. */
  loggedModelArtifact: (experimentId: string, modelId: string, path: string, isDir: boolean) => {
    const encoded = path
      .split('/')
      .filter((part) => part !== '')
      .map(segment)
      .join('/')
    const base = `/experiments/${segment(experimentId)}/models/${segment(modelId)}/artifacts`
    return encoded === '' ? base : `${base}/${encoded}${isDir ? '/' : ''}`
  },
  compare: (runIds: readonly string[]) => `/compare?runs=${runIds.map(segment).join(',')}`,
  models: () => '/models',
  model: (name: string) => `/models/${segment(name)}`,
  modelVersion: (name: string, version: string) => `/models/${segment(name)}/versions/${segment(version)}`,
}

export const RUN_TABS = ['overview', 'metrics', 'artifacts'] as const
export type RunTab = (typeof RUN_TABS)[number]

/**
 * MLflow's UI routes live in the URL hash (`#/experiments/1/runs/<id>`). Teams that serve Runboard
 * where MLflow's UI used to be keep their old links working: this maps such a hash to our path.
 */
export function pathFromMlflowHash(hash: string): string | undefined {
  const match = /^#\/?(.*)$/.exec(hash)
  const route = match?.[1]
  if (route === undefined || route === '') return undefined
  const [pathname = '', query = ''] = route.split('?')
  const parts = pathname
    .split('/')
    .filter((part) => part !== '')
    .map(decodeURIComponent)
  const [head, a, b, c, d] = parts
  if (head === 'experiments' && a !== undefined && b === 'runs' && c !== undefined) {
    // MLflow's run page keeps the selected artifact after the tab: `…/artifacts/model/MLmodel`.
    if (d === 'artifacts' && parts.length > 5) return paths.runArtifact(a, c, parts.slice(5).join('/'), false)
    const tab =
      d === 'artifacts' ? 'artifacts' : d === 'model-metrics' || d === 'metrics' ? 'metrics' : undefined
    return paths.run(a, c, tab)
  }
  if (head === 'experiments' && a !== undefined) return paths.experiment(a)
  if (head === 'experiments') return paths.experiments()
  if (head === 'runs' && a !== undefined) return paths.directRun(a)
  if (head === 'compare-runs') {
    const runs = new URLSearchParams(query).get('runs')
    const ids = parseJsonList(runs)
    return ids.length > 0 ? paths.compare(ids) : paths.experiments()
  }
  if (head === 'models' && a !== undefined && b === 'versions' && c !== undefined)
    return paths.modelVersion(a, c)
  if (head === 'models' && a !== undefined) return paths.model(a)
  if (head === 'models') return paths.models()
  return undefined
}

/** MLflow's compare links carry `runs=["a","b"]`. */
function parseJsonList(text: string | null): string[] {
  if (text === null) return []
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
  } catch {
    return []
  }
}

/**
 * On servers with workspaces, the app's URLs carry the workspace as a prefix after the base path
 * (`/mlflow/w/team-a/experiments`), so every link and reload stays in it. The default workspace
 * has no prefix.
 */
export function workspaceFromPath(pathname: string, basePath: string): string | undefined {
  if (!pathname.startsWith(basePath)) return undefined
  const match = /^w\/([^/]+)(\/|$)/.exec(pathname.slice(basePath.length))
  if (match?.[1] === undefined) return undefined
  try {
    return decodeURIComponent(match[1])
  } catch {
    return undefined
  }
}

/** The router's base for a workspace: the app's base path, plus `w/<name>/` unless it is the default. */
export function workspaceBasePath(basePath: string, workspace: string | undefined): string {
  return workspace === undefined ? basePath : `${basePath}w/${encodeURIComponent(workspace)}/`
}
