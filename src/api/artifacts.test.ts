import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  listArtifacts,
  listLoggedModelArtifacts,
  loggedModelArtifactUrl,
  modelVersionArtifactUrl,
  runArtifactUrl,
} from './artifacts'
import { TEST_MLFLOW_API, TEST_MLFLOW_BASE, setupTestHttpServer } from '@/testing/http-test-server'
import { createMlflowClient } from './http'

const BASE = TEST_MLFLOW_BASE
const API = TEST_MLFLOW_API
const server = setupTestHttpServer()

const client = createMlflowClient({ baseUrl: BASE })

describe('listArtifacts', () => {
  it('reads one level, directories without sizes and sizes as int64 strings', async () => {
    server.use(
      http.get(`${API}/artifacts/list`, ({ request }) => {
        const query = new URL(request.url).searchParams
        return HttpResponse.json({
          root_uri: `mlflow-artifacts:/1/${query.get('run_id')}/artifacts`,
          files: [
            { path: `${query.get('path')}/cm`, is_dir: true },
            { path: `${query.get('path')}/loss.png`, is_dir: false, file_size: '5120' },
          ],
        })
      }),
    )
    expect(await listArtifacts(client, { runId: 'r1', path: 'plots' })).toEqual({
      rootUri: 'mlflow-artifacts:/1/r1/artifacts',
      files: [
        { path: 'plots/cm', isDir: true, fileSize: undefined },
        { path: 'plots/loss.png', isDir: false, fileSize: 5120 },
      ],
    })
  })

  it('reads a run without artifacts (no `files`) as an empty listing and sends no path for the root', async () => {
    server.use(
      http.get(`${API}/artifacts/list`, ({ request }) =>
        new URL(request.url).searchParams.has('path')
          ? HttpResponse.json(
              { error_code: 'INVALID_PARAMETER_VALUE', message: 'unexpected path' },
              { status: 400 },
            )
          : HttpResponse.json({ root_uri: 'file:///art/1/r1/artifacts' }),
      ),
    )
    expect(await listArtifacts(client, { runId: 'r1', path: '' })).toEqual({
      rootUri: 'file:///art/1/r1/artifacts',
      files: [],
    })
  })

  it('lists a LoggedModel directory', async () => {
    server.use(
      http.get(`${API}/logged-models/:modelId/artifacts/directories`, ({ params, request }) =>
        HttpResponse.json({
          files: [
            {
              path: `${String(params.modelId)}:${new URL(request.url).searchParams.get('artifact_directory_path')}`,
              is_dir: true,
            },
          ],
        }),
      ),
    )
    const listing = await listLoggedModelArtifacts(client, { modelId: 'm-1', path: 'artifacts' })
    expect(listing.files.map((file) => file.path)).toEqual(['m-1:artifacts'])
  })
})

describe('download URLs', () => {
  it('are built under the base URL, prefix included, with encoded values', () => {
    expect(runArtifactUrl(client, 'r1', 'plots/loss & acc.png')).toBe(
      'http://mlflow.test/mlflow/get-artifact?path=plots%2Floss+%26+acc.png&run_uuid=r1',
    )
    expect(modelVersionArtifactUrl(client, { name: 'cifar classifier', version: '4', path: 'MLmodel' })).toBe(
      'http://mlflow.test/mlflow/model-versions/get-artifact?name=cifar+classifier&version=4&path=MLmodel',
    )
    expect(loggedModelArtifactUrl(client, 'm-7b0e', 'artifacts/sub/x.txt')).toBe(
      'http://mlflow.test/mlflow/ajax-api/2.0/mlflow/logged-models/m-7b0e/artifacts/files?artifact_file_path=artifacts%2Fsub%2Fx.txt',
    )
  })

  it('stay relative for a same-origin base', () => {
    const sameOrigin = createMlflowClient({ baseUrl: '' })
    expect(runArtifactUrl(sameOrigin, 'r1', 'a.txt')).toBe('/get-artifact?path=a.txt&run_uuid=r1')
  })
})
