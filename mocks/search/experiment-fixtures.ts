/**
 * Five experiments for the search tests, also created in a real MLflow 3.17.2 server (SQLite) with
 * these ids and times, so the expected results in the tests are what that server returned.
 */

import type { MockExperiment } from '../store/types'

function mockExperiment(
  experimentId: string,
  name: string,
  creationTime: number,
  lastUpdateTime: number,
  tags: Readonly<Record<string, string>> = {},
): MockExperiment {
  return {
    experimentId,
    name,
    artifactLocation: `mlflow-artifacts:/${experimentId}`,
    lifecycleStage: 'active',
    creationTime,
    lastUpdateTime,
    tags: new Map(Object.entries(tags)),
  }
}

export const FIXTURE_EXPERIMENTS: readonly MockExperiment[] = [
  mockExperiment('0', 'Default', 100, 100),
  mockExperiment('1', 'resnet-cifar', 300, 900, { team: 'cv', 'mlflow.note.content': 'Baseline' }),
  mockExperiment('2', 'ResNet', 300, 500, { team: 'CV' }),
  mockExperiment('3', 'bert_base', 200, 200, { team: 'nlp' }),
  // Above 9, so ordering by id shows it is numeric.
  mockExperiment('10', 'bert%large', 400, 400),
]
