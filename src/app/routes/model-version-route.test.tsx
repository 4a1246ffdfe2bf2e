import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mlflowError } from '@mocks/handlers/protocol'
import { createMockServer } from '@mocks/node'
import { renderRoute } from '@/testing/render-route'

const mock = createMockServer('demo')
beforeAll(() => {
  mock.server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => {
  mock.server.resetHandlers()
})
afterAll(() => {
  mock.server.close()
})

const API = '*/ajax-api/2.0/mlflow'

async function openVersion(name: string, version: string, search = '') {
  const user = userEvent.setup()
  const view = renderRoute(`/models/${encodeURIComponent(name)}/versions/${version}${search}`)
  // The first test also loads the route's code, which takes a while on a busy machine.
  await screen.findByRole('heading', { level: 1, name: `${name} version ${version}` }, { timeout: 5_000 })
  return { user, ...view }
}

/** A handler that answers as the real server does when it refuses a write. */
function refuse(method: 'post' | 'patch' | 'delete', path: string, errorCode: string, message: string) {
  mock.server.use(http[method](`${API}/${path}`, () => mlflowError(errorCode, message)))
}

/** What the server now says about a version (a fresh request, past the page's cache). */
async function stored(name: string, version: string) {
  const url = new URL('http://runboard.test/ajax-api/2.0/mlflow/model-versions/get')
  url.searchParams.set('name', name)
  url.searchParams.set('version', version)
  const body: unknown = await (await fetch(url)).json()
  return at(body, 'model_version') as {
    aliases?: string[]
    tags?: { key: string; value: string }[]
    current_stage?: string
  }
}

/** The value at a path of keys in parsed JSON, or undefined. */
function at(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>(
    (current, key) =>
      current !== null && typeof current === 'object' ? Reflect.get(current, key) : undefined,
    value,
  )
}

/** A write through the mock server, as a script would make it. */
async function write(method: 'post' | 'delete', path: string, body: object) {
  const response = await fetch(`http://runboard.test/ajax-api/2.0/mlflow/${path}`, {
    method: method.toUpperCase(),
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(response.ok, `${path}: ${await response.clone().text()}`).toBe(true)
}

describe('model version page', () => {
  it('shows where a version came from, and its model’s signature and files from the run', async () => {
    const runId = mock.store.runIdOf('mnist-cnn-6') ?? ''
    await openVersion('mnist-classifier', '2')
    expect(screen.getByText('Stage: Staging')).toBeTruthy()
    const runLink = await screen.findByRole('link', { name: 'mnist-cnn-6' })
    expect(runLink.getAttribute('href')).toMatch(new RegExp(`/experiments/\\d+/runs/${runId}$`))
    expect(screen.getByText(`runs:/${runId}/model`)).toBeTruthy()
    // The artifact browser is rooted at the model's directory: its files, not the run's others.
    const tree = await screen.findByRole('tree', { name: 'Artifacts' })
    expect(await within(tree).findByRole('treeitem', { name: 'MLmodel' })).toBeTruthy()
    expect(within(tree).queryByRole('treeitem', { name: 'model' })).toBeNull()
    const panel = await screen.findByRole('region', { name: 'MLflow model' })
    expect(await within(panel).findByRole('region', { name: 'Requirements' })).toBeTruthy()
    // Code loads it by its registered name and version, not by the run's files.
    expect(await within(panel).findByText(/load_model\("models:\/mnist-classifier\/2"\)/)).toBeTruthy()
  })

  it('finds the model’s directory in its run when the source is the run’s artifact URI', async () => {
    // What `mlflow.register_model("runs:/<id>/model")` stores when the run holds the MLmodel itself.
    const runId = mock.store.runIdOf('sweep-b-trial-7') ?? ''
    const run: unknown = await (
      await fetch(`http://runboard.test/ajax-api/2.0/mlflow/runs/get?run_id=${runId}`)
    ).json()
    const artifactUri = String(at(run, 'run', 'info', 'artifact_uri'))
    await write('post', 'registered-models/create', { name: 'from-uri' })
    await write('post', 'model-versions/create', {
      name: 'from-uri',
      source: `${artifactUri}/model`,
      run_id: runId,
    })
    await openVersion('from-uri', '1')
    expect(await screen.findByText('model', { selector: 'p.mv-files-note span' })).toBeTruthy()
    const tree = await screen.findByRole('tree', { name: 'Artifacts' })
    expect(await within(tree).findByRole('treeitem', { name: 'MLmodel' })).toBeTruthy()
  })

  it('opens a file of the model from the link, and puts the selection in the URL', async () => {
    const { user, router } = await openVersion('mnist-classifier', '2', '?path=requirements.txt')
    expect(await screen.findByRole('region', { name: 'File requirements.txt' })).toBeTruthy()
    const tree = screen.getByRole('tree', { name: 'Artifacts' })
    await user.click(await within(tree).findByRole('treeitem', { name: 'conda.yaml' }))
    await waitFor(() => {
      expect(router.state.location.search).toBe('?path=conda.yaml')
    })
  })

  it('links a version from a LoggedModel to the model, and shows the model’s files', async () => {
    await openVersion('iris-classifier', '2')
    const modelLink = await screen.findByRole('link', { name: 'zoo-classifier' })
    expect(modelLink.getAttribute('href')).toMatch(/\/experiments\/\d+\/models\/m-[0-9a-f]{32}$/)
    const tree = await screen.findByRole('tree', { name: 'Artifacts' })
    expect(await within(tree).findByRole('treeitem', { name: 'MLmodel' })).toBeTruthy()
  })

  it('moves an alias from another version, saying so first', async () => {
    const { user } = await openVersion('cifar-resnet', '1')
    await user.click(screen.getByRole('button', { name: 'Add alias' }))
    await user.type(screen.getByRole('textbox', { name: 'New alias' }), 'champion')
    expect(await screen.findByText(/moves it from version 2 to this one/)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Move alias here' }))
    const aliases = await screen.findByRole('list', { name: 'Aliases' })
    expect(within(aliases).getByText('@champion')).toBeTruthy()
    await waitFor(async () => {
      expect((await stored('cifar-resnet', '1')).aliases).toContain('champion')
    })
    expect((await stored('cifar-resnet', '2')).aliases ?? []).not.toContain('champion')
  })

  it('refuses a reserved alias before asking the server', async () => {
    const { user } = await openVersion('cifar-resnet', '2')
    await user.click(screen.getByRole('button', { name: 'Add alias' }))
    await user.type(screen.getByRole('textbox', { name: 'New alias' }), 'v3{Enter}')
    expect(await screen.findByText('“v3” is reserved: it names a version number.')).toBeTruthy()
  })

  it('adds and deletes a tag, and edits the description', async () => {
    const { user } = await openVersion('mnist-classifier', '1')
    await user.click(screen.getByRole('button', { name: 'Add tag' }))
    await user.type(screen.getByRole('textbox', { name: 'New tag key' }), 'reviewed_by')
    await user.type(screen.getByRole('textbox', { name: 'New tag value' }), 'ana{Enter}')
    const table = await screen.findByRole('table', { name: 'Tags' })
    expect(within(table).getByRole('rowheader', { name: 'reviewed_by' })).toBeTruthy()
    await waitFor(async () => {
      expect((await stored('mnist-classifier', '1')).tags).toContainEqual({
        key: 'reviewed_by',
        value: 'ana',
      })
    })
    await user.click(screen.getByRole('button', { name: 'Delete tag reviewed_by' }))
    await waitFor(() => {
      expect(within(table).queryByRole('rowheader', { name: 'reviewed_by' })).toBeNull()
    })

    await user.click(screen.getByRole('button', { name: /description/ }))
    const editor = screen.getByRole('textbox', { name: 'Description' })
    await user.clear(editor)
    await user.type(editor, 'Retrained on **clean** labels')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('clean', { selector: 'strong' })).toBeTruthy()
  })

  it('undoes a refused edit and says why', async () => {
    refuse('post', 'model-versions/set-tag', 'PERMISSION_DENIED', 'User ana cannot edit this model.')
    const { user } = await openVersion('mnist-classifier', '3')
    await user.click(screen.getByRole('button', { name: 'Add tag' }))
    await user.type(screen.getByRole('textbox', { name: 'New tag key' }), 'owner')
    await user.type(screen.getByRole('textbox', { name: 'New tag value' }), 'ana{Enter}')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe(
      'Could not set tag “owner”: PERMISSION_DENIED: User ana cannot edit this model. The change was undone.Dismiss',
    )
    expect(
      within(screen.getByRole('table', { name: 'Tags' })).queryByRole('rowheader', { name: 'owner' }),
    ).toBeNull()
    // The form opens again with what the user typed.
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'New tag key' }).value).toBe('owner')
  })

  it('moves the version to another stage, archiving the one there', async () => {
    const { user } = await openVersion('mnist-classifier', '2')
    await user.click(screen.getByRole('button', { name: 'Change stage…' }))
    const dialog = screen.getByRole('dialog', { name: 'Change stage' })
    await user.click(within(dialog).getByRole('radio', { name: 'Production' }))
    await user.click(within(dialog).getByRole('checkbox', { name: 'Archive the versions now in Production' }))
    await user.click(within(dialog).getByRole('button', { name: 'Move to Production' }))
    expect(await screen.findByText('Stage: Production')).toBeTruthy()
    await waitFor(async () => {
      expect((await stored('mnist-classifier', '3')).current_stage).toBe('Archived')
    })
  })

  it('deletes the version after asking, then shows the model', async () => {
    const runId = mock.store.runIdOf('mnist-cnn-6') ?? ''
    await write('post', 'registered-models/create', { name: 'to-delete' })
    await write('post', 'model-versions/create', {
      name: 'to-delete',
      source: `runs:/${runId}/model`,
      run_id: runId,
    })
    await write('post', 'registered-models/alias', { name: 'to-delete', alias: 'old', version: '1' })
    const { user, router } = await openVersion('to-delete', '1')
    await user.click(screen.getByRole('button', { name: 'Delete version' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete to-delete version 1?' })
    expect(within(dialog).getByText(/Its aliases \(@old\) are removed with it/)).toBeTruthy()
    await user.click(within(dialog).getByRole('button', { name: 'Delete version' }))
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/models/to-delete')
    })
    const gone = await fetch(
      'http://runboard.test/ajax-api/2.0/mlflow/model-versions/get?name=to-delete&version=1',
    )
    expect(gone.status).toBe(404)
  })

  it('shows a pending registration and fetches it again until it is ready', async () => {
    let calls = 0
    mock.server.use(
      http.get(`${API}/model-versions/get`, ({ request }) => {
        if (new URL(request.url).searchParams.get('name') !== 'llama-7b-lora') return undefined
        calls += 1
        const status = calls === 1 ? 'PENDING_REGISTRATION' : 'READY'
        return HttpResponse.json({
          model_version: {
            name: 'llama-7b-lora',
            version: '2',
            creation_timestamp: 1_767_690_000_000,
            last_updated_timestamp: 1_767_690_000_000,
            current_stage: 'None',
            description: '',
            source: 'models:/m-00000000000000000000000000000000',
            run_id: '',
            status,
            status_message: status === 'READY' ? '' : 'Uploading the adapter weights.',
            run_link: '',
          },
        })
      }),
      http.get(`${API}/logged-models/:modelId`, () =>
        mlflowError('RESOURCE_DOES_NOT_EXIST', 'Logged model not found.'),
      ),
      http.get(`${API}/logged-models/:modelId/artifacts/directories`, () =>
        mlflowError('RESOURCE_DOES_NOT_EXIST', 'Logged model not found.'),
      ),
    )
    await openVersion('llama-7b-lora', '2')
    expect(screen.getByText(/Uploading the adapter weights\./)).toBeTruthy()
    expect(screen.getByText('Pending registration')).toBeTruthy()
    await waitFor(
      () => {
        expect(screen.getByText('Ready')).toBeTruthy()
      },
      { timeout: 6_000 },
    )
    expect(screen.queryByText(/Uploading the adapter weights\./)).toBeNull()
  })

  it('says why a registration failed', async () => {
    await openVersion('llama-7b-lora', '3')
    expect(screen.getByText('Registration failed.')).toBeTruthy()
  })

  it('says plainly when the version does not exist, with a way back', async () => {
    renderRoute('/models/no-such-model/versions/1')
    expect(
      await screen.findByText('There is no no-such-model version 1', undefined, { timeout: 5_000 }),
    ).toBeTruthy()
    expect(screen.getByRole('link', { name: 'See every registered model' }).getAttribute('href')).toBe(
      '/models',
    )
  })

  it('treats a version that is not a number as not found (the server answers 400 for it)', async () => {
    renderRoute('/models/mnist-classifier/versions/latest')
    expect(
      await screen.findByText('There is no mnist-classifier version latest', undefined, { timeout: 5_000 }),
    ).toBeTruthy()
    expect(screen.getByText(/must be an integer/)).toBeTruthy()
  })

  it('says when the server has no model registry', async () => {
    mock.server.use(
      http.get(
        `${API}/model-versions/get`,
        () =>
          new HttpResponse('<!doctype html><title>404 Not Found</title>', {
            status: 404,
            headers: { 'Content-Type': 'text/html; charset=utf-8' },
          }),
      ),
    )
    renderRoute('/models/mnist-classifier/versions/1')
    expect(
      await screen.findByText('The model registry is not available on this server', undefined, {
        timeout: 5_000,
      }),
    ).toBeTruthy()
  })
})
