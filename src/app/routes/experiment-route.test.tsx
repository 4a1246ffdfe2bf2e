import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMockServer } from '@mocks/node'
import { mlflowError } from '@mocks/handlers/protocol'
import { CONTRACT_EXPERIMENTS } from '@mocks/world/contract-world'
import { renderRoute } from '@/testing/render-route'

let mock = createMockServer('contract')
/** Loading runs page by page can take a while on a busy CI machine. */
const LOAD = { timeout: 10_000 }

beforeAll(() => {
  mock.server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => {
  mock.server.close()
  mock = createMockServer('contract')
  mock.server.listen({ onUnhandledRequest: 'error' })
})
afterAll(() => {
  mock.server.close()
})

function experimentId(name: string): string {
  const experiment = mock.store.getExperimentByName(name)
  if (experiment === undefined) throw new Error(`no experiment ${name}`)
  return experiment.experimentId
}

function grid() {
  return screen.getByRole('grid', { name: 'Runs' })
}

/** Run names of the rendered body rows, in order. */
function runNames(): string[] {
  return within(grid())
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-run-id'))
    .map((row) => within(row).getAllByRole('link')[0]?.textContent ?? '')
}

async function loaded(text: RegExp | string) {
  await waitFor(() => {
    const status = screen.getByRole('status', { name: 'Run loading status' })
    expect(status.getAttribute('data-state')).toBe('done')
    expect(status.textContent).toMatch(text)
  }, LOAD)
}

describe('runs table', () => {
  it('loads every run of an experiment, a small first page and then bigger ones', async () => {
    const requests: number[] = []
    mock.server.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/runs/search'))
        void request
          .clone()
          .json()
          .then((body: { max_results: number }) => requests.push(body.max_results))
    })
    renderRoute(`/experiments/${experimentId(CONTRACT_EXPERIMENTS.grid)}`)
    await loaded('120 runs')
    expect(requests.slice(0, 2)).toEqual([50, 1000])
    expect(runNames()[0]).toBe('grid-120')
  })

  it('nests child runs under their parents, collapsed until expanded', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(`/experiments/${experimentId(CONTRACT_EXPERIMENTS.sweep)}`)
    await loaded(/runs/)
    expect(runNames()).toEqual(['sweep-b', 'sweep-a'])
    await user.click(screen.getByRole('button', { name: /Expand sweep-a \(8 child runs\)/ }))
    await waitFor(() => {
      expect(runNames()).toContain('sweep-a-trial-1')
    })
    expect(router.state.location.search).toContain('expand=')
  })

  it('shows a matching child under its parent and grandparent when a filter leaves them out', async () => {
    const filter = encodeURIComponent("attributes.run_name LIKE 'sweep-b-trial-3-fold-%'")
    renderRoute(`/experiments/${experimentId(CONTRACT_EXPERIMENTS.sweep)}?filter=${filter}`)
    await loaded(/runs/)
    // The trial and the sweep come in batched run_id IN requests, level by level.
    await waitFor(() => {
      expect(runNames().slice(0, 3)).toEqual(['sweep-b', 'sweep-b-trial-3', 'sweep-b-trial-3-fold-4'])
    }, LOAD)
    const level = (name: string) =>
      within(grid())
        .getAllByRole('row')
        .find((row) => within(row).queryByRole('link', { name }) !== null)
        ?.getAttribute('aria-level')
    expect([level('sweep-b'), level('sweep-b-trial-3'), level('sweep-b-trial-3-fold-1')]).toEqual([
      '1',
      '2',
      '3',
    ])
    expect(within(grid()).getAllByText('(parent)')).toHaveLength(2)
  })

  it('filters runs that hold NaN metrics without trouble', async () => {
    const user = userEvent.setup()
    renderRoute(`/experiments/${experimentId(CONTRACT_EXPERIMENTS.grid)}`)
    await loaded('120 runs')
    // lr 0.01 includes grid-043, whose latest score is NaN.
    await user.type(screen.getByRole('combobox', { name: 'Filter runs' }), "params.lr = '0.01'{Enter}")
    await loaded('24 runs')
    expect(runNames()).toContain('grid-043')
  })

  it('deletes the selected runs to the end even though the selection clears at once', async () => {
    const user = userEvent.setup()
    renderRoute(`/experiments/${experimentId(CONTRACT_EXPERIMENTS.grid)}?sort=attributes.run_name&desc=0`)
    await loaded('120 runs')
    await user.click(screen.getByRole('checkbox', { name: 'Select grid-001' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select grid-002' }))
    await user.click(screen.getByRole('button', { name: 'Delete…' }))
    await user.click(screen.getByRole('button', { name: 'Delete 2 runs' }))
    expect(await screen.findByText('Deleted 2 runs.', undefined, LOAD)).toBeTruthy()
    expect(mock.store.getRun(mock.store.runIdOf('grid-001') ?? '')?.lifecycleStage).toBe('deleted')
    expect(mock.store.getRun(mock.store.runIdOf('grid-002') ?? '')?.lifecycleStage).toBe('deleted')
    await loaded('118 runs')
  })

  it('marks a malformed filter where it is wrong, sends nothing and keeps the runs', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(`/experiments/${experimentId(CONTRACT_EXPERIMENTS.grid)}`)
    await loaded('120 runs')
    const box = screen.getByRole('combobox', { name: 'Filter runs' })
    await user.type(box, 'metrics.loss >> 1{Enter}')
    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toMatch(/Invalid|invalid|Expected|expected/)
    })
    // The bad part is marked in the text.
    expect(document.querySelector('mark')?.textContent).toBeTruthy()
    expect(router.state.location.search).toBe('')
    expect(runNames().length).toBeGreaterThan(0)
  })

  it('shows the server’s own message inline when it rejects a filter, keeping the last results', async () => {
    mock.server.use(
      http.post('*/runs/search', async ({ request }) => {
        const body: unknown = await request.clone().json()
        if (JSON.stringify(body).includes('rejected'))
          return mlflowError('INVALID_PARAMETER_VALUE', 'The server does not like this filter.')
        return undefined
      }),
    )
    const user = userEvent.setup()
    renderRoute(`/experiments/${experimentId(CONTRACT_EXPERIMENTS.grid)}`)
    await loaded('120 runs')
    await user.type(screen.getByRole('combobox', { name: 'Filter runs' }), "params.lr = 'rejected'{Enter}")
    expect((await screen.findAllByText(/The server does not like this filter/)).length).toBeGreaterThan(0)
    expect(runNames().length).toBeGreaterThan(0)
  })

  it('filters by several statuses in the browser, and says so', async () => {
    renderRoute(
      `/experiments/${experimentId(CONTRACT_EXPERIMENTS.grid)}?filter=${encodeURIComponent("attributes.status IN ('FAILED', 'KILLED')")}`,
    )
    await loaded(/of 120/)
    const statuses = within(grid())
      .getAllByRole('row')
      .filter((row) => row.hasAttribute('data-run-id'))
      .map((row) => row.querySelector('.status')?.textContent)
    expect(statuses.length).toBeGreaterThan(0)
    expect(new Set(statuses)).toEqual(new Set(['failed', 'killed']))
  })

  it('sorts by a metric on header click, numbers as numbers, and keeps it in the URL', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(`/experiments/${experimentId(CONTRACT_EXPERIMENTS.grid)}`)
    await loaded('120 runs')
    const header = screen.getAllByRole('columnheader').find((cell) => cell.title.startsWith('metrics.'))
    if (header === undefined) throw new Error('no metric column')
    await user.click(within(header).getByRole('button'))
    await waitFor(() => {
      expect(header.getAttribute('aria-sort')).toBe('descending')
    })
    expect(router.state.location.search).toContain(
      `sort=${encodeURIComponent(header.title).replace(/%20/g, '+')}`,
    )
  })

  it('sorts params holding numbers as numbers once every run is in, from the sort menu', async () => {
    const user = userEvent.setup()
    const filter = encodeURIComponent("tags.`sweep.kind` = 'trial'")
    const { router } = renderRoute(
      `/experiments/${experimentId(CONTRACT_EXPERIMENTS.sweep)}?filter=${filter}&pin=params.batch_size&expand=all`,
    )
    await loaded(/runs/)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'params.batch_size')
    await user.click(screen.getByRole('button', { name: 'Sorted descending: sort ascending' }))
    expect(router.state.location.search).toContain('sort=params.batch_size&desc=0')
    await waitFor(() => {
      const sizes = within(grid())
        .getAllByRole('row')
        .filter((row) => /trial-\d+$/.test(within(row).queryAllByRole('link')[0]?.textContent ?? ''))
        .slice(0, 8)
        .map((row) => Number(within(row).getAllByRole('gridcell')[2]?.textContent))
      // Under sweep-b (the newer sweep, first): 64 before 128 before 256, not '128' < '256' < '64'.
      expect(sizes).toEqual([...sizes].sort((a, b) => a - b))
      expect(new Set(sizes).size).toBeGreaterThan(1)
    })
  })

  it('reproduces columns, sort and selection from a link', async () => {
    const grid = experimentId(CONTRACT_EXPERIMENTS.grid)
    const first = mock.store.runIdOf('grid-001') ?? ''
    renderRoute(
      `/experiments/${grid}?hide=attributes.user&show=tags.mlflow.runName&pin=tags.mlflow.runName&sel=${first}&sort=attributes.run_name&desc=0`,
    )
    await loaded('120 runs')
    const headers = screen.getAllByRole('columnheader').map((cell) => cell.title)
    expect(headers).not.toContain('attributes.user')
    expect(headers).toContain('tags.mlflow.runName')
    expect(runNames()[0]).toBe('grid-001')
    expect(screen.getByRole('checkbox', { name: 'Select grid-001' })).toHaveProperty('checked', true)
    expect(screen.getByText('1 selected')).toBeTruthy()
  })

  it('opens compare with the selected runs', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(
      `/experiments/${experimentId(CONTRACT_EXPERIMENTS.grid)}?sort=attributes.run_name&desc=0`,
    )
    await loaded('120 runs')
    await user.click(screen.getByRole('checkbox', { name: 'Select grid-001' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select grid-002' }))
    await user.click(screen.getByRole('button', { name: /^Compare/ }))
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/compare')
    })
    const ids = [mock.store.runIdOf('grid-001'), mock.store.runIdOf('grid-002')]
    expect(router.state.location.search).toBe(`?runs=${ids.join(',')}`)
  })

  it('groups runs by a param with the metric aggregates on each group row', async () => {
    renderRoute(`/experiments/${experimentId(CONTRACT_EXPERIMENTS.grid)}?group=params.lr`)
    await loaded('120 runs')
    const groups = within(grid())
      .getAllByRole('row')
      .filter((row) => row.classList.contains('run-grid-group'))
    expect(groups.map((row) => row.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('lr = 0.001')]),
    )
  })

  it('shows the runs of several experiments in one table', async () => {
    const ids = [experimentId(CONTRACT_EXPERIMENTS.grid), experimentId(CONTRACT_EXPERIMENTS.sweep)]
    renderRoute(`/experiments/${ids.join(',')}`)
    expect(await screen.findByRole('heading', { name: 'Runs of 2 experiments' })).toBeTruthy()
    // 120 grid runs, and the sweep's 2 parents, 16 trials and 60 folds.
    await loaded('198 runs')
    expect(runNames()).toEqual(expect.arrayContaining(['grid-120']))
  })

  it('opens a run from its link in the app, and from the keyboard', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(
      `/experiments/${experimentId(CONTRACT_EXPERIMENTS.grid)}?sort=attributes.run_name&desc=0`,
    )
    await loaded('120 runs')
    const link = screen.getByRole('link', { name: 'grid-001' })
    expect(link.getAttribute('href')).toBe(
      `/experiments/${experimentId(CONTRACT_EXPERIMENTS.grid)}/runs/${mock.store.runIdOf('grid-001') ?? ''}`,
    )
    await user.click(link)
    await waitFor(() => {
      expect(router.state.location.pathname).toContain(mock.store.runIdOf('grid-001') ?? 'none')
    })
    await router.navigate(-1)
    await loaded('120 runs')
    grid().focus()
    await user.keyboard('{ArrowDown}{Enter}')
    await waitFor(() => {
      expect(router.state.location.pathname).toContain(mock.store.runIdOf('grid-002') ?? 'none')
    })
  })

  it('adds a condition to the filter when a param value in a cell is clicked', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(
      `/experiments/${experimentId(CONTRACT_EXPERIMENTS.grid)}?pin=params.lr&sort=attributes.run_name&desc=0`,
    )
    await loaded('120 runs')
    const row = within(grid())
      .getAllByRole('row')
      .find((candidate) => within(candidate).queryByRole('link', { name: 'grid-001' }) !== null)
    if (row === undefined) throw new Error('no grid-001 row')
    await user.click(within(row).getByRole('button', { name: '0.1' }))
    await waitFor(() => {
      expect(new URLSearchParams(router.state.location.search).get('filter')).toBe("params.lr = '0.1'")
    })
    await loaded('24 runs')
  })

  it('resizes a column by dragging its header edge, and keeps the width in the URL', async () => {
    const { router } = renderRoute(`/experiments/${experimentId(CONTRACT_EXPERIMENTS.grid)}`)
    await loaded('120 runs')
    const handle = screen.getByRole('separator', { name: 'Resize Status' })
    fireEvent.mouseDown(handle, { clientX: 300 })
    fireEvent.mouseMove(document, { clientX: 360 })
    fireEvent.mouseUp(document, { clientX: 360 })
    await waitFor(() => {
      expect(new URLSearchParams(router.state.location.search).get('w')).toBe('attributes.status:230')
    })
    const header = screen.getAllByRole('columnheader').find((cell) => cell.title === 'attributes.status')
    expect(header?.style.width).toBe('230px')
  })

  it('says when an experiment has no runs', async () => {
    renderRoute(`/experiments/${experimentId(CONTRACT_EXPERIMENTS.empty)}`)
    expect(await screen.findByText('This experiment has no runs yet.')).toBeTruthy()
  })
})
