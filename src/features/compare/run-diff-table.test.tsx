import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { Run } from '@/domain/runs/run'
import { diffRuns, type MetricRange } from '@/domain/runs/run-diff'
import { makeRun } from '@/testing/make-run'
import { RunDiffTable, type RunDiffTableProps } from './run-diff-table'

const LONG_SOURCE = `/home/someone/projects/${'very-long-directory/'.repeat(8)}train.py`

const alpha = makeRun({
  runId: 'a1',
  runName: 'alpha',
  params: { lr: '0.01', optimizer: 'adam', seed: '1' },
  metrics: { val_loss: 0.5, accuracy: 0.8, lr_metric: 2, 'system/gpu_utilization': 90 },
  tags: { team: 'vision', 'mlflow.source.name': LONG_SOURCE },
})
const beta = makeRun({
  runId: 'b2',
  runName: 'beta',
  params: { lr: '1e-2', optimizer: 'sgd', dropout: '0.1' },
  metrics: { val_loss: 0.4, accuracy: 0.7, lr_metric: 3, 'system/gpu_utilization': 90 },
  tags: { team: 'vision' },
})
const gamma = makeRun({
  runId: 'c3',
  runName: 'gamma',
  params: { lr: '0.02', optimizer: 'adam', seed: '1' },
  metrics: { val_loss: 0.6, accuracy: 0.85, lr_metric: 2, 'system/gpu_utilization': 90 },
  tags: { team: 'vision' },
})

const COLORS = new Map([
  ['a1', '#4e79a7'],
  ['b2', '#f28e2b'],
  ['c3', '#e15759'],
])

function setup(runs: readonly Run[], overrides: Partial<RunDiffTableProps> = {}) {
  const onBaselineChange = vi.fn<(runId: string) => void>()
  const onFlipDirection = vi.fn<(metricKey: string) => void>()
  const user = userEvent.setup()
  const view = render(
    <RunDiffTable
      runs={runs}
      rows={diffRuns(runs)}
      onlyDifferences={false}
      renderRunLink={(run) => <a href={`#${run.info.runId}`}>{run.info.runName}</a>}
      colors={COLORS}
      baselineId={undefined}
      onBaselineChange={onBaselineChange}
      flipped={new Set()}
      onFlipDirection={onFlipDirection}
      {...overrides}
    />,
  )
  return { user, onBaselineChange, onFlipDirection, ...view }
}

const table = () => within(screen.getByRole('table', { name: 'Run differences' }))

function rowOf(label: string) {
  const row = table()
    .getAllByRole('row')
    .find((candidate) => within(candidate).queryByRole('rowheader', { name: label }) !== null)
  if (row === undefined) throw new Error(`no row ${label}`)
  return row
}

const cellsOf = (label: string) => within(rowOf(label)).getAllByRole('cell')
const cellOf = (label: string, run: number) => {
  const cell = cellsOf(label)[run]
  if (cell === undefined) throw new Error(`no cell ${run} in ${label}`)
  return cell
}

describe('RunDiffTable: runs as columns', () => {
  it('heads each column with the run, its colour, and the baseline mark', async () => {
    const { user, onBaselineChange } = setup([alpha, beta, gamma])
    const headers = table().getAllByRole('columnheader')
    expect(headers.map((header) => header.getAttribute('aria-labelledby') === null)).toEqual([
      true,
      false,
      false,
      false,
    ])
    const alphaHeader = table().getByRole('columnheader', { name: 'alpha' })
    expect(within(alphaHeader).getByText('Baseline')).toBeTruthy()
    expect(within(alphaHeader).queryByRole('button', { name: /baseline/ })).toBeNull()
    const swatch = alphaHeader.querySelector('.run-diff-swatch')
    expect(swatch?.getAttribute('style')).toContain('background-color: rgb(78, 121, 167)')

    const gammaHeader = table().getByRole('columnheader', { name: 'gamma' })
    expect(within(gammaHeader).queryByText('Baseline')).toBeNull()
    await user.click(within(gammaHeader).getByRole('button', { name: 'Set as baseline: gamma' }))
    expect(onBaselineChange).toHaveBeenCalledWith('c3')
  })

  it('moves the baseline mark to the run picked', () => {
    setup([alpha, beta, gamma], { baselineId: 'b2' })
    const betaHeader = table().getByRole('columnheader', { name: 'beta' })
    expect(within(betaHeader).getByText('Baseline')).toBeTruthy()
    expect(screen.getByText(/Cells are compared with the baseline/).textContent).toContain('beta')
    expect(
      within(table().getByRole('columnheader', { name: 'alpha' })).getByRole('button', {
        name: 'Set as baseline: alpha',
      }),
    ).toBeTruthy()
  })

  it('leaves out the baseline and direction buttons when the page gives no callbacks', () => {
    setup([alpha, beta, gamma], { onBaselineChange: undefined, onFlipDirection: undefined })
    expect(table().queryByRole('button', { name: /Set as baseline/ })).toBeNull()
    expect(table().queryByRole('button', { name: /better/ })).toBeNull()
  })
})

describe('RunDiffTable: what differs', () => {
  it('marks missing values as missing and shows every row by default', () => {
    setup([alpha, beta, gamma])
    expect(cellsOf('dropout').map((cell) => cell.textContent)).toEqual(['missing', '0.1', 'missing'])
    expect(cellsOf('team').map((cell) => cell.textContent)).toEqual(['vision', 'vision', 'vision'])
  })

  it('folds identical rows into a count per section with "only differences"', () => {
    setup([alpha, beta, gamma], { onlyDifferences: true })
    expect(() => rowOf('team')).toThrow()
    expect(rowOf('optimizer')).toBeTruthy()
    expect(table().getByText('Tags').textContent).toBe('Tags 0 of 1 differ')
    const tagRows = table().getAllByRole('row')
    const tagsTitle = tagRows.findIndex((row) => row.textContent === 'Tags 0 of 1 differ')
    expect(tagRows[tagsTitle + 1]?.textContent).toBe('1 identical row hidden')
  })

  it('says when a param is written differently but is the same number', () => {
    setup([alpha, beta, gamma])
    expect(cellOf('lr', 1).textContent).toBe('1e-2same value')
    expect(cellOf('lr', 2).textContent).toBe('0.02')
  })

  it('truncates long values with the full value on hover', () => {
    setup([alpha, beta])
    const cell = cellOf('Source', 0)
    expect(cell.getAttribute('title')).toBe(LONG_SOURCE)
    expect(cellOf('Source', 1).textContent).toBe('missing')
  })
})

describe('RunDiffTable: against the baseline', () => {
  it('shows metric deltas, coloured by which way the name says is better', () => {
    setup([alpha, beta, gamma])
    // val_loss: lower is better. beta went down (better), gamma up (worse).
    expect(cellOf('val_loss', 0).textContent).toBe('0.5')
    expect(cellOf('val_loss', 1).textContent).toBe('0.4−0.1 (−20%), better')
    expect(cellOf('val_loss', 2).textContent).toBe('0.6+0.1 (+20%), worse')
    // accuracy: higher is better.
    expect(cellOf('accuracy', 1).textContent).toContain(', worse')
    expect(cellOf('accuracy', 2).textContent).toContain(', better')
    // No direction in the name: a delta but no verdict.
    expect(cellOf('lr_metric', 1).textContent).toBe('3+1 (+50%)')
    expect(
      within(rowOf('val_loss')).getByRole('button', { name: 'val_loss: lower is better, flip' }),
    ).toBeTruthy()
    expect(
      within(rowOf('accuracy')).getByRole('button', { name: 'accuracy: higher is better, flip' }),
    ).toBeTruthy()
  })

  it('lets the user flip a metric direction', async () => {
    function Flippable() {
      const [flipped, setFlipped] = useState<ReadonlySet<string>>(new Set())
      return (
        <RunDiffTable
          runs={[alpha, beta]}
          rows={diffRuns([alpha, beta])}
          onlyDifferences={false}
          renderRunLink={(run) => run.info.runName}
          flipped={flipped}
          onFlipDirection={(key) => {
            setFlipped((current) => {
              const next = new Set(current)
              if (!next.delete(key)) next.add(key)
              return next
            })
          }}
        />
      )
    }
    const user = userEvent.setup()
    render(<Flippable />)
    await user.click(screen.getByRole('button', { name: 'val_loss: lower is better, flip' }))
    expect(screen.getByRole('button', { name: 'val_loss: higher is better, flip' }).textContent).toBe(
      '↑ better',
    )
    expect(cellOf('val_loss', 1).textContent).toContain(', worse')
  })

  it('compares with the baseline the page picked', () => {
    setup([alpha, beta, gamma], { baselineId: 'c3' })
    expect(cellOf('val_loss', 0).textContent).toContain('−0.1')
    expect(cellOf('val_loss', 2).textContent).toBe('0.6')
  })

  it('reads two runs as "A vs B": changed, added, removed', () => {
    setup([alpha, beta])
    const summary = screen.getByText(/changed,/)
    // optimizer, lr (as text), val_loss, accuracy, lr_metric changed; dropout added; seed and Source removed.
    expect(summary.textContent).toBe('alpha vs beta: 5 changed, 1 added, 2 removed')
    expect(within(rowOf('dropout')).getByText('added')).toBeTruthy()
    expect(within(rowOf('seed')).getByText('removed')).toBeTruthy()
    expect(within(rowOf('optimizer')).getByText('changed')).toBeTruthy()
    expect(within(rowOf('team')).queryByText(/changed|added|removed/)).toBeNull()
    expect(rowOf('dropout').querySelector('th')?.getAttribute('aria-describedby')).toBeTruthy()
  })

  it('swaps A and B with the baseline', () => {
    setup([alpha, beta], { baselineId: 'b2' })
    expect(screen.getByText(/changed,/).textContent).toBe('beta vs alpha: 5 changed, 2 added, 1 removed')
    expect(within(rowOf('dropout')).getByText('removed')).toBeTruthy()
  })
})

describe('RunDiffTable: metric ranges', () => {
  const range = (min: number, max: number, sampled = false): MetricRange => ({ min, max, sampled })

  it('has no min/max rows until the ranges arrive', () => {
    setup([alpha, beta])
    expect(table().queryByRole('rowheader', { name: 'val_loss · min' })).toBeNull()
    expect(screen.queryByText(/† Sampled:/)).toBeNull()
  })

  it('adds min and max rows under a metric, marking sampled values', () => {
    const metricRanges = new Map([
      [
        'val_loss',
        new Map([
          ['a1', range(0.3, 2.1)],
          ['b2', range(0.25, 2.4, true)],
        ]),
      ],
    ])
    setup([alpha, beta], { metricRanges })
    const labels = table()
      .getAllByRole('rowheader')
      .map((header) => header.getAttribute('title'))
    expect(labels.indexOf('val_loss · min')).toBe(labels.indexOf('val_loss') + 1)
    expect(labels.indexOf('val_loss · max')).toBe(labels.indexOf('val_loss') + 2)
    expect(cellOf('val_loss · min', 0).textContent).toBe('0.3')
    expect(cellOf('val_loss · min', 1).textContent).toBe('0.25† sampled−0.05 (−17%), better')
    const marker = within(cellOf('val_loss · max', 1)).getByText('†')
    expect(marker.getAttribute('title')).toMatch(/stride sample/)
    expect(screen.getByText(/† Sampled:/)).toBeTruthy()
    // Only the latest row has the direction toggle.
    expect(within(rowOf('val_loss · min')).queryByRole('button', { name: /flip/ })).toBeNull()
    // Min/max rows do not count in the A vs B summary.
    expect(screen.getByText(/changed,/).textContent).toBe('alpha vs beta: 5 changed, 1 added, 2 removed')
  })
})

describe('RunDiffTable: copying', () => {
  it('copies a hovered cell through its copy button, in full precision', async () => {
    const precise = makeRun({ runId: 'p', runName: 'precise', metrics: { val_loss: 0.123456789 } })
    const { user } = setup([alpha, precise])
    const cell = cellOf('val_loss', 1)
    expect(within(cell).queryByRole('button')).toBeNull()
    await user.hover(cell)
    await user.click(within(cell).getByRole('button', { name: 'Copy val_loss of precise' }))
    expect(await navigator.clipboard.readText()).toBe('0.123456789')
    expect(within(cell).getByRole('button', { name: 'Copied' })).toBeTruthy()
    expect(screen.getByRole('status').textContent).toBe('Copied')
    // Only the hovered cell renders a button.
    expect(table().getAllByRole('button', { name: /^Cop/ })).toHaveLength(1)
  })

  it('is one tab stop: arrow keys move between cells, Enter copies, Tab reaches the copy button', async () => {
    const { user } = setup([alpha, beta], { onBaselineChange: undefined, onFlipDirection: undefined })
    // Past the two run links in the header, the first value cell: alpha's dropout.
    await user.tab()
    await user.tab()
    await user.tab()
    expect(document.activeElement).toBe(cellOf('dropout', 0))
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(cellOf('lr', 0))
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toBe(cellOf('lr', 1))
    await user.keyboard('{Enter}')
    expect(await navigator.clipboard.readText()).toBe('1e-2')
    await user.keyboard('{Home}')
    expect(document.activeElement).toBe(within(rowOf('lr')).getByRole('rowheader'))
    await user.keyboard('{Control>}c{/Control}')
    expect(await navigator.clipboard.readText()).toBe('lr')
    await user.keyboard('{End}')
    await user.tab()
    expect(document.activeElement).toBe(
      within(cellOf('lr', 1)).getByRole('button', { name: 'Copy lr of beta' }),
    )
    await user.keyboard('{Enter}')
    expect(await navigator.clipboard.readText()).toBe('1e-2')
    // Leaving and coming back lands on the cell focused last.
    await user.tab({ shift: true })
    expect(document.activeElement).toBe(cellOf('lr', 1))
  })

  it('skips section titles when moving down', async () => {
    const { user } = setup([alpha, beta], { onBaselineChange: undefined, onFlipDirection: undefined })
    const lastParam = cellOf('seed', 0)
    lastParam.focus()
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(cellOf('accuracy', 0))
  })
})
