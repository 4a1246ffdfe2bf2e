import { describe, expect, it } from 'vitest'
import { makeRun } from '@/testing/make-run'
import { quantisedColor } from './color-scale'
import type { SweepBrush } from './sweep-chart'
import {
  brushFromPixels,
  brushMask,
  brushSpans,
  dragStride,
  layoutParallel,
  nearestLine,
  nudgeBrush,
  type ParallelAxis,
} from './parallel-layout'

const MARGIN = { top: 0, right: 0, bottom: 0, left: 0 }
const runs = [
  makeRun({ runId: 'a', params: { lr: '0', opt: 'adam' }, metrics: { acc: 0.5 } }),
  makeRun({ runId: 'b', params: { lr: '10', opt: 'sgd' }, metrics: { acc: 1 } }),
  makeRun({ runId: 'c', params: { lr: '5', opt: 'rmsprop' }, metrics: {} }),
]
const colors = new Map([
  ['a', '#111111'],
  ['b', '#222222'],
])

function layout(colorBy?: string) {
  return layoutParallel(runs, ['params.lr', 'params.opt', 'metrics.acc'], colorBy, {
    width: 200,
    height: 100,
    margin: MARGIN,
    runColors: colors,
    fallbackColor: '#999999',
  })
}

/** A brush with its numbers rounded to 6 decimals (pixel round trips are not exact). */
function rounded(brush: SweepBrush | undefined): SweepBrush | undefined {
  if (brush?.kind !== 'range') return brush
  return { kind: 'range', min: Number(brush.min.toFixed(6)), max: Number(brush.max.toFixed(6)) }
}

function axis(index: number): ParallelAxis {
  const found = layout().axes[index]
  if (found === undefined) throw new Error('no axis')
  return found
}

describe('layoutParallel', () => {
  it('spaces the axes evenly and places each run on each axis (NaN where it has no value)', () => {
    const result = layout()
    expect(result.axes.map((a) => [a.id, a.x, a.axis.kind])).toEqual([
      ['params.lr', 0, 'numeric'],
      ['params.opt', 100, 'categorical'],
      ['metrics.acc', 200, 'numeric'],
    ])
    // lr 0..10 over 100..0 px; categories adam, rmsprop, sgd in bands from the bottom.
    expect([...result.ys.slice(0, 3)]).toEqual([100, expect.closeTo(83.33, 1), 100])
    expect(result.ys[3]).toBe(0)
    expect(result.ys[7]).toBeCloseTo(50)
    expect(Number.isNaN(result.ys[8])).toBe(true)
  })

  it('colours lines by run, or through the scale by a column', () => {
    expect(layout().colors).toEqual(['#111111', '#222222', '#999999'])
    const byAcc = layout('metrics.acc')
    expect(byAcc.colors).toEqual([quantisedColor(0), quantisedColor(1), '#999999'])
    expect(byAcc.coloring).toMatchObject({ kind: 'numeric', min: 0.5, max: 1 })
    expect(layout('params.opt').coloring).toMatchObject({
      kind: 'categorical',
      categories: ['adam', 'rmsprop', 'sgd'],
    })
  })
})

describe('brushes', () => {
  it('turns a drag on a numeric axis into a range, and back into pixels', () => {
    const brush = brushFromPixels(axis(0), 80, 20)
    expect(rounded(brush)).toEqual({ kind: 'range', min: 2, max: 8 })
    if (brush === undefined) return
    expect(brushSpans(axis(0), brush)).toEqual([[expect.closeTo(20, 6), expect.closeTo(80, 6)]])
  })

  it('turns a drag on a categorical axis into the categories it covers', () => {
    // Bands of 33 px: adam around 83, rmsprop around 50, sgd around 17.
    expect(brushFromPixels(axis(1), 40, 95)).toEqual({ kind: 'categories', values: ['adam', 'rmsprop'] })
    expect(brushFromPixels(axis(1), 60, 70)).toBeUndefined()
    expect(brushSpans(axis(1), { kind: 'categories', values: ['adam', 'sgd'] })).toHaveLength(2)
    expect(brushSpans(axis(1), { kind: 'categories', values: ['adam', 'rmsprop'] })).toEqual([
      [expect.closeTo(33.3, 0), expect.closeTo(100, 6)],
    ])
  })

  it('treats a click as no brush', () => {
    expect(brushFromPixels(axis(0), 50, 51)).toBeUndefined()
  })

  it('marks the runs inside every brush', () => {
    expect([...brushMask(runs, {})]).toEqual([1, 1, 1])
    expect([...brushMask(runs, { 'params.lr': { kind: 'range', min: 4, max: 10 } })]).toEqual([0, 1, 1])
    expect([...brushMask(runs, { 'metrics.acc': { kind: 'range', min: 0, max: 1 } })]).toEqual([1, 1, 0])
  })

  it('nudges a range a tenth of the axis, staying inside it', () => {
    const up = nudgeBrush(axis(0), { kind: 'range', min: 2, max: 4 }, 1)
    expect(rounded(up)).toEqual({ kind: 'range', min: 3, max: 5 })
    const top = nudgeBrush(axis(0), { kind: 'range', min: 9, max: 10 }, 1)
    expect(rounded(top)).toEqual({ kind: 'range', min: 9, max: 10 })
    expect(rounded(nudgeBrush(axis(0), undefined, -1))).toEqual({ kind: 'range', min: 4, max: 6 })
  })

  it('nudges categories by one, and starts with the middle one', () => {
    expect(nudgeBrush(axis(1), { kind: 'categories', values: ['adam'] }, 1)).toEqual({
      kind: 'categories',
      values: ['rmsprop'],
    })
    expect(nudgeBrush(axis(1), { kind: 'categories', values: ['adam'] }, -1)).toEqual({
      kind: 'categories',
      values: ['adam'],
    })
    expect(nudgeBrush(axis(1), undefined, 1)).toEqual({ kind: 'categories', values: ['rmsprop'] })
  })
})

describe('nearestLine', () => {
  it('finds the line nearest the pointer between two axes, within the radius', () => {
    const result = layout()
    // Between lr (x 0) and opt (x 100): a goes 100 -> 83.3, b goes 0 -> 16.7, c stays at 50.
    expect(nearestLine(result, 50, 90, 6)).toBe(0)
    expect(nearestLine(result, 50, 10, 6)).toBe(1)
    expect(nearestLine(result, 50, 52, 6)).toBe(2)
    expect(nearestLine(result, 50, 30, 6)).toBe(-1)
    // c has no acc: no line after the opt axis.
    expect(nearestLine(result, 150, 50, 100)).not.toBe(2)
  })

  it('skips lines outside the brushes when given the mask', () => {
    expect(nearestLine(layout(), 50, 90, 6, Uint8Array.from([0, 1, 1]))).toBe(-1)
  })
})

describe('dragStride', () => {
  it('paints every line up to the budget, and about the budget beyond it', () => {
    expect(dragStride(800, 1000)).toBe(1)
    expect(dragStride(1000, 1000)).toBe(1)
    expect(dragStride(5000, 1000)).toBe(5)
    expect(dragStride(5001, 1000)).toBe(6)
  })
})
