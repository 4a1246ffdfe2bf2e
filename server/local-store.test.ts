import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ensureVenv } from '../scripts/real-server/venv'
import { findMlflow, isFileStoreUri, MlflowMissingError, startLocalStore } from './local-store'
import { startRunboard } from './main'
import { MlflowStartError } from './mlflow-process'
import { send } from './test-client'

const dir = mkdtempSync(join(tmpdir(), 'runboard-local-store-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('finding mlflow', () => {
  it('says what to do when mlflow is not on PATH', () => {
    expect(() => findMlflow(undefined, 'sqlite:///x.db', { PATH: dir })).toThrow(
      new MlflowMissingError(
        'Runboard needs MLflow to open sqlite:///x.db: pip install mlflow, or pass --mlflow /path/to/mlflow, ' +
          'or point --tracking-uri at a running server.',
      ),
    )
  })

  it('rejects an --mlflow that is not an executable file', () => {
    expect(() => findMlflow(dir, 'sqlite:///x.db', {})).toThrow(`--mlflow ${dir} is not an executable file.`)
  })

  it('tells file stores from databases', () => {
    expect(isFileStoreUri('./mlruns')).toBe(true)
    expect(isFileStoreUri('file:///tmp/mlruns')).toBe(true)
    expect(isFileStoreUri('sqlite:///mlflow.db')).toBe(false)
  })
})

describe('a managed mlflow that fails', () => {
  it('reports the tail of its stderr when it dies before answering', async () => {
    const fake = join(dir, 'fake-mlflow')
    writeFileSync(fake, '#!/bin/sh\necho "Traceback: the store is broken" >&2\nexit 3\n')
    chmodSync(fake, 0o755)
    const started = startLocalStore({ storeUri: 'sqlite:///nowhere.db', mlflow: fake, log: () => undefined })
    await expect(started).rejects.toThrow(MlflowStartError)
    await expect(started).rejects.toThrow(
      'mlflow server exited with code 3 before answering /health:\nTraceback: the store is broken',
    )
  })
})

describe('local-store mode with the real mlflow', () => {
  let mlflow: string
  beforeAll(async () => {
    vi.stubEnv('MLFLOW_DISABLE_TELEMETRY', 'true')
    vi.stubEnv('DO_NOT_TRACK', 'true')
    mlflow = (await ensureVenv()).mlflow
  }, 600_000)
  afterAll(() => {
    vi.unstubAllEnvs()
  })

  it('starts mlflow server on a SQLite store, proxies to it, and stops it on close', async () => {
    const storeUri = `sqlite:///${join(dir, 'mlflow.db')}`
    const runboard = await startRunboard(
      {
        mode: { kind: 'local-store', storeUri, defaultArtifactRoot: undefined, mlflow },
        host: '127.0.0.1',
        port: 0,
        basePath: '/mlflow/',
      },
      { staticDir: '/nonexistent', cwd: dir, log: () => undefined },
    )
    const managed = runboard.mlflowUrl ?? ''
    try {
      const version = await send(`${runboard.url}version`)
      expect(version.text).toBe('3.17.2')
      const experiments = await send(`${runboard.url}api/2.0/mlflow/experiments/search?max_results=5`)
      expect(experiments.json()).toMatchObject({ experiments: [{ experiment_id: '0', name: 'Default' }] })
      // A write from the browser's origin passes MLflow's cross-origin check (contract §13).
      const created = await send(`${runboard.url}ajax-api/2.0/mlflow/experiments/create`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'http://runboard.example' },
        body: JSON.stringify({ name: 'from-runboard' }),
      })
      expect(created.status).toBe(200)
      const config = await send(`${runboard.url}runboard-config.json`)
      expect(config.json()).toMatchObject({
        mode: 'local-store',
        trackingUri: storeUri,
        basePath: '/mlflow/',
      })
    } finally {
      await runboard.close()
    }
    await expect(fetch(`${managed}/health`)).rejects.toThrow()
  }, 120_000)

  it('opens a file store (mlruns), which MLflow 3.17 refuses unless allowed', async () => {
    const logs: string[] = []
    const runboard = await startRunboard(
      {
        mode: {
          kind: 'local-store',
          storeUri: `file://${dir}/mlruns`,
          defaultArtifactRoot: undefined,
          mlflow,
        },
        host: '127.0.0.1',
        port: 0,
        basePath: '/',
      },
      { staticDir: '/nonexistent', cwd: dir, log: (line) => logs.push(line) },
    )
    try {
      const experiments = await send(`${runboard.url}api/2.0/mlflow/experiments/search?max_results=5`)
      expect(experiments.json()).toMatchObject({ experiments: [{ name: 'Default' }] })
      expect(logs.join('\n')).toContain('mlflow migrate-filestore')
    } finally {
      await runboard.close()
    }
  }, 120_000)
})
