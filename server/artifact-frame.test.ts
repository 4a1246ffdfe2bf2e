import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACT_ZOO } from '../mocks/world/artifacts'
import { FRAME_CONTENT_SECURITY_POLICY, frameSourceTarget } from './artifact-frame'
import { startRunboard, type Runboard } from './main'
import { send } from './test-client'

describe('frameSourceTarget', () => {
  it('maps a run’s or a logged model’s HTML file to the MLflow route that holds it', () => {
    expect(frameSourceTarget(new URLSearchParams({ run_uuid: 'r1', path: 'figs/a b.html' }))).toBe(
      'get-artifact?path=figs%2Fa+b.html&run_uuid=r1',
    )
    expect(frameSourceTarget(new URLSearchParams({ model_id: 'm-1f', path: 'report.HTM' }))).toBe(
      'ajax-api/2.0/mlflow/logged-models/m-1f/artifacts/files?artifact_file_path=report.HTM',
    )
  })

  it('refuses anything but one HTML file of one source', () => {
    expect(frameSourceTarget(new URLSearchParams({ run_uuid: 'r1', path: 'plots/a.svg' }))).toBeUndefined()
    expect(frameSourceTarget(new URLSearchParams({ path: 'a.html' }))).toBeUndefined()
    expect(
      frameSourceTarget(new URLSearchParams({ run_uuid: 'r1', model_id: 'm-1', path: 'a.html' })),
    ).toBeUndefined()
    expect(frameSourceTarget(new URLSearchParams({ model_id: '../x', path: 'a.html' }))).toBeUndefined()
  })
})

describe('the artifact-frame route', () => {
  let runboard: Runboard
  let runId = ''
  beforeAll(async () => {
    runboard = await startRunboard(
      { mode: { kind: 'demo', scenario: 'contract' }, host: '127.0.0.1', port: 0, basePath: '/mlflow/' },
      { staticDir: '/nonexistent', log: () => undefined },
    )
    const search = await send(
      `${runboard.url}api/2.0/mlflow/experiments/get-by-name?experiment_name=${ARTIFACT_ZOO.experiment}`,
    )
    const experimentId = (search.json() as { experiment: { experiment_id: string } }).experiment.experiment_id
    const runs = await send(`${runboard.url}api/2.0/mlflow/runs/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        experiment_ids: [experimentId],
        filter: `attributes.run_name = '${ARTIFACT_ZOO.runName}'`,
      }),
    })
    runId = (runs.json() as { runs: { info: { run_id: string } }[] }).runs[0]?.info.run_id ?? ''
  })
  afterAll(async () => {
    await runboard.close()
  })

  it('answers an HTML artifact as a sandboxed document of its own, not a download', async () => {
    const query = new URLSearchParams({ run_uuid: runId, path: ARTIFACT_ZOO.paths.html })
    const frame = await send(`${runboard.url}artifact-frame?${query.toString()}`)
    const raw = await send(
      `${runboard.url}get-artifact?${new URLSearchParams({ run_uuid: runId, path: ARTIFACT_ZOO.paths.html }).toString()}`,
    )
    expect(frame.status).toBe(200)
    expect(frame.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(frame.headers['content-security-policy']).toBe(FRAME_CONTENT_SECURITY_POLICY)
    expect(frame.headers['content-security-policy']).toMatch(/^sandbox allow-scripts;/)
    expect(frame.headers['content-disposition']).toBeUndefined()
    expect(frame.headers['x-content-type-options']).toBe('nosniff')
    expect(frame.text).toBe(raw.text)
    expect(frame.text).toContain('<script')
  })

  it('says what is wrong with a bad request, and passes on the server’s refusal', async () => {
    const svg = new URLSearchParams({ run_uuid: runId, path: ARTIFACT_ZOO.paths.svg })
    expect((await send(`${runboard.url}artifact-frame?${svg.toString()}`)).status).toBe(400)
    const missing = new URLSearchParams({ run_uuid: runId, path: 'nope/missing.html' })
    const answer = await send(`${runboard.url}artifact-frame?${missing.toString()}`)
    expect(answer.status).toBeGreaterThanOrEqual(400)
    expect(answer.headers['content-security-policy']).toBeUndefined()
  })
})
