import { describe, expect, it } from 'vitest'
import type { Run } from './run'
import { logModelHistory, parseUtcTimeCreated, runModels } from './run-models'

function run(history: unknown, outputs: { modelId: string; step: number }[] = []): Run {
  return {
    info: {
      runId: 'r1',
      runName: 'r',
      experimentId: '1',
      userId: undefined,
      status: 'FINISHED',
      startTime: 0,
      endTime: 1,
      artifactUri: undefined,
      lifecycleStage: 'active',
    },
    params: {},
    metrics: {},
    tags:
      history === undefined
        ? {}
        : { 'mlflow.log-model.history': typeof history === 'string' ? history : JSON.stringify(history) },
    datasets: [],
    modelOutputs: outputs,
    modelInputs: [],
  }
}

describe('models a run logged', () => {
  it('reads Python’s UTC creation time', () => {
    expect(parseUtcTimeCreated('2026-01-05 09:40:00.123456')).toBe(Date.UTC(2026, 0, 5, 9, 40, 0, 123))
    expect(parseUtcTimeCreated('2026-01-05 09:40:00')).toBe(Date.UTC(2026, 0, 5, 9, 40, 0))
    expect(parseUtcTimeCreated('yesterday')).toBeUndefined()
    expect(parseUtcTimeCreated(42)).toBeUndefined()
  })

  it('reads every history entry with flavors and time, skipping what is not an entry', () => {
    const entries = logModelHistory(
      run([
        'junk',
        {
          run_id: 'r1',
          artifact_path: 'model',
          utc_time_created: '2026-01-05 09:40:00.000000',
          flavors: { python_function: {}, pytorch: {} },
        },
        null,
        { artifact_path: 'other' },
      ]),
    )
    expect(entries).toEqual([
      expect.objectContaining({
        artifactPath: 'model',
        flavors: ['python_function', 'pytorch'],
        createdAt: Date.UTC(2026, 0, 5, 9, 40),
      }),
      expect.objectContaining({ artifactPath: 'other', flavors: [], createdAt: undefined }),
    ])
    expect(logModelHistory(run('{broken'))).toEqual([])
    expect(logModelHistory(run(undefined))).toEqual([])
  })

  it('lists each logged model once, outputs in step order, and keeps MLflow 2 entries apart', () => {
    const models = runModels(
      run(
        [
          { model_id: 'm-b', artifact_path: 'model', flavors: { sklearn: {} } },
          { model_id: 'm-c', artifact_path: 'extra', flavors: {} },
          { artifact_path: 'legacy', model_uuid: '0f3c', flavors: { pytorch: {} } },
          {
            artifact_path: 'file:///mlruns/1/models/m-a/artifacts',
            model_uuid: 'm-a',
            flavors: { onnx: {} },
          },
        ],
        [
          { modelId: 'm-b', step: 5 },
          { modelId: 'm-a', step: 0 },
        ],
      ),
    )
    expect(models.loggedModelIds).toEqual(['m-a', 'm-b', 'm-c'])
    expect(models.historyByModelId.get('m-b')?.flavors).toEqual(['sklearn'])
    expect(models.historyByModelId.get('m-a')?.flavors).toEqual(['onnx'])
    expect(models.legacy.map((entry) => entry.artifactPath)).toEqual(['legacy'])
  })
})
