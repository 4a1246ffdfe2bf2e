/**
 * Workspaces against a real server started with `--enable-workspaces` (the shared contract server
 * runs without them, as `mlflow server` does by default): the client lists them, and a client bound
 * to one sees only that workspace's experiments.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchExperiments } from '@/api/experiments'
import { createMlflowClient } from '@/api/http'
import { getServerInfo } from '@/api/server'
import { listWorkspaces, WORKSPACE_HEADER } from '@/api/workspaces'
import { startMlflowServer, type MlflowServer } from '../scripts/real-server/server'
import { ensureVenv } from '../scripts/real-server/venv'

let server: MlflowServer

async function post(path: string, body: unknown, workspace?: string): Promise<void> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(workspace === undefined ? {} : { [WORKSPACE_HEADER]: workspace }),
    },
    body: JSON.stringify(body),
  })
  expect(response.ok, `${path} answered ${response.status}`).toBe(true)
}

beforeAll(async () => {
  const venv = await ensureVenv()
  server = await startMlflowServer({ mlflow: venv.mlflow, extraArgs: ['--enable-workspaces'] })
  await post('/ajax-api/3.0/mlflow/workspaces', { name: 'team-a', description: 'Team A' })
  await post('/api/2.0/mlflow/experiments/create', { name: 'team-a-experiment' }, 'team-a')
})

afterAll(async () => {
  await server.stop()
})

describe('a real server with workspaces', () => {
  it('says so in server-info, and lists its workspaces', async () => {
    const client = createMlflowClient({ baseUrl: server.url })
    expect((await getServerInfo(client)).workspacesEnabled).toBe(true)
    expect(await listWorkspaces(client)).toEqual([
      { name: 'default', description: 'Default workspace for legacy resources' },
      { name: 'team-a', description: 'Team A' },
    ])
  })

  it('shows each workspace only its own experiments', async () => {
    const teamA = createMlflowClient({ baseUrl: server.url, headers: { [WORKSPACE_HEADER]: 'team-a' } })
    const fallback = createMlflowClient({ baseUrl: server.url })
    expect((await searchExperiments(teamA, {})).items.map((experiment) => experiment.name)).toEqual([
      'team-a-experiment',
    ])
    expect((await searchExperiments(fallback, {})).items.map((experiment) => experiment.name)).toEqual([
      'Default',
    ])
  })
})
