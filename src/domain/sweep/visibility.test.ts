import { describe, expect, it } from 'vitest'
import type { RunStatus } from '@/domain/runs/run'
import { makeRun } from '@/testing/make-run'
import type { SweepBrushes } from './sweep-chart'
import { sweepVisibility, type VisibilityOptions } from './visibility'

const STATUS: Record<string, RunStatus> = {
  a: 'FINISHED',
  b: 'RUNNING',
  c: 'FINISHED',
  d: 'FAILED',
  e: 'RUNNING',
}
const ACC: Record<string, number> = { a: 0.9, b: 0.5, c: 0.7, d: 0.95, e: 0.6 }
/** Five runs in table order a..e. */
const RUNS = Object.keys(STATUS).map((runId) =>
  makeRun({
    runId,
    status: STATUS[runId],
    metrics: { acc: ACC[runId] ?? 0 },
    params: { opt: runId < 'c' ? 'adam' : 'sgd' },
  }),
)

const NONE: VisibilityOptions = {
  first: undefined,
  hideFinished: false,
  hidden: new Set(),
  pinned: new Set(),
  brushes: {},
}

const ids = (runs: readonly { info: { runId: string } }[]) => runs.map((run) => run.info.runId).join('')

describe('sweep visibility', () => {
  it.each<[string, Partial<VisibilityOptions>, { listed: string; unbrushed: string; visible: string }]>([
    ['nothing set: every run, in table order', {}, { listed: 'abcde', unbrushed: 'abcde', visible: 'abcde' }],
    ['first N', { first: 3 }, { listed: 'abc', unbrushed: 'abc', visible: 'abc' }],
    [
      'first N larger than the runs',
      { first: 50 },
      { listed: 'abcde', unbrushed: 'abcde', visible: 'abcde' },
    ],
    [
      'hide finished (FAILED stays)',
      { hideFinished: true },
      { listed: 'bde', unbrushed: 'bde', visible: 'bde' },
    ],
    [
      'first N, then hide finished',
      { first: 3, hideFinished: true },
      { listed: 'b', unbrushed: 'b', visible: 'b' },
    ],
    [
      'an eye off: listed, not charted',
      { hidden: new Set(['b']) },
      { listed: 'abcde', unbrushed: 'acde', visible: 'acde' },
    ],
    [
      'a pin beats first N and hide finished, and comes first',
      { first: 2, hideFinished: true, pinned: new Set(['c']) },
      { listed: 'cb', unbrushed: 'cb', visible: 'cb' },
    ],
    [
      'a pinned run within first N moves to the top',
      { pinned: new Set(['d']) },
      { listed: 'dabce', unbrushed: 'dabce', visible: 'dabce' },
    ],
    [
      'a range brush filters list and charts, not the parallel input',
      { brushes: { 'metrics.acc': { kind: 'range', min: 0.65, max: 0.92 } } },
      { listed: 'ac', unbrushed: 'abcde', visible: 'ac' },
    ],
    [
      'brushes apply to pinned runs too; eyes still hide',
      {
        pinned: new Set(['b']),
        hidden: new Set(['a']),
        brushes: { 'params.opt': { kind: 'categories', values: ['adam'] } },
      },
      { listed: 'ba', unbrushed: 'bcde', visible: 'b' },
    ],
    [
      'a brush on a column no run has leaves nothing',
      { brushes: { 'metrics.nope': { kind: 'range', min: 0, max: 1 } } satisfies SweepBrushes },
      { listed: '', unbrushed: 'abcde', visible: '' },
    ],
  ])('%s', (_, options, expected) => {
    const result = sweepVisibility(RUNS, { ...NONE, ...options })
    expect({
      listed: ids(result.listed),
      unbrushed: ids(result.unbrushed),
      visible: ids(result.visible),
    }).toEqual(expected)
  })

  it('keeps the same array when nothing narrows it (charts do not redraw)', () => {
    const result = sweepVisibility(RUNS, NONE)
    expect(result.listed).toBe(RUNS)
    expect(result.visible).toBe(RUNS)
  })

  it('stays fast with 5,000 runs and two brushes', () => {
    const many = Array.from({ length: 5000 }, (_, index) =>
      makeRun({
        runId: `r${index}`,
        metrics: { acc: (index % 100) / 100 },
        params: { lr: String(index % 7) },
      }),
    )
    const started = performance.now()
    const result = sweepVisibility(many, {
      ...NONE,
      hidden: new Set(['r1', 'r2']),
      pinned: new Set(['r4922']),
      first: 4000,
      brushes: {
        'metrics.acc': { kind: 'range', min: 0.2, max: 0.5 },
        'params.lr': { kind: 'categories', values: ['1', '2'] },
      },
    })
    expect(performance.now() - started).toBeLessThan(500)
    expect(result.visible.length).toBeGreaterThan(0)
    expect(result.listed[0]?.info.runId).toBe('r4922')
  })
})
