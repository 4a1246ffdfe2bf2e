import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockServer } from '@mocks/node'
import { renderRoute } from '@/testing/render-route'

const mock = createMockServer('demo')
beforeAll(() => {
  mock.server.listen({ onUnhandledRequest: 'error' })
})
afterAll(() => {
  mock.server.close()
})

describe('workspaces', () => {
  it('shows no workspace menu on a server without workspaces', async () => {
    renderRoute('/experiments')
    await screen.findByRole('link', { name: 'mnist-baseline' })
    expect(screen.queryByRole('combobox', { name: 'Workspace' })).toBeNull()
  })

  it('lists the workspaces of a server that has them, and names the current one on every request', async () => {
    const seen: (string | null)[] = []
    mock.server.use(
      http.get('*/ajax-api/3.0/mlflow/server-info', () =>
        HttpResponse.json({ store_type: 'SqlStore', workspaces_enabled: true }),
      ),
      http.get('*/ajax-api/3.0/mlflow/workspaces', () =>
        HttpResponse.json({
          workspaces: [
            { name: 'default', description: 'Default workspace for legacy resources' },
            { name: 'team-a', description: 'Team A' },
          ],
        }),
      ),
      http.get('*/ajax-api/2.0/mlflow/experiments/search', ({ request }) => {
        seen.push(request.headers.get('x-mlflow-workspace'))
        return HttpResponse.json({
          experiments: [
            { experiment_id: '1', name: 'team-a-experiment', lifecycle_stage: 'active', workspace: 'team-a' },
          ],
        })
      }),
    )
    renderRoute('/experiments', {}, 'team-a')
    expect(await screen.findByRole('link', { name: 'team-a-experiment' })).toBeTruthy()
    const menu = await screen.findByRole('combobox', { name: 'Workspace' })
    expect(
      within(menu)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['default', 'team-a'])
    expect((menu as HTMLSelectElement).value).toBe('team-a')
    expect(seen).toEqual(['team-a'])
  })
})
