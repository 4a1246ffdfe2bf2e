import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockServer } from '@mocks/node'
import { LOGGED_MODELS } from '@mocks/world/logged-models'
import { renderRoute } from '@/testing/render-route'

const mock = createMockServer('contract')
beforeAll(() => {
  mock.server.listen({ onUnhandledRequest: 'error' })
})
afterAll(() => {
  mock.server.close()
})

const experimentId = () => mock.store.getExperimentByName(LOGGED_MODELS.experiment)?.experimentId ?? ''
const modelPage = (name: string, rest = '') =>
  `/experiments/${experimentId()}/models/${mock.store.modelIdOf(name) ?? ''}${rest}`

describe('logged model page', () => {
  it('shows the model’s status, source run, params, metrics per dataset and files', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(modelPage(LOGGED_MODELS.classifier))
    // The first render loads the route's code.
    expect(
      await screen.findByRole('heading', { level: 1, name: LOGGED_MODELS.classifier }, { timeout: 5000 }),
    ).toBeTruthy()
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' })
    expect(within(crumbs).getByRole('link', { name: 'Models' }).getAttribute('href')).toBe(
      `/experiments/${experimentId()}/models`,
    )
    const runId = mock.store.runIdOf(LOGGED_MODELS.trainRun) ?? ''
    expect((await screen.findByRole('link', { name: LOGGED_MODELS.trainRun })).getAttribute('href')).toBe(
      `/experiments/${experimentId()}/runs/${runId}`,
    )
    const params = screen.getByRole('table', { name: 'Parameters' })
    expect(within(params).getByRole('rowheader', { name: 'max_iter' }).nextElementSibling?.textContent).toBe(
      '200',
    )
    const metrics = screen.getByRole('table', { name: 'Metrics' })
    const rows = within(metrics)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.children].slice(0, 3).map((cell) => cell.textContent))
    expect(rows).toEqual([
      ['eval_accuracy', 'iris-test e5f6a7b8', '0.95'],
      ['eval_accuracy', 'iris-val a1b2c3d4', '0.9333'],
      ['eval_f1', '—', '0.9312'],
    ])
    // Its files, through the logged-model artifact routes; the selection goes into the path.
    const tree = await screen.findByRole('tree', { name: 'Artifacts' })
    await user.click(await within(tree).findByRole('treeitem', { name: /^requirements\.txt/ }))
    await waitFor(() => {
      expect(router.state.location.pathname).toBe(
        modelPage(LOGGED_MODELS.classifier, '/artifacts/requirements.txt'),
      )
    })
    expect(await screen.findByText(/scikit-learn==1\.5\.2/)).toBeTruthy()
  })

  it('shows a failed upload as such', async () => {
    renderRoute(modelPage(LOGGED_MODELS.failed))
    await screen.findByRole('heading', { level: 1, name: LOGGED_MODELS.failed })
    expect(screen.getAllByText('upload failed').length).toBeGreaterThan(0)
    expect(screen.getByText('Not registered yet.')).toBeTruthy()
  })

  it('says so for a model the server does not have', async () => {
    renderRoute(`/experiments/${experimentId()}/models/m-0000000000000000000000000000dead`)
    expect(await screen.findByText('No such logged model')).toBeTruthy()
  })

  it('edits tags in place: sets, changes and deletes, and the server has them', async () => {
    const user = userEvent.setup()
    const modelId = mock.store.modelIdOf(LOGGED_MODELS.checkpoint) ?? ''
    renderRoute(modelPage(LOGGED_MODELS.checkpoint))
    await screen.findByRole('heading', { level: 1, name: LOGGED_MODELS.checkpoint })
    await user.click(screen.getByRole('button', { name: 'Add tag' }))
    await user.type(screen.getByRole('textbox', { name: 'New tag key' }), 'reviewer')
    await user.type(screen.getByRole('textbox', { name: 'New tag value' }), 'bob{Enter}')
    const tags = await screen.findByRole('table', { name: 'Tags' })
    expect(within(tags).getByRole('rowheader', { name: 'reviewer' }).nextElementSibling?.textContent).toBe(
      'bob',
    )
    await waitFor(() => {
      expect(mock.store.getLoggedModel(modelId).tags.get('reviewer')).toBe('bob')
    })
    await user.click(screen.getByRole('button', { name: 'Edit tag reviewer' }))
    const value = screen.getByRole('textbox', { name: 'Value of tag reviewer' })
    await user.clear(value)
    await user.type(value, 'carol{Enter}')
    await waitFor(() => {
      expect(mock.store.getLoggedModel(modelId).tags.get('reviewer')).toBe('carol')
    })
    await user.click(screen.getByRole('button', { name: 'Delete tag reviewer' }))
    await waitFor(() => {
      expect(screen.queryByRole('rowheader', { name: 'reviewer' })).toBeNull()
      expect(mock.store.getLoggedModel(modelId).tags.has('reviewer')).toBe(false)
    })
    // MLflow's own tags are read-only.
    expect(screen.queryByRole('button', { name: 'Delete tag mlflow.user' })).toBeNull()
  })

  it('puts a tag back, with the server’s reason, when the server refuses to delete it', async () => {
    const user = userEvent.setup()
    const modelId = mock.store.modelIdOf(LOGGED_MODELS.classifier) ?? ''
    renderRoute(modelPage(LOGGED_MODELS.classifier))
    const tags = await screen.findByRole('table', { name: 'Tags' })
    // Someone else deletes it first: the server answers 404 for the second delete.
    mock.store.deleteLoggedModelTag(modelId, 'stage')
    await user.click(within(tags).getByRole('button', { name: 'Delete tag stage' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain(
      `Could not delete tag “stage”: RESOURCE_DOES_NOT_EXIST: No tag with key 'stage' found for model with ID '${modelId}'.`,
    )
    expect(alert.textContent).toContain('The change was undone.')
    mock.store.setLoggedModelTags(modelId, new Map([['stage', 'candidate']]))
  })

  it('registers the model as a new version of a new registered model and links to it', async () => {
    const user = userEvent.setup()
    renderRoute(modelPage(LOGGED_MODELS.checkpoint))
    await screen.findByRole('heading', { level: 1, name: LOGGED_MODELS.checkpoint })
    await user.click(screen.getByRole('button', { name: 'Register model' }))
    const dialog = await screen.findByRole('dialog', { name: 'Register a model version' })
    const modelId = mock.store.modelIdOf(LOGGED_MODELS.checkpoint) ?? ''
    expect(within(dialog).getByText(`models:/${modelId}`)).toBeTruthy()
    const name = within(dialog).getByRole('combobox', { name: 'Registered model' })
    await user.clear(name)
    await user.type(name, 'iris-checkpoints')
    expect(
      await within(dialog).findByText(
        'Creates the registered model “iris-checkpoints” with this as version 1.',
      ),
    ).toBeTruthy()
    await user.click(within(dialog).getByRole('button', { name: 'Register' }))
    const done = await screen.findByRole('dialog', { name: 'Model version registered' })
    const link = within(done).getByRole('link', { name: 'iris-checkpoints v1' })
    expect(link.getAttribute('href')).toBe('/models/iris-checkpoints/versions/1')
    await user.click(within(done).getByRole('button', { name: 'Close' }))
    // The page shows the new registration (from the model's `mlflow.modelVersions` tag).
    expect(await screen.findByRole('link', { name: 'iris-checkpoints v1' })).toBeTruthy()
  })

  it('suggests existing registered models and shows the server’s reason when it refuses', async () => {
    const user = userEvent.setup()
    renderRoute(modelPage(LOGGED_MODELS.classifier))
    await screen.findByRole('heading', { level: 1, name: LOGGED_MODELS.classifier })
    await user.click(screen.getByRole('button', { name: 'Register model' }))
    const dialog = await screen.findByRole('dialog', { name: 'Register a model version' })
    const name = within(dialog).getByRole('combobox', { name: 'Registered model' })
    await user.clear(name)
    await user.type(name, 'iris')
    await waitFor(() => {
      const options = [...dialog.querySelectorAll('datalist option')].map((option) =>
        option.getAttribute('value'),
      )
      expect(options).toContain('iris-classifier')
    })
    await user.clear(name)
    await user.type(name, 'iris-classifier')
    expect(await within(dialog).findByText('Adds a new version to “iris-classifier”.')).toBeTruthy()
    await user.clear(name)
    await user.type(name, 'bad:name')
    await user.click(within(dialog).getByRole('button', { name: 'Register' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'A model name cannot contain “/” or “:”.',
    )
  })
})
