import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { Run } from '@/domain/runs/run'
import { makeRun } from '@/testing/make-run'
import { ImportancePanel, type ImportanceConfig } from './importance-panel'

function Harness(props: { runs: readonly Run[]; metricKey: string; onInspect?: (paramKey: string) => void }) {
  const [config, setConfig] = useState<ImportanceConfig>({
    type: 'importance',
    id: 'i',
    metricKey: props.metricKey,
  })
  return (
    <ImportancePanel
      runs={props.runs}
      colors={new Map()}
      highlightedRunId={undefined}
      onHoverRun={() => undefined}
      config={config}
      onConfigChange={setConfig}
      onInspect={props.onInspect}
    />
  )
}

/**
 * 12 runs: loss falls exactly with lr (a log-spaced sweep, so Spearman beats Pearson), depends on
 * the optimizer a little, and not at all on the seed's pattern; `fixed` never varies.
 */
const RUNS = Array.from({ length: 12 }, (_, i) => {
  const lr = 10 ** -(i % 6)
  const optimizer = i % 2 === 0 ? 'adam' : 'sgd'
  const loss = -Math.log10(lr) + (optimizer === 'adam' ? 0.3 : 0)
  return makeRun({
    runId: `r${i}`,
    params: { lr: String(lr), optimizer, seed: String([1, 2, 2, 1][i % 4] ?? 0), fixed: '7' },
    metrics: { loss, ...(i < 4 ? { acc: 0.5 } : {}) },
  })
})

const rows = () =>
  within(screen.getByRole('list', { name: /^Param importance for/ }))
    .getAllByRole('listitem')
    .map((row) => row.getAttribute('data-param'))

describe('ImportancePanel', () => {
  it('ranks the varied params by score, naming the statistic, n and the trend', () => {
    render(<Harness runs={RUNS} metricKey="loss" />)
    expect(rows()).toEqual(['lr', 'optimizer', 'seed'])
    const [lr, optimizer] = within(screen.getByRole('list', { name: /^Param importance for/ })).getAllByRole(
      'listitem',
    )
    expect(lr?.getAttribute('aria-label')).toMatch(
      /^lr: 1\.00 \(Spearman \|ρ\|, n 12, loss falls as it rises\)/,
    )
    expect(optimizer?.getAttribute('aria-label')).toMatch(/^optimizer: 0\.\d\d \(η, n 12\)/)
    expect(screen.getByText(/What the score means/)).toBeTruthy()
    expect(screen.getByText(/A correlation, not a cause/)).toBeTruthy()
  })

  it('asks the page for a scatter of a param by click or Enter', async () => {
    const onInspect = vi.fn<(paramKey: string) => void>()
    const user = userEvent.setup()
    render(<Harness runs={RUNS} metricKey="loss" onInspect={onInspect} />)
    const list = within(screen.getByRole('list', { name: /^Param importance for/ }))
    const [lr, optimizer] = list.getAllByRole('listitem')
    // Metric, PNG, SVG, CSV, then the rows.
    for (let i = 0; i < 5; i++) await user.tab()
    expect(document.activeElement).toBe(lr)
    await user.keyboard('{Enter}')
    expect(onInspect).toHaveBeenLastCalledWith('lr')
    await user.click(optimizer ?? document.body)
    expect(onInspect).toHaveBeenLastCalledWith('optimizer')
  })

  it('follows the chosen metric', async () => {
    const user = userEvent.setup()
    render(<Harness runs={RUNS} metricKey="" />)
    expect(screen.getByText('Choose a metric to rank the params by.')).toBeTruthy()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Metric' }), 'loss')
    expect(rows()[0]).toBe('lr')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Metric' }), 'acc')
    expect(
      screen.getByText('acc is the same in all 4 visible runs that have it: no param can explain it.'),
    ).toBeTruthy()
  })

  it('says when no param varies', () => {
    const same = [1, 2, 3].map((loss, i) =>
      makeRun({ runId: `s${i}`, params: { lr: '0.1' }, metrics: { loss } }),
    )
    render(<Harness runs={same} metricKey="loss" />)
    expect(screen.getByText('No param varies among the 3 visible runs with loss.')).toBeTruthy()
  })

  it('says when no visible run has the metric', () => {
    render(<Harness runs={RUNS} metricKey="f1" />)
    expect(screen.getByText('No visible run has a finite f1.')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'CSV' }).hasAttribute('disabled')).toBe(true)
  })
})
