import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockServer } from '@mocks/node'
import { IMPORTANCE_SWEEP } from '@mocks/world/contract-sweep'
import { renderRoute } from '@/testing/render-route'

const mock = createMockServer('contract')
const LOAD = { timeout: 10_000 }

beforeAll(() => {
  mock.server.listen({ onUnhandledRequest: 'error' })
  // jsdom draws nothing (and says so on every call): the canvas charts skip drawing without a context.
  HTMLCanvasElement.prototype.getContext = () => null
})
afterAll(() => {
  mock.server.close()
})

function experimentUrl(query: string): string {
  const experiment = mock.store.getExperimentByName(IMPORTANCE_SWEEP.experiment)
  if (experiment === undefined) throw new Error('no importance-sweep experiment')
  return `/experiments/${experiment.experimentId}?${query}`
}

function charts() {
  return screen.getByRole('region', { name: 'Charts' })
}

/** "48 runs on the charts". */
async function chartedRuns(count: number) {
  await waitFor(() => {
    expect(screen.getByRole('status', { name: 'Charted runs' }).textContent).toBe(
      `${count} runs on the charts`,
    )
  }, LOAD)
}

async function listedRuns(text: string) {
  await waitFor(() => {
    expect(screen.getByRole('status', { name: 'Listed runs' }).textContent).toBe(text)
  }, LOAD)
}

/** The scatter's legend: how many runs it plots. */
function scatterLegend(): string {
  const figure = within(charts()).getByRole('figure', { name: /^Scatter / })
  return figure.querySelector('figcaption')?.textContent ?? ''
}

function listedNames(): string[] {
  return within(screen.getByRole('grid', { name: 'Runs' }))
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-run-id'))
    .map((row) => within(row).getAllByRole('link')[0]?.textContent ?? '')
}

describe('experiment page, chart view', { timeout: 30_000 }, () => {
  it('opens with the default charts for the sweep, and a run hidden by its eye leaves them', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(experimentUrl('charts=1'))
    await chartedRuns(48)
    await listedRuns('48 of 48 runs')
    const panels = [...charts().querySelectorAll('[data-chart-type]')].map((panel) =>
      panel.getAttribute('aria-label'),
    )
    expect(panels).toEqual([
      'Parallel coordinates',
      'val_accuracy vs learning_rate',
      'Parameter importance for val_accuracy',
      'val_accuracy by step',
    ])
    // The scatter plots the 44 runs that logged val_accuracy (four failed before evaluating).
    await waitFor(() => {
      expect(scatterLegend()).toMatch(/^44 runs/)
    })

    const [first] = listedNames()
    await user.click(screen.getByRole('button', { name: `Hide ${first} from the charts` }))
    await chartedRuns(47)
    // Still listed, its eye off; the selection is untouched.
    expect(listedNames()).toContain(first)
    expect(screen.getByRole('button', { name: `Show ${first} on the charts` })).toBeTruthy()
    expect(screen.getByRole('checkbox', { name: `Select ${first}` })).toHaveProperty('checked', false)
    expect(new URLSearchParams(router.state.location.search).get('hidden')).toMatch(/^[0-9a-f]+$/)
  })

  it('a brush in the URL shrinks the run list and every chart but the parallel coordinates', async () => {
    // Sorted, too: the list keeps the table's order (and a sort does not set the page re-rendering).
    renderRoute(experimentUrl('charts=1&brush=params.optimizer:in:adam&sort=metrics.val_accuracy'))
    await listedRuns('16 of 48 runs')
    await chartedRuns(16)
    expect(listedNames()).toHaveLength(16)
    // The list's second column is the main metric.
    const values = within(screen.getByRole('grid', { name: 'Runs' }))
      .getAllByRole('row')
      .filter((row) => row.hasAttribute('data-run-id'))
      .map((row) => Number(row.querySelector('.cell-number')?.textContent))
    expect(values.every(Number.isFinite)).toBe(true)
    expect(values).toEqual([...values].sort((a, b) => b - a))
    await waitFor(() => {
      expect(scatterLegend()).toMatch(/^16 runs/)
    })
    const parallel = within(charts()).getByRole('figure', { name: 'Parallel coordinates' })
    expect(parallel.textContent).toContain('16 of 48 runs inside the brushes')
    expect(screen.getByRole('group', { name: 'Brushes' }).textContent).toContain('optimizer')
  })

  it('brushing an axis with the keyboard filters the page, and clearing it brings the runs back', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(experimentUrl('charts=1'))
    await chartedRuns(48)
    const axis = within(charts()).getByRole('group', { name: /^learning_rate axis/ })
    axis.focus()
    await user.keyboard('{ArrowUp}')
    await waitFor(() => {
      expect(router.state.location.search).toContain('brush=params.learning_rate')
    })
    await waitFor(() => {
      const listed = Number(screen.getByRole('status', { name: 'Listed runs' }).textContent.split(' ')[0])
      expect(listed).toBeLessThan(48)
      expect(listed).toBeGreaterThan(0)
    })
    await user.click(
      within(screen.getByRole('group', { name: 'Brushes' })).getByRole('button', { name: 'Clear brushes' }),
    )
    await listedRuns('48 of 48 runs')
  })

  it('the table filter narrows the charts, show first N and hide finished narrow the list, and all stay in the URL', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(experimentUrl(`filter=${encodeURIComponent("params.optimizer = 'sgd'")}`))
    await waitFor(() => {
      expect(screen.getByRole('status', { name: 'Run loading status' }).textContent).toMatch(/16 runs/)
    }, LOAD)
    expect(screen.queryByRole('region', { name: 'Charts' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Charts' }))
    await chartedRuns(16)
    await user.type(screen.getByRole('spinbutton', { name: 'Show first' }), '5')
    await listedRuns('5 of 16 runs')
    await chartedRuns(5)
    await user.click(screen.getByRole('checkbox', { name: 'Hide finished' }))
    await waitFor(() => {
      expect(new URLSearchParams(router.state.location.search).get('finished')).toBe('hide')
    })
    const params = new URLSearchParams(router.state.location.search)
    expect(params.get('charts')).toBe('1')
    expect(params.get('first')).toBe('5')
    expect(params.get('filter')).toBe("params.optimizer = 'sgd'")
  })

  it('adds, moves and removes charts, writing them to the URL', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(experimentUrl('charts=1&chart=importance:val_accuracy'))
    await chartedRuns(48)
    await user.click(screen.getByRole('button', { name: '+ Add chart' }))
    const form = screen.getByRole('form', { name: 'Add a chart' })
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Chart type' }), 'box')
    await user.click(within(form).getByRole('button', { name: 'Add' }))
    await waitFor(() => {
      expect(new URLSearchParams(router.state.location.search).getAll('chart')).toEqual([
        'importance:val_accuracy',
        'box:val_accuracy:learning_rate',
      ])
    })
    await user.click(screen.getByRole('button', { name: 'Move val_accuracy by learning_rate up' }))
    await waitFor(() => {
      expect(new URLSearchParams(router.state.location.search).getAll('chart')[0]).toBe(
        'box:val_accuracy:learning_rate',
      )
    })
    await user.click(screen.getByRole('button', { name: 'Remove Parameter importance for val_accuracy' }))
    await waitFor(() => {
      expect(new URLSearchParams(router.state.location.search).getAll('chart')).toEqual([
        'box:val_accuracy:learning_rate',
      ])
    })
    await user.click(screen.getByRole('button', { name: 'Remove val_accuracy by learning_rate' }))
    await waitFor(() => {
      expect(new URLSearchParams(router.state.location.search).getAll('chart')).toEqual(['none'])
    })
    expect(within(charts()).getByText('No charts')).toBeTruthy()
  })
})
