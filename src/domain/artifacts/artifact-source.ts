/**
 * Whose files an artifact browser shows. A run's own artifacts live under its artifact root; an
 * MLflow 3 LoggedModel (`log_model(name=...)`) keeps its files under the experiment instead, reached
 * through the logged-model routes (contract §7.10, §7.17). Paths are relative to the source's root.
 */
export type ArtifactSource = { kind: 'run'; runId: string } | { kind: 'logged-model'; modelId: string }

export function runSource(runId: string): ArtifactSource {
  return { kind: 'run', runId }
}

export function loggedModelSource(modelId: string): ArtifactSource {
  return { kind: 'logged-model', modelId }
}

/** A stable string for cache keys and React keys: `run:<id>` or `logged-model:<id>`. */
export function sourceKey(source: ArtifactSource): string {
  return source.kind === 'run' ? `run:${source.runId}` : `logged-model:${source.modelId}`
}
