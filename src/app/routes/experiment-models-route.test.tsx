import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMockServer } from '@mocks/node'
import { LOGGED_MODELS } from '@mocks/world/logged-models'
import { renderRoute } from '@/testing/render-route'

const mock = createMockServer('contract')
beforeAll(() => {
  mock.server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => {
  mock.server.resetHandlers()
})
afterAll(() => {
  mock.server.close()
})

const experimentId = () => mock.store.getExperimentByName(LOGGED_MODELS.experiment)?.experimentId ?? ''
const modelsTab = (query = '') => `/experiments/${experimentId()}/models${query}`

async function modelRows() {
  const table = await screen.findByRole('table')
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('rowheader')[0]?.querySelector('a')?.textContent)
}

describe('experiment Models tab', () => {
  it('lists the logged models with status, source run, params and metrics on their datasets', async () => {
    renderRoute(modelsTab())
    // The first render loads the route's code.
    const nav = await screen.findByRole('navigation', { name: 'Experiment sections' }, { timeout: 5000 })
    expect(within(nav).getByRole('link', { name: 'Models' }).getAttribute('aria-current')).toBe('page')
    expect(within(nav).getByRole('link', { name: 'Runs' }).getAttribute('href')).toBe(
      `/experiments/${experimentId()}`,
    )
    // Newest first, as the server orders by default.
    await waitFor(async () => {
      expect(await modelRows()).toEqual([
        LOGGED_MODELS.failed,
        LOGGED_MODELS.checkpoint,
        LOGGED_MODELS.classifier,
      ])
    })
    const classifier = screen.getByRole('link', { name: LOGGED_MODELS.classifier }).closest('tr')
    if (classifier === null) throw new Error('no row')
    const row = within(classifier)
    expect(row.getByText('ready')).toBeTruthy()
    expect(row.getByText('classifier')).toBeTruthy()
    // The latest value per metric and dataset.
    const metrics = row.getByRole('list', { name: 'Metrics' })
    expect(within(metrics).getByText('eval_accuracy (iris-test)')).toBeTruthy()
    expect(within(metrics).getByText('eval_accuracy (iris-val)').nextElementSibling?.textContent).toBe(
      '0.9333',
    )
    expect(within(row.getByRole('list', { name: 'Parameters' })).getByText('solver')).toBeTruthy()
    // The source run, by name once the runs have loaded.
    const runId = mock.store.runIdOf(LOGGED_MODELS.trainRun) ?? ''
    const runLink = await row.findByRole('link', { name: LOGGED_MODELS.trainRun })
    expect(runLink.getAttribute('href')).toBe(`/experiments/${experimentId()}/runs/${runId}`)
    const failed = screen.getByRole('link', { name: LOGGED_MODELS.failed }).closest('tr')
    expect(failed === null ? null : within(failed).getByText('upload failed')).toBeTruthy()
  })

  it('sorts by name or a metric, and the URL keeps the order', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(modelsTab())
    await screen.findByRole('table')
    await user.selectOptions(screen.getByLabelText('Sort by'), 'name')
    await waitFor(async () => {
      expect(await modelRows()).toEqual([
        LOGGED_MODELS.classifier,
        LOGGED_MODELS.checkpoint,
        LOGGED_MODELS.failed,
      ])
    })
    expect(router.state.location.search).toBe('?sort=name')
    await user.click(screen.getByRole('button', { name: /Ascending/ }))
    await waitFor(async () => {
      expect(await modelRows()).toEqual([
        LOGGED_MODELS.failed,
        LOGGED_MODELS.checkpoint,
        LOGGED_MODELS.classifier,
      ])
    })
    expect(router.state.location.search).toBe('?sort=name&dir=desc')
  })

  it('opens with the order a link names', async () => {
    renderRoute(modelsTab('?sort=metrics.eval_f1'))
    // Models without the metric come last whatever the direction.
    await waitFor(async () => {
      expect((await modelRows())[0]).toBe(LOGGED_MODELS.classifier)
    })
    expect(screen.getByLabelText<HTMLSelectElement>('Sort by').value).toBe('metrics.eval_f1')
  })

  it('says a server without logged models has none, instead of failing', async () => {
    // MLflow 2 has no logged-models routes: Flask's 404 page.
    mock.server.use(
      http.post('*/ajax-api/2.0/mlflow/logged-models/search', () =>
        HttpResponse.text('<!doctype html><title>404 Not Found</title>', {
          status: 404,
          headers: { 'Content-Type': 'text/html; charset=utf-8' },
        }),
      ),
    )
    renderRoute(modelsTab())
    expect(await screen.findByText('Logged models are not available on this server')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})

describe('models from runs', () => {
  it('the runs table links each run’s logged models and registered versions', async () => {
    // Pinned, so the column is drawn whatever the width.
    renderRoute(`/experiments/${experimentId()}?pin=attributes.models`)
    await screen.findByRole('link', { name: LOGGED_MODELS.trainRun }, { timeout: 10_000 })
    const grid = screen.getByRole('grid', { name: 'Runs' })
    const modelId = mock.store.modelIdOf(LOGGED_MODELS.classifier) ?? ''
    const modelLink = await within(grid).findByRole(
      'link',
      { name: LOGGED_MODELS.classifier },
      { timeout: 5000 },
    )
    expect(modelLink.getAttribute('href')).toBe(`/experiments/${experimentId()}/models/${modelId}`)
    const version = await within(grid).findByRole('link', { name: 'iris-classifier v2' }, { timeout: 5000 })
    expect(version.getAttribute('href')).toBe('/models/iris-classifier/versions/2')
  }, 20_000)

  it('registers a run’s logged model from the run page and links to the new version', async () => {
    const user = userEvent.setup()
    const runId = mock.store.runIdOf(LOGGED_MODELS.trainRun) ?? ''
    renderRoute(`/experiments/${experimentId()}/runs/${runId}`)
    const card = await screen.findByRole(
      'listitem',
      { name: `Model ${LOGGED_MODELS.classifier}` },
      { timeout: 5000 },
    )
    const modelId = mock.store.modelIdOf(LOGGED_MODELS.classifier) ?? ''
    expect(within(card).getByRole('link', { name: LOGGED_MODELS.classifier }).getAttribute('href')).toBe(
      `/experiments/${experimentId()}/models/${modelId}`,
    )
    await user.click(await within(card).findByRole('button', { name: 'Register model' }))
    const dialog = await screen.findByRole('dialog', { name: 'Register a model version' })
    const name = within(dialog).getByRole('combobox', { name: 'Registered model' })
    await user.clear(name)
    await user.type(name, 'iris-classifier')
    await within(dialog).findByText('Adds a new version to “iris-classifier”.')
    await user.click(within(dialog).getByRole('button', { name: 'Register' }))
    const done = await screen.findByRole('dialog', { name: 'Model version registered' })
    expect(within(done).getByRole('link', { name: 'iris-classifier v3' }).getAttribute('href')).toBe(
      '/models/iris-classifier/versions/3',
    )
  })
})
