import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  getArtifactBytes,
  listArtifacts,
  listLoggedModelArtifacts,
  loggedModelArtifactUrl,
  modelVersionArtifactUrl,
  parseContentRangeTotal,
  runArtifactUrl,
} from './artifacts'
import { TEST_MLFLOW_API, TEST_MLFLOW_BASE, setupTestHttpServer } from '@/testing/http-test-server'
import { runSource } from '@/domain/artifacts/artifact-source'
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

describe('getArtifactBytes', () => {
  const FILE = new TextEncoder().encode('0123456789')
  const ranged = http.get(`${BASE}/get-artifact`, ({ request }) => {
    const query = new URL(request.url).searchParams
    if (query.get('run_uuid') !== 'r1' || query.get('path') !== 'logs/a.log')
      return HttpResponse.json({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'no file' }, { status: 404 })
    const match = /^bytes=(\d+)-(\d+)$/.exec(request.headers.get('range') ?? '')
    if (match === null) return new HttpResponse(FILE, { headers: { 'Content-Type': 'text/plain' } })
    const start = Number(match[1])
    const end = Math.min(Number(match[2]), FILE.length - 1)
    if (start >= FILE.length)
      return new HttpResponse(null, { status: 416, headers: { 'Content-Range': `bytes */${FILE.length}` } })
    return new HttpResponse(FILE.slice(start, end + 1), {
      status: 206,
      headers: { 'Content-Type': 'text/plain', 'Content-Range': `bytes ${start}-${end}/${FILE.length}` },
    })
  })
  const decodeText = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

  it('reads the whole file without a range', async () => {
    server.use(ranged)
    const result = await getArtifactBytes(client, { source: runSource('r1'), path: 'logs/a.log' })
    expect(decodeText(result.bytes)).toBe('0123456789')
    expect(result).toMatchObject({ totalSize: 10, partial: false, contentType: 'text/plain' })
  })

  it('reads a range and the total size from Content-Range', async () => {
    server.use(ranged)
    const result = await getArtifactBytes(client, {
      source: runSource('r1'),
      path: 'logs/a.log',
      range: { start: 2, end: 4 },
    })
    expect(decodeText(result.bytes)).toBe('234')
    expect(result).toMatchObject({ totalSize: 10, partial: true })
    const tail = await getArtifactBytes(client, {
      source: runSource('r1'),
      path: 'logs/a.log',
      range: { start: 0, end: 99 },
    })
    expect(tail).toMatchObject({ totalSize: 10, partial: false })
  })

  it('takes a 200 answer to a range request as the whole file', async () => {
    server.use(http.get(`${BASE}/get-artifact`, () => new HttpResponse(FILE)))
    const result = await getArtifactBytes(client, {
      source: runSource('r1'),
      path: 'x',
      range: { start: 0, end: 3 },
    })
    expect(result).toMatchObject({ totalSize: 10, partial: false })
    expect(result.bytes.length).toBe(10)
  })

  it('throws ApiError for 416 and for MLflow errors', async () => {
    server.use(ranged)
    await expect(
      getArtifactBytes(client, {
        source: runSource('r1'),
        path: 'logs/a.log',
        range: { start: 50, end: 60 },
      }),
    ).rejects.toMatchObject({ kind: 'http', status: 416 })
    await expect(getArtifactBytes(client, { source: runSource('r1'), path: 'nope' })).rejects.toMatchObject({
      kind: 'http',
      status: 404,
      message: 'no file',
    })
  })

  it('reads an empty file (416 for a range from byte 0) as no bytes', async () => {
    server.use(
      http.get(
        `${BASE}/get-artifact`,
        () => new HttpResponse(null, { status: 416, headers: { 'Content-Range': 'bytes */0' } }),
      ),
    )
    const result = await getArtifactBytes(client, {
      source: runSource('r1'),
      path: 'x',
      range: { start: 0, end: 9 },
    })
    expect(result).toMatchObject({ totalSize: 0, partial: false })
    expect(result.bytes.length).toBe(0)
  })

  it('parses Content-Range totals', () => {
    expect(parseContentRangeTotal('bytes 0-9/10')).toBe(10)
    expect(parseContentRangeTotal('bytes */42')).toBe(42)
    expect(parseContentRangeTotal('bytes 0-9/*')).toBeUndefined()
    expect(parseContentRangeTotal(null)).toBeUndefined()
  })
})
