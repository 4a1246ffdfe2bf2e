import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMockServer } from '@mocks/node'
import { createMlflowClient } from '@/api/http'
import { createRegisteredModel } from '@/api/model-registry'
import { REGISTRY_UNAVAILABLE_TITLE } from '@/api/registry-availability'
import { renderRoute, TEST_ORIGIN } from '@/testing/render-route'

/** The first render loads the route's code and builds the demo world: allow it time. */
const LOAD = { timeout: 5_000 }

let mock = createMockServer('demo')

beforeAll(() => {
  mock.server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => {
  mock.server.close()
})
afterAll(() => {
  mock.server.close()
})

function useScenario(scenario: 'demo' | 'empty') {
  mock.server.close()
  mock = createMockServer(scenario)
  mock.server.listen({ onUnhandledRequest: 'error' })
}

function modelNames(): string[] {
  const table = screen.getByRole('table', { name: 'Registered models' })
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('rowheader')[0]?.textContent ?? '')
}

function rowOf(name: string): HTMLElement {
  const row = screen.getByRole('rowheader', { name }).closest('tr')
  if (row === null) throw new Error(`no row for ${name}`)
  return row
}

describe('registered models page', () => {
  it('list the models A to Z with their latest version, aliases and tags', async () => {
    useScenario('demo')
    renderRoute('/models')
    expect(await screen.findByRole('link', { name: 'cifar-resnet' }, LOAD)).toBeTruthy()
    expect(modelNames()).toEqual([
      'cifar-resnet',
      'fraud-detector',
      'iris-classifier',
      'llama-7b-lora',
      'mnist-classifier',
    ])
    const cifar = within(rowOf('cifar-resnet'))
    expect(cifar.getByRole('link', { name: 'Version 2' }).getAttribute('href')).toBe(
      '/models/cifar-resnet/versions/2',
    )
    expect(cifar.getByRole('list', { name: 'Aliases of cifar-resnet' }).textContent).toBe(
      '@champion → v2@challenger → v1',
    )
    expect(within(rowOf('fraud-detector')).getByText('No versions')).toBeTruthy()
    expect(within(rowOf('fraud-detector')).getByText('team: risk')).toBeTruthy()
    // There is no creator field: the column says where its value comes from.
    expect(screen.getByRole('columnheader', { name: /Created by/ }).getAttribute('title')).toMatch(
      /latest version/,
    )
  })

  it('search by name through the URL, and by tag in MLflow syntax', async () => {
    useScenario('demo')
    const user = userEvent.setup()
    const { router } = renderRoute('/models')
    await screen.findByRole('link', { name: 'cifar-resnet' }, LOAD)
    await user.type(screen.getByRole('searchbox', { name: 'Search models' }), 'CLASSIF')
    await waitFor(() => {
      expect(modelNames()).toEqual(['iris-classifier', 'mnist-classifier'])
    }, LOAD)
    expect(router.state.location.search).toBe('?q=CLASSIF')
    await user.clear(screen.getByRole('searchbox', { name: 'Search models' }))
    await user.type(screen.getByRole('searchbox', { name: 'Search models' }), "tags.team = 'nlp'")
    await waitFor(() => {
      expect(modelNames()).toEqual(['llama-7b-lora'])
    }, LOAD)
  })

  it('filter by tag chips and sort from the toolbar', async () => {
    useScenario('demo')
    const user = userEvent.setup()
    const { router } = renderRoute('/models?sort=name&dir=desc')
    await waitFor(() => {
      expect(modelNames()[0]).toBe('mnist-classifier')
    }, LOAD)
    await user.type(screen.getByRole('textbox', { name: 'Tag key' }), 'team')
    await user.type(screen.getByRole('textbox', { name: 'Tag value' }), 'vision')
    await user.click(screen.getByRole('button', { name: 'Add filter' }))
    await waitFor(() => {
      expect(modelNames()).toEqual(['mnist-classifier', 'cifar-resnet'])
    }, LOAD)
    expect(new URLSearchParams(router.state.location.search).getAll('tag')).toEqual(['team=vision'])
  })

  it('page through the models with page tokens kept in the URL', async () => {
    useScenario('demo')
    const client = createMlflowClient({ baseUrl: TEST_ORIGIN })
    for (let index = 0; index < 25; index++) {
      await createRegisteredModel(client, { name: `bulk-${String(index).padStart(2, '0')}` })
    }
    const user = userEvent.setup()
    const { router } = renderRoute('/models')
    await screen.findByRole('link', { name: 'bulk-00' }, LOAD)
    expect(modelNames()).toHaveLength(25)
    await user.click(screen.getByRole('button', { name: 'Next →' }))
    await waitFor(() => {
      expect(modelNames()).toEqual([
        'cifar-resnet',
        'fraud-detector',
        'iris-classifier',
        'llama-7b-lora',
        'mnist-classifier',
      ])
    }, LOAD)
    expect(screen.getByText(/Page 2/)).toBeTruthy()
    expect(new URLSearchParams(router.state.location.search).getAll('page')).toHaveLength(1)
    expect(screen.getByRole('button', { name: 'Next →' })).toHaveProperty('disabled', true)
    await user.click(screen.getByRole('button', { name: '← Previous' }))
    await waitFor(() => {
      expect(modelNames()[0]).toBe('bulk-00')
    }, LOAD)
    expect(router.state.location.search).toBe('')
  })

  it('say so when there are no models, and when nothing matches', async () => {
    useScenario('empty')
    renderRoute('/models')
    expect(await screen.findByText('No registered models yet.', {}, LOAD)).toBeTruthy()
    useScenario('demo')
    renderRoute('/models?q=nothing-like-this')
    expect(await screen.findByText('No registered model matches this search.', {}, LOAD)).toBeTruthy()
  })

  it('show a server without a registry as such, not as an error', async () => {
    useScenario('demo')
    mock.server.use(
      http.get('*/ajax-api/2.0/mlflow/registered-models/search', () =>
        HttpResponse.text('<!doctype html><title>404 Not Found</title><h1>Not Found</h1>', {
          status: 404,
          headers: { 'Content-Type': 'text/html; charset=utf-8' },
        }),
      ),
    )
    renderRoute('/models')
    expect(await screen.findByText(REGISTRY_UNAVAILABLE_TITLE, {}, LOAD)).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('show a failing server as an error with a retry', async () => {
    useScenario('demo')
    mock.server.use(
      http.get('*/ajax-api/2.0/mlflow/registered-models/search', () =>
        HttpResponse.json({ error_code: 'BAD_REQUEST', message: 'Nope.' }, { status: 400 }),
      ),
    )
    renderRoute('/models')
    expect(await screen.findByRole('alert', {}, LOAD)).toBeTruthy()
    expect(screen.getByText('Nope.')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy()
  })

  it('create a model and open its page', async () => {
    useScenario('demo')
    const user = userEvent.setup()
    const { router } = renderRoute('/models')
    await screen.findByRole('link', { name: 'cifar-resnet' }, LOAD)
    await user.click(screen.getByRole('button', { name: 'New model' }))
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'cifar-resnet')
    await user.click(screen.getByRole('button', { name: 'Create' }))
    expect(await screen.findByText(/already exists/, {}, LOAD)).toBeTruthy()
    await user.clear(screen.getByRole('textbox', { name: 'Name' }))
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'brand-new')
    await user.click(screen.getByRole('button', { name: 'Create' }))
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/models/brand-new')
    }, LOAD)
    expect(await screen.findByRole('heading', { name: 'brand-new', level: 1 })).toBeTruthy()
  })
})
