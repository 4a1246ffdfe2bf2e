import { fireEvent, render, screen } from '@testing-library/react'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { makeRun } from '@/testing/make-run'
import { layoutScatter } from '@/domain/sweep/scatter-layout'
import { ScatterChart, type ScatterConfig } from './scatter-chart'

beforeAll(() => {
  // jsdom has no 2D canvas: the chart draws nothing and everything else still works.
  HTMLCanvasElement.prototype.getContext = () => null
})

const runs = [
  makeRun({ runId: 'a', runName: 'alpha', params: { lr: '0.001', opt: 'adam' }, metrics: { acc: 0.5 } }),
  makeRun({ runId: 'b', runName: 'beta', params: { lr: '0.01', opt: 'sgd' }, metrics: { acc: 0.7 } }),
  makeRun({ runId: 'c', runName: 'gamma', params: { lr: '0.1', opt: 'adam' }, metrics: { acc: 0.9 } }),
  makeRun({ runId: 'd', runName: 'delta', params: { opt: 'sgd' }, metrics: { acc: 0.2 } }),
]
const colors = new Map([
  ['a', '#4e79a7'],
  ['b', '#f28e2b'],
])
const config: ScatterConfig = {
  type: 'scatter',
  id: 's1',
  x: 'params.lr',
  y: 'metrics.acc',
  xLog: true,
  yLog: false,
  trend: true,
}
// The test setup gives every element a width of 1200 px at the page's top left.
const WIDTH = 1200
const HEIGHT = 320

function renderChart(props: Partial<Parameters<typeof ScatterChart>[0]> = {}) {
  const onHoverRun = vi.fn()
  const onOpenRun = vi.fn()
  const view = render(
    <ScatterChart
      runs={runs}
      colors={colors}
      highlightedRunId={undefined}
      onHoverRun={onHoverRun}
      onOpenRun={onOpenRun}
      config={config}
      height={HEIGHT}
      {...props}
    />,
  )
  const box = view.container.querySelector('.sweep-canvas-box')
  if (!(box instanceof HTMLElement)) throw new Error('no chart box')
  return { ...view, box, onHoverRun, onOpenRun }
}

function pointOf(runId: string): { clientX: number; clientY: number } {
  const layout = layoutScatter(runs, config, { width: WIDTH, height: HEIGHT })
  const index = layout.runIds.indexOf(runId)
  return { clientX: layout.xs[index] ?? 0, clientY: layout.ys[index] ?? 0 }
}

describe('ScatterChart', () => {
  it('names its axes, shows log ticks, and says how many runs it shows and what it left out', () => {
    renderChart()
    const figure = screen.getByRole('figure', { name: 'Scatter acc vs lr' })
    expect(figure.textContent).toContain('lr (log)')
    const xTicks = [...figure.querySelectorAll('text[data-axis="x"]')].map((text) => text.textContent)
    expect(xTicks).toEqual(['0.001', '0.01', '0.1'])
    expect(figure.textContent).toContain('3 runs (1 without both values not shown)')
  })

  it('shows the trend line fit and its r² in the legend', () => {
    renderChart()
    expect(screen.getByText(/Trend r² = 1\.00 \(n = 3, fit on log x\)/).textContent).toContain('r²')
  })

  it('explains why there is no trend line over a categorical axis', () => {
    renderChart({ config: { ...config, x: 'params.opt' } })
    expect(screen.queryByText('No trend line: both axes must be numeric')).not.toBeNull()
  })

  it('reports the run under the pointer, shows its values, and forgets it when the pointer leaves', () => {
    const { box, onHoverRun } = renderChart()
    const point = pointOf('b')
    fireEvent.pointerMove(box, { clientX: point.clientX + 3, clientY: point.clientY - 2 })
    expect(onHoverRun).toHaveBeenLastCalledWith('b')
    const tooltip = screen.getByRole('tooltip')
    expect(tooltip.textContent).toContain('beta')
    expect(tooltip.textContent).toContain('lr0.01')
    expect(tooltip.textContent).toContain('acc0.7')
    fireEvent.pointerMove(box, { clientX: point.clientX + 200, clientY: 5 })
    expect(onHoverRun).toHaveBeenLastCalledWith(undefined)
    fireEvent.pointerMove(box, { clientX: point.clientX, clientY: point.clientY })
    fireEvent.pointerLeave(box)
    expect(onHoverRun).toHaveBeenLastCalledWith(undefined)
    expect(screen.queryByRole('tooltip')).toBeNull()
  })

  it('opens the clicked run', () => {
    const { box, onOpenRun } = renderChart()
    fireEvent.click(box, pointOf('c'))
    expect(onOpenRun).toHaveBeenCalledWith('c')
  })

  it('shows the run the page highlights', () => {
    renderChart({ highlightedRunId: 'a' })
    expect(screen.getByRole('tooltip').textContent).toContain('alpha')
  })
})
