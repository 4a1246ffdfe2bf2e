/**
 * The runs that real training code logged (autolog, log_model, nested start_run, a git checkout,
 * a crash): only the real server has them, so instead of comparing with the mocks, read them with the
 * app's own client, as the app will, and check what MLflow itself recorded.
 */

import { describe, expect, inject, it } from 'vitest'
import { listArtifacts } from '@/api/artifacts'
import { createMlflowClient } from '@/api/http'
import { getMetricHistory } from '@/api/metrics'
import { getRun, searchRuns } from '@/api/runs'
import { SYSTEM_TAGS, type Run } from '@/domain/runs/run'

const client = createMlflowClient({ baseUrl: inject('mlflowUrl') })
const realUsage = inject('realUsageRuns')

function idOf(name: string): string {
  const run = realUsage.find((candidate) => candidate.name === name)
  if (run === undefined) throw new Error(`the seed logged no run named ${name}`)
  return run.runId
}

async function allRealUsageRuns(): Promise<Run[]> {
  const experimentIds = [...new Set(realUsage.map((run) => run.experiment))]
  const experiments = await Promise.all(
    experimentIds.map(async (name) => {
      const response = await fetch(
        `${inject('mlflowUrl')}/api/2.0/mlflow/experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`,
      )
      const body: unknown = await response.json()
      const experiment: unknown =
        body !== null && typeof body === 'object' ? Reflect.get(body, 'experiment') : undefined
      const id: unknown =
        experiment !== null && typeof experiment === 'object'
          ? Reflect.get(experiment, 'experiment_id')
          : undefined
      if (typeof id !== 'string') throw new Error(`no experiment ${name}`)
      return id
    }),
  )
  const page = await searchRuns(client, { experimentIds: experiments, maxResults: 1000 })
  return page.items
}

describe('runs logged by real training code, read through the client', () => {
  it('reads every one of them', async () => {
    const runs = await allRealUsageRuns()
    expect(runs.map((run) => run.info.runId).sort()).toEqual(realUsage.map((run) => run.runId).sort())
  })

  it('has the source and git commit that MLflow recorded from the checkout', async () => {
    const run = await getRun(client, idOf('logreg-baseline'))
    expect(run.tags[SYSTEM_TAGS.sourceName]).toMatch(/train\.py$/)
    expect(run.tags[SYSTEM_TAGS.sourceType]).toBe('LOCAL')
    expect(run.tags[SYSTEM_TAGS.gitCommit]).toMatch(/^[0-9a-f]{40}$/)
    expect(run.tags[SYSTEM_TAGS.user]).toBeTruthy()
  })

  it('has what sklearn autolog and log_model record', async () => {
    const run = await getRun(client, idOf('logreg-baseline'))
    // Autolog inside a run the user started tags the estimator but not `mlflow.autologging` (only
    // runs that autolog starts itself get that tag).
    expect(run.tags.estimator_name).toBe('LogisticRegression')
    expect(run.params).toHaveProperty('C')
    expect(Object.keys(run.metrics)).toEqual(
      expect.arrayContaining(['training_accuracy_score', 'test_accuracy']),
    )
    // MLflow 3 records log_model as a LoggedModel among the run's outputs, not in mlflow.log-model.history.
    expect(run.tags[SYSTEM_TAGS.logModelHistory]).toBeUndefined()
    expect(run.modelOutputs.length).toBeGreaterThan(0)
    expect(run.datasets.map((dataset) => dataset.tags['mlflow.data.context'])).toContain('train')
  })

  it('nests runs started with start_run(nested=True) three levels deep', () => {
    const byId = new Map(realUsage.map((run) => [run.runId, run]))
    const depth = (runId: string): number => {
      const parent = byId.get(runId)?.parentRunId
      return parent === undefined ? 1 : 1 + depth(parent)
    }
    expect(Math.max(...realUsage.map((run) => depth(run.runId)))).toBe(3)
  })

  it('ends runs as their processes did: failed, killed and still running', () => {
    const statuses = new Set(realUsage.map((run) => run.status))
    expect([...statuses]).toEqual(expect.arrayContaining(['FINISHED', 'FAILED', 'KILLED', 'RUNNING']))
  })

  it('lists the logged artifacts and per-epoch metric histories', async () => {
    const listing = await listArtifacts(client, { runId: idOf('logreg-baseline') })
    expect(listing.files.map((file) => file.path)).toEqual(
      expect.arrayContaining(['confusion_matrix.png', 'reports']),
    )
    const reports = await listArtifacts(client, { runId: idOf('logreg-baseline'), path: 'reports' })
    expect(reports.files.every((file) => file.path.startsWith('reports/') && !file.isDir)).toBe(true)
    const interrupted = await getMetricHistory(client, {
      runId: idOf('sgd-interrupted'),
      metricKey: 'train_loss',
    })
    expect(interrupted.length).toBeGreaterThan(1)
    expect(interrupted.map((point) => point.step)).toEqual(
      [...interrupted.map((point) => point.step)].sort((a, b) => a - b),
    )
  })
})
