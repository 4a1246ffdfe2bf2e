/** The app's vocabulary for MLflow experiments. Wire names never leave src/api. */

export type LifecycleStage = 'active' | 'deleted'

/** Which entities a search returns, by lifecycle stage. */
export type ViewType = 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL'

export interface Experiment {
  experimentId: string
  name: string
  artifactLocation: string | undefined
  lifecycleStage: LifecycleStage
  /** Epoch milliseconds. */
  creationTime: number | undefined
  lastUpdateTime: number | undefined
  /** Every tag, system tags (`mlflow.*`) included. */
  tags: Readonly<Record<string, string>>
}

/** Experiment description: a Markdown note kept in a system tag, as MLflow's UI does. */
export const NOTE_TAG = 'mlflow.note.content'
