import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { Run } from '@/domain/runs/run'
import { makeRun } from '@/testing/make-run'
import { BoxPlotPanel, type BoxPlotConfig } from './box-plot-panel'

function Harness(props: {
  runs: readonly Run[]
  initial: Partial<BoxPlotConfig>
  highlightedRunId?: string
  onHoverRun?: (runId: string | undefined) => void
}) {
  const [config, setConfig] = useState<BoxPlotConfig>({
    type: 'box',
    id: 'x',
    metricKey: 'loss',
    paramKey: 'lr',
    ...props.initial,
  })
  return (
    <BoxPlotPanel
      runs={props.runs}
      colors={new Map()}
      highlightedRunId={props.highlightedRunId}
      onHoverRun={props.onHoverRun ?? (() => undefined)}
      config={config}
      onConfigChange={setConfig}
    />
  )
}

const run = (runId: string, loss: number | undefined, params: Record<string, string>) =>
  makeRun({ runId, runName: `name-${runId}`, params, metrics: loss === undefined ? {} : { loss } })

/** lr 0.1: losses 1..5 and 100 (an outlier); lr 0.01: 2, 4; lr 1e-3: 3. */
const RUNS = [
  ...[1, 2, 3, 4, 5, 100].map((loss, i) =>
    run(`a${i}`, loss, { lr: '0.1', opt: i % 2 === 0 ? 'adam' : 'sgd' }),
  ),
  run('b0', 2, { lr: '0.01', opt: 'adam' }),
  run('b1', 4, { lr: '0.01', opt: 'sgd' }),
  run('c0', 3, { lr: '1e-3', opt: 'adam' }),
  run('d0', undefined, { lr: '0.1', opt: 'adam' }),
]

const boxes = () =>
  within(screen.getByRole('list', { name: /^Boxes:/ }))
    .getAllByRole('listitem')
    .map((box) => box.getAttribute('aria-label'))

describe('BoxPlotPanel', () => {
  it('draws one box per param value, in numeric order, with its quartiles and n', () => {
    render(<Harness runs={RUNS} initial={{}} />)
    expect(boxes()).toEqual([
      'lr 1e-3: n 1, median 3, quartiles 3 to 3, whiskers 3 to 3',
      'lr 0.01: n 2, median 3, quartiles 2.5 to 3.5, whiskers 2 to 4',
      'lr 0.1: n 6, median 3.5, quartiles 2.25 to 4.75, whiskers 1 to 5, 1 outlier',
    ])
    expect(screen.getByText(/1 run without a finite loss left out/)).toBeTruthy()
  })

  it('shows an outlier as a dot naming its run, and reports hovering it', async () => {
    const onHoverRun = vi.fn<(runId: string | undefined) => void>()
    const user = userEvent.setup()
    const { container } = render(<Harness runs={RUNS} initial={{}} onHoverRun={onHoverRun} />)
    const dots = container.querySelectorAll('circle.sweep-box-dot')
    expect([...dots].map((dot) => dot.getAttribute('data-run-id'))).toEqual(['a5'])
    expect(dots[0]?.querySelector('title')?.textContent).toBe('name-a5: loss 100')
    await user.hover(dots[0] ?? document.body)
    expect(onHoverRun).toHaveBeenLastCalledWith('a5')
  })

  it('draws the page’s highlighted run inside its box', () => {
    const { container } = render(<Harness runs={RUNS} initial={{}} highlightedRunId="b1" />)
    const highlighted = container.querySelectorAll('.is-highlighted')
    expect([...highlighted].map((dot) => dot.getAttribute('data-run-id'))).toEqual(['b1'])
  })

  it('switches the grouping param, in natural order for text values', async () => {
    const user = userEvent.setup()
    render(<Harness runs={RUNS} initial={{}} />)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group by' }), 'opt')
    expect(boxes().map((label) => label?.split(':')[0])).toEqual(['opt adam', 'opt sgd'])
    expect(screen.getByRole('region', { name: 'Box plot: loss by opt' })).toBeTruthy()
  })

  it('bins many distinct numeric values and says so', () => {
    const many = Array.from({ length: 60 }, (_, i) => run(`r${i}`, i, { lr: String(i + 1) }))
    render(<Harness runs={many} initial={{}} />)
    expect(boxes()).toHaveLength(12)
    expect(boxes()[0]).toMatch(/^lr 1–5: n 5,/)
    expect(screen.getByText(/grouped into 12 bins of about equal run counts/)).toBeTruthy()
  })

  it('asks for a choice, and says when no visible run has the metric', () => {
    const { unmount } = render(<Harness runs={RUNS} initial={{ paramKey: '' }} />)
    expect(screen.getByText('Choose a metric and a param to group it by.')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'CSV' }).hasAttribute('disabled')).toBe(true)
    unmount()
    render(<Harness runs={RUNS} initial={{ metricKey: 'accuracy' }} />)
    expect(screen.getByText('No visible run has accuracy.')).toBeTruthy()
  })

  it('lets keyboard users reach each box after the controls', async () => {
    const user = userEvent.setup()
    render(<Harness runs={RUNS} initial={{}} />)
    // Metric, group by, PNG, SVG, CSV, then the boxes.
    for (let i = 0; i < 6; i++) await user.tab()
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^lr 1e-3:/)
  })
})
