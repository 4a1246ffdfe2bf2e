import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMockServer } from '@mocks/node'
import { mlflowError } from '@mocks/handlers/protocol'
import { renderRoute } from '@/testing/render-route'

let mock = createMockServer('demo')

beforeAll(() => {
  mock.server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => {
  mock.server.close()
  mock = createMockServer('demo')
  mock.server.listen({ onUnhandledRequest: 'error' })
})
afterAll(() => {
  mock.server.close()
})

function rowNames(): string[] {
  const table = screen.getByRole('table', { name: 'Experiments' })
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '')
}

describe('experiments page', () => {
  it('lists experiments, most recently updated first, with the demo marker', async () => {
    renderRoute('/experiments')
    expect(await screen.findByRole('link', { name: 'llm-finetune' })).toBeTruthy()
    expect(rowNames().slice(0, 4)).toEqual([
      'llm-finetune',
      'resnet-hparam-sweep',
      'importance-sweep',
      'artifact-zoo',
    ])
    expect(screen.getByText('Demo data')).toBeTruthy()
    expect(rowNames()).not.toContain('archived-experiment')
  })

  it('searches by name through the URL', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute('/experiments')
    await screen.findByRole('link', { name: 'llm-finetune' })
    await user.type(screen.getByRole('searchbox', { name: 'Search experiments by name' }), 'SWEEP')
    await waitFor(() => {
      expect(rowNames()).toEqual(['resnet-hparam-sweep', 'importance-sweep', 'cifar-sweep'])
    })
    expect(router.state.location.search).toBe('?q=SWEEP')
  })

  it('reproduces a view from its link: search, sort and order', async () => {
    renderRoute('/experiments?q=sweep&sort=name&dir=asc')
    await waitFor(() => {
      expect(rowNames()).toEqual(['cifar-sweep', 'importance-sweep', 'resnet-hparam-sweep'])
    })
    expect(
      screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search experiments by name' }).value,
    ).toBe('sweep')
  })

  it('filters by tag', async () => {
    renderRoute('/experiments?tag=team%3Dvision')
    await waitFor(() => {
      expect(rowNames()).toEqual(['resnet-hparam-sweep', 'cifar-sweep', 'mnist-baseline'])
    })
    expect(screen.getByRole('list', { name: 'Active tag filters' }).textContent).toContain('team is “vision”')
  })

  it('shows deleted experiments on request, marked and restorable', async () => {
    renderRoute('/experiments?view=deleted')
    expect(await screen.findByRole('link', { name: 'archived-experiment' })).toBeTruthy()
    expect(rowNames()).toEqual(['archived-experimentDeleted'])
    expect(screen.getByRole('button', { name: 'Restore archived-experiment' })).toBeTruthy()
  })

  it('says when nothing matches, and clears the filters', async () => {
    const user = userEvent.setup()
    renderRoute('/experiments?q=no-such-experiment')
    expect(await screen.findByText('No experiment matches these filters.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(await screen.findByRole('link', { name: 'llm-finetune' })).toBeTruthy()
  })

  it('renames an experiment and keeps the new name', async () => {
    const user = userEvent.setup()
    renderRoute('/experiments?q=lr-grid')
    await user.click(await screen.findByRole('button', { name: 'Rename lr-grid' }))
    const input = screen.getByLabelText('New name')
    await user.clear(input)
    await user.type(input, 'lr-grid-v2{Enter}')
    expect(await screen.findByRole('link', { name: 'lr-grid-v2' })).toBeTruthy()
    expect(mock.store.getExperimentByName('lr-grid-v2')?.experimentId).toBe('3')
  })

  it('rolls a refused rename back and says so', async () => {
    const user = userEvent.setup()
    mock.server.use(
      http.post('*/ajax-api/2.0/mlflow/experiments/update', () =>
        mlflowError('PERMISSION_DENIED', 'User alice may not rename this experiment'),
      ),
    )
    renderRoute('/experiments?q=lr-grid')
    await user.click(await screen.findByRole('button', { name: 'Rename lr-grid' }))
    const input = screen.getByLabelText('New name')
    await user.clear(input)
    await user.type(input, 'renamed{Enter}')
    const alert = await screen.findByText(/Could not rename “lr-grid”/)
    expect(alert.textContent).toContain('User alice may not rename this experiment')
    expect(alert.textContent).toContain('The change was undone.')
    expect(screen.getByRole('link', { name: 'lr-grid' })).toBeTruthy()
    expect(screen.queryByRole('link', { name: 'renamed' })).toBeNull()
  })

  it('deletes and restores an experiment after confirmation', async () => {
    const user = userEvent.setup()
    renderRoute('/experiments?q=lr-grid&view=all')
    await user.click(await screen.findByRole('button', { name: 'Delete lr-grid' }))
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }))
    expect(await screen.findByRole('button', { name: 'Restore lr-grid' })).toBeTruthy()
    expect(mock.store.getExperiment('3')?.lifecycleStage).toBe('deleted')
    await user.click(screen.getByRole('button', { name: 'Restore lr-grid' }))
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Restore' }))
    expect(await screen.findByRole('button', { name: 'Delete lr-grid' })).toBeTruthy()
    expect(mock.store.getExperiment('3')?.lifecycleStage).toBe('active')
  })

  it('creates an experiment with a description and opens it', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute('/experiments')
    await user.click(await screen.findByRole('button', { name: 'New experiment' }))
    await user.type(screen.getByLabelText('Name'), 'fresh-experiment')
    await user.type(screen.getByLabelText('Description (Markdown, optional)'), 'Hello **world**')
    await user.click(screen.getByRole('button', { name: 'Create' }))
    await waitFor(
      () => {
        expect(router.state.location.pathname).toBe('/experiments/13')
        // The experiment page is a lazy route: its first import can take seconds on a busy machine.
      },
      { timeout: 5000 },
    )
    expect(await screen.findByRole('heading', { name: 'fresh-experiment' })).toBeTruthy()
    expect(screen.getByText('world').tagName).toBe('STRONG')
  })

  it('keeps the dialog and what was typed when creation fails', async () => {
    const user = userEvent.setup()
    renderRoute('/experiments')
    await user.click(await screen.findByRole('button', { name: 'New experiment' }))
    await user.type(screen.getByLabelText('Name'), 'mnist-baseline')
    await user.click(screen.getByRole('button', { name: 'Create' }))
    expect((await screen.findByRole('alert')).textContent).toContain('already exists')
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('mnist-baseline')
  })

  it('shows the server failure with a retry that recovers', async () => {
    const user = userEvent.setup()
    let fail = true
    mock.server.use(
      http.get('*/ajax-api/2.0/mlflow/experiments/search', () =>
        fail ? HttpResponse.text('upstream exploded', { status: 500 }) : undefined,
      ),
    )
    renderRoute('/experiments')
    expect(await screen.findByText('The tracking server failed (500)', {}, { timeout: 10_000 })).toBeTruthy()
    fail = false
    await user.click(screen.getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('link', { name: 'llm-finetune' })).toBeTruthy()
  })

  it('opens the runs of two selected experiments in one table', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute('/experiments')
    const lrGrid = mock.store.getExperimentByName('lr-grid')?.experimentId
    const mnist = mock.store.getExperimentByName('mnist-baseline')?.experimentId
    await user.click(await screen.findByRole('checkbox', { name: 'Select lr-grid' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select mnist-baseline' }))
    expect(router.state.location.search).toBe(`?sel=${lrGrid},${mnist}`)
    const bar = screen.getByRole('toolbar', { name: 'Selected experiments' })
    expect(bar.textContent).toContain('2 selected')
    await user.click(within(bar).getByRole('button', { name: 'Open runs of 2 experiments' }))
    await waitFor(() => {
      expect(router.state.location.pathname).toBe(`/experiments/${lrGrid},${mnist}`)
    })
    expect(await screen.findByRole('heading', { name: 'Runs of 2 experiments' })).toBeTruthy()
  })

  it('opens a single selected experiment at its own path', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute('/experiments')
    await user.click(await screen.findByRole('checkbox', { name: 'Select lr-grid' }))
    await user.click(screen.getByRole('button', { name: 'Open runs of 1 experiment' }))
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/experiments/3')
    })
  })

  it('keeps the selection through a reload, and clears it when the view changes', async () => {
    const user = userEvent.setup()
    const first = renderRoute('/experiments')
    await user.click(await screen.findByRole('checkbox', { name: 'Select lr-grid' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select mnist-baseline' }))
    const { pathname, search } = first.router.state.location
    first.unmount()

    const { router } = renderRoute(`${pathname}${search}`)
    await screen.findByRole('link', { name: 'llm-finetune' })
    const checked = screen
      .getAllByRole<HTMLInputElement>('checkbox', { name: /^Select (?!all shown)/ })
      .filter((box) => box.checked)
      .map((box) => box.getAttribute('aria-label'))
    expect(checked.sort()).toEqual(['Select lr-grid', 'Select mnist-baseline'])
    expect(screen.getByRole('toolbar', { name: 'Selected experiments' }).textContent).toContain('2 selected')
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all shown experiments' }).indeterminate,
    ).toBe(true)

    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'deleted')
    expect(await screen.findByRole('link', { name: 'archived-experiment' })).toBeTruthy()
    expect(router.state.location.search).toBe('?view=deleted')
    expect(screen.queryByRole('toolbar', { name: 'Selected experiments' })).toBeNull()
  })

  it('selects every shown experiment from the header, keeps the selection across a search, and clears it', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute('/experiments?q=sweep')
    await waitFor(() => {
      expect(rowNames()).toEqual(['resnet-hparam-sweep', 'importance-sweep', 'cifar-sweep'])
    })
    await user.click(screen.getByRole('checkbox', { name: 'Select all shown experiments' }))
    const bar = screen.getByRole('toolbar', { name: 'Selected experiments' })
    expect(bar.textContent).toContain('3 selected')

    await user.clear(screen.getByRole('searchbox', { name: 'Search experiments by name' }))
    await user.type(screen.getByRole('searchbox', { name: 'Search experiments by name' }), 'lr-grid')
    await waitFor(() => {
      expect(rowNames()).toEqual(['lr-grid'])
    })
    expect(bar.textContent).toContain('3 selected (3 not shown)')
    expect(new URLSearchParams(router.state.location.search).get('sel')?.split(',')).toHaveLength(3)

    await user.click(within(bar).getByRole('button', { name: 'Clear selection' }))
    expect(screen.queryByRole('toolbar', { name: 'Selected experiments' })).toBeNull()
    expect(router.state.location.search).toBe('?q=lr-grid')
  })

  it('renders experiment descriptions as text, never as markup', async () => {
    mock.store.setExperimentTag('1', 'mlflow.note.content', '<img src=x onerror="alert(1)"> **safe**')
    renderRoute('/experiments/1')
    expect(await screen.findByText('safe')).toBeTruthy()
    expect(document.querySelector('img')).toBeNull()
    expect(screen.getByText(/<img src=x onerror="alert\(1\)">/)).toBeTruthy()
  })
})
