/**
 * Registering a model version from what a run produced: an MLflow 3 logged model
 * (`models:/<model id>`) or a model directory in the run's artifacts (`runs:/<run id>/<path>`).
 */

export type RegisterTarget =
  | { kind: 'logged-model'; modelId: string; sourceRunId: string | undefined }
  | { kind: 'run-artifact'; runId: string; artifactPath: string }

/** What `model-versions/create` is sent besides the name. */
export interface VersionSource {
  source: string
  runId: string | undefined
  modelId: string | undefined
}

export function versionSourceOf(target: RegisterTarget): VersionSource {
  if (target.kind === 'logged-model') {
    return { source: `models:/${target.modelId}`, runId: target.sourceRunId, modelId: target.modelId }
  }
  const path = target.artifactPath.replace(/^\/+|\/+$/g, '')
  return { source: `runs:/${target.runId}/${path}`, runId: target.runId, modelId: undefined }
}

/** Why a registered model name cannot be used, or undefined when it can (the server checks the rest). */
export function registeredModelNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Enter a model name.'
  // The server refuses both (`Names cannot contain '/' or ':'`).
  if (name.includes('/') || name.includes(':')) return 'A model name cannot contain “/” or “:”.'
  return undefined
}

/**
 * The `registered-models/search` filter that suggests names as the user types:
 * `name ILIKE '%<text>%'`; none for blank text. The registry's filter parser trims the quotes off a
 * value and unescapes nothing, so a quote or backslash becomes `_` (any one character), which still
 * matches it.
 */
export function registeredModelNameFilter(text: string): string | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  return `name ILIKE '%${trimmed.replace(/['\\]/g, '_')}%'`
}
