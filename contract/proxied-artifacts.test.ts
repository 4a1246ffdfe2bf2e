/**
 * The proxied artifact store (`mlflow server --artifacts-destination … --default-artifact-root
 * mlflow-artifacts:/`), as teams run a shared server: runs get `mlflow-artifacts:/…` URIs, clients
 * upload through the server, and the server reads the files back for the app. The shared contract
 * server stores artifacts directly, so this file starts a second server in proxied mode, seeds just
 * the artifact zoo into it, and reads it through the app's own client. The mocks answer as the direct
 * server does, so every listing and file is compared with theirs.
 */

import { getResponse } from 'msw'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  artifactFileUrl,
  getArtifactBytes,
  listArtifacts,
  listSourceArtifacts,
  type ArtifactBytes,
} from '@/api/artifacts'
import { ApiError } from '@/api/errors'
import { createMlflowClient, type MlflowClient } from '@/api/http'
import { getLoggedModel } from '@/api/logged-models'
import { getRun } from '@/api/runs'
import type { ArtifactEntry } from '@/domain/artifacts/artifact-entry'
import { loggedModelSource, runSource, type ArtifactSource } from '@/domain/artifacts/artifact-source'
import { createMockApi } from '../mocks/scenarios'
import { artifactBytes, artifactFiles } from '../mocks/world/artifacts'
import { ARTIFACT_ZOO, contractWorld } from '../mocks/world/contract-world'
import { runProcess } from '../scripts/real-server/process'
import { startSeededServer, subWorld, type SeededServer } from '../scripts/real-server/seeded'

/** The zoo run alone: its 5,000-file sibling would cost 5,000 uploads through the proxy. */
const ZOO_WORLD = subWorld(
  contractWorld,
  [ARTIFACT_ZOO.experiment],
  (run) => run.name === ARTIFACT_ZOO.runName,
)

const zooRun = ZOO_WORLD.runs[0]
const ZOO_FILES = new Map(
  artifactFiles(zooRun?.artifacts).map((file) => [file.path, artifactBytes(file.content)]),
)

/** Every folder of the zoo, the root as `''`. */
const ZOO_DIRS = [
  ...new Set(
    [...ZOO_FILES.keys()].flatMap((path) => {
      const parts = path.split('/').slice(0, -1)
      return ['', ...parts.map((_, index) => parts.slice(0, index + 1).join('/'))]
    }),
  ),
].sort()

/** A LoggedModel logged as training code does, so the proxied server holds one (its id on stdout). */
const LOG_MODEL_SCRIPT = `
import sys
import mlflow
import mlflow.pyfunc

class Echo(mlflow.pyfunc.PythonModel):
    def predict(self, context, model_input):
        return model_input

mlflow.set_experiment(experiment_id=sys.argv[1])
info = mlflow.pyfunc.log_model(name="zoo-echo", python_model=Echo(), pip_requirements=["mlflow"])
print(f"MODEL_ID={info.model_id}")
`

const mocks = createMockApi('contract')
const mockClient = createMlflowClient({
  baseUrl: 'http://mock.test',
  fetch: async (input, init) =>
    (await getResponse(mocks.handlers, new Request(input, init))) ??
    new Response('unhandled by the mocks', { status: 404 }),
})
const mockZoo = runSource(mocks.store.runIdOf(ARTIFACT_ZOO.runName) ?? '')

let seeded: SeededServer | undefined
let client: MlflowClient
let artifactsDir: string
let zooRunId: string
let zooExperimentId: string
let modelId: string

beforeAll(async () => {
  seeded = await startSeededServer({ artifacts: 'proxied', world: ZOO_WORLD })
  const { server, summary, venv } = seeded
  client = createMlflowClient({ baseUrl: server.url })
  artifactsDir = server.artifactsDir
  zooRunId = summary.runs[ARTIFACT_ZOO.runName] ?? ''
  zooExperimentId = summary.experiments[ARTIFACT_ZOO.experiment] ?? ''
  const { stdout } = await runProcess(venv.python, ['-c', LOG_MODEL_SCRIPT, zooExperimentId], {
    env: {
      ...process.env,
      MLFLOW_TRACKING_URI: server.url,
      MLFLOW_DISABLE_TELEMETRY: 'true',
      DO_NOT_TRACK: 'true',
    },
  })
  modelId = /^MODEL_ID=(\S+)$/m.exec(stdout)?.[1] ?? ''
  expect(modelId, `the log_model script printed no model id:\n${stdout}`).not.toBe('')
})

afterAll(async () => {
  await seeded?.server.stop()
})

function files(entries: readonly ArtifactEntry[]) {
  return entries.map(({ path, isDir, fileSize }) => ({ path, isDir, fileSize }))
}

function worldBytes(path: string): Uint8Array {
  const bytes = ZOO_FILES.get(path)
  if (bytes === undefined) throw new Error(`the zoo has no file ${path}`)
  return bytes
}

async function bytesOf(source: ArtifactSource, path: string, range?: { start: number; end: number }) {
  return getArtifactBytes(client, { source, path, range })
}

function expectWhole(answer: ArtifactBytes, expected: Uint8Array): void {
  expect(answer.partial).toBe(false)
  expect(answer.totalSize).toBe(expected.length)
  expect(Buffer.from(answer.bytes).equals(Buffer.from(expected))).toBe(true)
}

describe('a proxied artifact store, read through the client', () => {
  it('gives runs and their experiment mlflow-artifacts: URIs, and lists under that root', async () => {
    const run = await getRun(client, zooRunId)
    const root = `mlflow-artifacts:/${zooExperimentId}/${zooRunId}/artifacts`
    expect(run.info.artifactUri).toBe(root)
    const listing = await listArtifacts(client, { runId: zooRunId })
    expect(listing.rootUri).toBe(root)
    // The files themselves sit in the destination folder, at the path the URI names.
    const onDisk = await readFile(join(artifactsDir, zooExperimentId, zooRunId, 'artifacts', 'config.json'))
    expect(Buffer.from(onDisk).equals(Buffer.from(worldBytes(ARTIFACT_ZOO.paths.json)))).toBe(true)
  })

  it('lists every folder as the direct store (the mocks) does', async () => {
    for (const path of ZOO_DIRS) {
      const real = await listSourceArtifacts(client, { source: runSource(zooRunId), path })
      const mock = await listSourceArtifacts(mockClient, { source: mockZoo, path })
      expect(files(real.files), `listing of '${path}'`).toEqual(files(mock.files))
    }
  })

  it('lists each file of the world once, with its size, and an unknown folder as empty', async () => {
    const listed = new Map<string, number | undefined>()
    for (const path of ZOO_DIRS) {
      const listing = await listArtifacts(client, { runId: zooRunId, path })
      for (const entry of listing.files) if (!entry.isDir) listed.set(entry.path, entry.fileSize)
    }
    expect(Object.fromEntries(listed)).toEqual(
      Object.fromEntries([...ZOO_FILES].map(([path, bytes]) => [path, bytes.length])),
    )
    expect((await listArtifacts(client, { runId: zooRunId, path: 'no/such/folder' })).files).toEqual([])
  })

  it('serves every file whole through /get-artifact, typed as the direct store types it', async () => {
    for (const path of ZOO_FILES.keys()) {
      const real = await bytesOf(runSource(zooRunId), path)
      expectWhole(real, worldBytes(path))
      const mock = await getArtifactBytes(mockClient, { source: mockZoo, path })
      expect(real.contentType, path).toBe(mock.contentType)
    }
  })

  it('answers a Range request on /get-artifact with 206 and the slice', async () => {
    const path = ARTIFACT_ZOO.paths.log
    const expected = worldBytes(path)
    const response = await fetch(artifactFileUrl(client, runSource(zooRunId), path), {
      headers: { Range: 'bytes=0-99' },
    })
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(`bytes 0-99/${expected.length}`)
    expect(response.headers.get('content-disposition')).toBe('attachment; filename=train.log')
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(expected.slice(0, 100)))).toBe(true)

    const head = await bytesOf(runSource(zooRunId), path, { start: 0, end: 99 })
    expect(head.partial).toBe(true)
    expect(head.totalSize).toBe(expected.length)
    expect(Buffer.from(head.bytes).equals(Buffer.from(expected.slice(0, 100)))).toBe(true)
    const tail = await bytesOf(runSource(zooRunId), path, {
      start: expected.length - 10,
      end: expected.length + 99,
    })
    expect(Buffer.from(tail.bytes).equals(Buffer.from(expected.slice(-10)))).toBe(true)
    const past = bytesOf(runSource(zooRunId), path, {
      start: expected.length + 1,
      end: expected.length + 100,
    })
    await expect(past).rejects.toSatisfy((error) => error instanceof ApiError && error.status === 416)
  })

  it("serves a LoggedModel's files through the logged-model routes, Range included", async () => {
    const model = await getLoggedModel(client, modelId)
    const root = `mlflow-artifacts:/${zooExperimentId}/models/${modelId}/artifacts`
    expect(model.artifactUri).toBe(root)
    const source = loggedModelSource(modelId)
    const listing = await listSourceArtifacts(client, { source })
    expect(listing.rootUri).toBe(root)
    expect(listing.files.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(['MLmodel', 'python_model.pkl', 'requirements.txt']),
    )
    const folder = join(artifactsDir, zooExperimentId, 'models', modelId, 'artifacts')
    for (const entry of listing.files.filter((file) => !file.isDir)) {
      const onDisk = new Uint8Array(await readFile(join(folder, entry.path)))
      expect(entry.fileSize).toBe(onDisk.length)
      expectWhole(await bytesOf(source, entry.path), onDisk)
    }
    const mlmodel = new Uint8Array(await readFile(join(folder, 'MLmodel')))
    const head = await bytesOf(source, 'MLmodel', { start: 0, end: 49 })
    expect(head.partial).toBe(true)
    expect(head.totalSize).toBe(mlmodel.length)
    expect(new TextDecoder().decode(head.bytes)).toBe(new TextDecoder().decode(mlmodel.slice(0, 50)))
    // The model's MLmodel names its proxied home.
    expect(new TextDecoder().decode(mlmodel)).toContain(`artifact_path: ${root}`)
  })
})
