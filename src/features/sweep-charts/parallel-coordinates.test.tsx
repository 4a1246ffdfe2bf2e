import { fireEvent, render, screen } from '@testing-library/react'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { makeRun } from '@/testing/make-run'
import type { SweepBrushes } from '@/domain/sweep/sweep-chart'
import { ParallelCoordinates, type ParallelConfig } from './parallel-coordinates'

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = () => null
})

const runs = [
  makeRun({ runId: 'a', runName: 'alpha', params: { lr: '0', opt: 'adam' }, metrics: { acc: 0.5 } }),
  makeRun({ runId: 'b', runName: 'beta', params: { lr: '10', opt: 'sgd' }, metrics: { acc: 1 } }),
  makeRun({ runId: 'c', runName: 'gamma', params: { lr: '5', opt: 'rmsprop' }, metrics: { acc: 0.75 } }),
]
const config: ParallelConfig = {
  type: 'parallel',
  id: 'p1',
  axes: ['params.lr', 'params.opt', 'metrics.acc'],
  colorBy: 'metrics.acc',
}
// The test setup makes the box 1200 px wide at the top left; with the default margins the axes stand
// at x 48, 600 and 1152, and run from y 28 (top) to 304 (bottom) at height 320.
const TOP = 28
const BOTTOM = 304

/** The brushes with their numbers rounded to 6 decimals (pixel round trips are not exact). */
function rounded(brushes: SweepBrushes | undefined): SweepBrushes | undefined {
  if (brushes === undefined) return undefined
  return Object.fromEntries(
    Object.entries(brushes).map(([id, brush]) => [
      id,
      brush.kind === 'range'
        ? { kind: 'range', min: Number(brush.min.toFixed(6)), max: Number(brush.max.toFixed(6)) }
        : brush,
    ]),
  )
}

function renderChart(brushes: SweepBrushes = {}) {
  const onBrushesChange = vi.fn<(brushes: SweepBrushes) => void>()
  const onHoverRun = vi.fn()
  const view = render(
    <ParallelCoordinates
      runs={runs}
      colors={new Map()}
      highlightedRunId={undefined}
      onHoverRun={onHoverRun}
      config={config}
      brushes={brushes}
      onBrushesChange={onBrushesChange}
      height={320}
    />,
  )
  return { ...view, onBrushesChange, onHoverRun }
}

function handle(label: string): HTMLElement {
  return screen.getByRole('group', { name: new RegExp(`^${label} axis`) })
}

describe('ParallelCoordinates', () => {
  it('has one focusable axis per column, saying whether it is brushed', () => {
    renderChart({ 'params.opt': { kind: 'categories', values: ['sgd'] } })
    expect(handle('lr').getAttribute('aria-label')).toBe('lr axis, not brushed')
    expect(handle('opt').getAttribute('aria-label')).toBe('opt axis, brushed to sgd')
    expect(handle('acc').tabIndex).toBe(0)
  })

  it('shows the colour scale of the colouring metric', () => {
    const { container } = renderChart()
    expect(container.querySelector('[data-legend="ramp"]')?.textContent).toBe('Colour: acc 0.51')
  })

  it('brushes an axis by dragging along it and commits when the drag ends', () => {
    const { onBrushesChange, container } = renderChart()
    const lr = handle('lr')
    fireEvent.pointerDown(lr, { clientX: 48, clientY: TOP, button: 0 })
    fireEvent.pointerMove(lr, { clientX: 48, clientY: (TOP + BOTTOM) / 2 })
    // While dragging the brush is drawn and the count follows it, but nothing is committed yet.
    expect(container.querySelector('rect[data-brush="params.lr"]')).not.toBeNull()
    expect(screen.getByText('2 of 3 runs inside the brushes')).toBeDefined()
    expect(onBrushesChange).not.toHaveBeenCalled()
    fireEvent.pointerUp(lr, { clientX: 48, clientY: (TOP + BOTTOM) / 2 })
    expect(onBrushesChange).toHaveBeenCalledTimes(1)
    expect(rounded(onBrushesChange.mock.lastCall?.[0])).toEqual({
      'params.lr': { kind: 'range', min: 5, max: 10 },
    })
  })

  it('brushes the categories a drag covers on a categorical axis', () => {
    const { onBrushesChange } = renderChart()
    const opt = handle('opt')
    // Three bands of 92 px from the bottom: adam, rmsprop, sgd.
    fireEvent.pointerDown(opt, { clientX: 600, clientY: BOTTOM - 10, button: 0 })
    fireEvent.pointerMove(opt, { clientX: 600, clientY: BOTTOM - 150 })
    fireEvent.pointerUp(opt, { clientX: 600, clientY: BOTTOM - 150 })
    expect(onBrushesChange).toHaveBeenCalledWith({
      'params.opt': { kind: 'categories', values: ['adam', 'rmsprop'] },
    })
  })

  it('clears an axis brush with a click on the axis, and with Escape', () => {
    const brushes: SweepBrushes = {
      'params.lr': { kind: 'range', min: 4, max: 10 },
      'metrics.acc': { kind: 'range', min: 0.6, max: 1 },
    }
    const { onBrushesChange } = renderChart(brushes)
    const lr = handle('lr')
    fireEvent.pointerDown(lr, { clientX: 48, clientY: 100, button: 0 })
    fireEvent.pointerUp(lr, { clientX: 48, clientY: 100 })
    expect(onBrushesChange).toHaveBeenLastCalledWith({ 'metrics.acc': { kind: 'range', min: 0.6, max: 1 } })
    fireEvent.keyDown(handle('acc'), { key: 'Escape' })
    expect(onBrushesChange).toHaveBeenLastCalledWith({ 'params.lr': { kind: 'range', min: 4, max: 10 } })
  })

  it('moves a brush with the arrow keys, the first press on an unbrushed axis making one in the middle', () => {
    const { onBrushesChange } = renderChart({ 'params.opt': { kind: 'categories', values: ['adam'] } })
    fireEvent.keyDown(handle('opt'), { key: 'ArrowUp' })
    expect(onBrushesChange).toHaveBeenLastCalledWith({
      'params.opt': { kind: 'categories', values: ['rmsprop'] },
    })
    fireEvent.keyDown(handle('lr'), { key: 'ArrowDown' })
    expect(rounded(onBrushesChange.mock.lastCall?.[0])).toEqual({
      'params.opt': { kind: 'categories', values: ['adam'] },
      'params.lr': { kind: 'range', min: 4, max: 6 },
    })
  })

  it('counts the runs inside the brushes and clears them all on request', () => {
    const { onBrushesChange } = renderChart({ 'metrics.acc': { kind: 'range', min: 0.7, max: 1 } })
    expect(screen.getByText('2 of 3 runs inside the brushes')).toBeDefined()
    fireEvent.click(screen.getByRole('button', { name: 'Clear brushes' }))
    expect(onBrushesChange).toHaveBeenCalledWith({})
  })

  it('reports the line under the pointer', () => {
    const { container, onHoverRun } = renderChart()
    const box = container.querySelector('.sweep-canvas-box')
    if (box === null) throw new Error('no chart box')
    // Run b goes from lr 10 (top) to sgd (top band, centre 28 + 46).
    fireEvent.pointerMove(box, { clientX: 324, clientY: (TOP + TOP + 46) / 2 })
    expect(onHoverRun).toHaveBeenLastCalledWith('b')
    expect(screen.getByRole('tooltip').textContent).toContain('beta')
  })
})
