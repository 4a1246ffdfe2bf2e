/**
 * Expected orders are what a real MLflow 3.17.2 server (SQLite store) returned for the same
 * experiments (experiment-fixtures.ts).
 */
import { describe, expect, it } from 'vitest'
import { parseExperimentOrderBy } from '@/domain/search-filter/parse-order-by'
import { compareExperiments } from './compare-experiments'
import { FIXTURE_EXPERIMENTS } from './experiment-fixtures'

const CASES: { orderBy: string[]; experiments: string[] }[] = [
  { orderBy: [], experiments: ['bert%large', 'resnet-cifar', 'ResNet', 'bert_base', 'Default'] },
  { orderBy: ['name'], experiments: ['Default', 'ResNet', 'bert%large', 'bert_base', 'resnet-cifar'] },
  { orderBy: ['name DESC'], experiments: ['resnet-cifar', 'bert_base', 'bert%large', 'ResNet', 'Default'] },
  {
    orderBy: ['experiment_id'],
    experiments: ['Default', 'resnet-cifar', 'ResNet', 'bert_base', 'bert%large'],
  },
  {
    orderBy: ['experiment_id DESC'],
    experiments: ['bert%large', 'bert_base', 'ResNet', 'resnet-cifar', 'Default'],
  },
  {
    orderBy: ['creation_time'],
    experiments: ['Default', 'bert_base', 'ResNet', 'resnet-cifar', 'bert%large'],
  },
  {
    orderBy: ['creation_time DESC'],
    experiments: ['bert%large', 'ResNet', 'resnet-cifar', 'bert_base', 'Default'],
  },
  {
    orderBy: ['last_update_time DESC'],
    experiments: ['resnet-cifar', 'ResNet', 'bert%large', 'bert_base', 'Default'],
  },
  {
    orderBy: ['creation_time', 'name DESC'],
    experiments: ['Default', 'bert_base', 'resnet-cifar', 'ResNet', 'bert%large'],
  },
]

describe('compareExperiments', () => {
  it.each(CASES)('orders by $orderBy', ({ orderBy, experiments }) => {
    const parsed = parseExperimentOrderBy(orderBy)
    if (!parsed.ok) throw new Error(parsed.error.message)
    const sorted = [...FIXTURE_EXPERIMENTS].sort(compareExperiments(parsed.value))
    expect(sorted.map((e) => e.name)).toEqual(experiments)
  })
})
