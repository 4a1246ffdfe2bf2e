import { describe, expect, it } from 'vitest'
import { makeRun } from '@/testing/make-run'
import { chartableMetrics, chartedMetrics, defaultChartMetrics } from './chart-defaults'

const runs = [
  makeRun({ runId: 'a', metrics: { 'system/gpu': 1, accuracy: 0.9, loss: 0.1, score: 1 } }),
  makeRun({ runId: 'b', metrics: { loss: 0.2 } }),
]
// Histories: loss and accuracy were logged over steps; score once.
const withSteps = runs.map((run) => ({
  ...run,
  metrics: Object.fromEntries(
    Object.entries(run.metrics).map(([key, metric]) => [key, { ...metric, step: key === 'score' ? 0 : 10 }]),
  ),
}))

describe('chart defaults', () => {
  it('lists system metrics last', () => {
    expect(chartableMetrics(runs)).toEqual(['accuracy', 'loss', 'score', 'system/gpu'])
  })

  it('prefers histories logged by the most runs', () => {
    expect(defaultChartMetrics(withSteps, chartableMetrics(withSteps))).toEqual([
      'loss',
      'accuracy',
      'score',
      'system/gpu',
    ])
  })

  it('uses the URL’s list when there is one, even an empty one', () => {
    expect(chartedMetrics(withSteps, ['score'])).toEqual(['score'])
    expect(chartedMetrics(withSteps, [])).toEqual([])
    expect(chartedMetrics(withSteps, undefined)[0]).toBe('loss')
  })
})
