/**
 * The runs that real training code logged (autolog, log_model, nested start_run, a git checkout,
 * a crash): only the real server has them, so instead of comparing with the mocks, read them with the
 * app's own client, as the app will, and check what MLflow itself recorded.
 */

import { describe, expect, inject, it } from 'vitest'
import { getArtifactBytes, listArtifacts } from '@/api/artifacts'
import { createMlflowClient } from '@/api/http'
import { getMetricHistory } from '@/api/metrics'
import { getRun, searchRuns } from '@/api/runs'
import { runSource } from '@/domain/artifacts/artifact-source'
import { artifactKind, previewLimit } from '@/domain/artifacts/file-kind'
import { groupLoggedImages, isLoggedImagePath, LOGGED_IMAGES_DIR } from '@/domain/artifacts/logged-images'
import { SYSTEM_TAGS, type Run } from '@/domain/runs/run'

const client = createMlflowClient({ baseUrl: inject('mlflowUrl') })
const realUsage = inject('realUsageRuns')

function idOf(name: string): string {
  const run = realUsage.find((candidate) => candidate.name === name)
  if (run === undefined) throw new Error(`the seed logged no run named ${name}`)
  return run.runId
}

async function bytesOf(runId: string, path: string): Promise<Uint8Array> {
  return (await getArtifactBytes(client, { source: runSource(runId), path })).bytes
}

async function startsWith(runId: string, path: string, signature: string): Promise<boolean> {
  const { bytes } = await getArtifactBytes(client, {
    source: runSource(runId),
    path,
    range: { start: 0, end: 15 },
  })
  return new TextDecoder('latin1').decode(bytes).startsWith(signature)
}

/** The `src` of every `<script>` tag of an HTML page that has one. */
function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]*)"/gi)].map((match) => match[1] ?? '')
}

async function allRealUsageRuns(): Promise<Run[]> {
  const experimentIds = [...new Set(realUsage.map((run) => run.experiment))]
  const experiments = await Promise.all(
    experimentIds.map(async (name) => {
      const response = await fetch(
        `${inject('mlflowUrl')}/api/2.0/mlflow/experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`,
      )
      const body: unknown = await response.json()
      const experiment: unknown =
        body !== null && typeof body === 'object' ? Reflect.get(body, 'experiment') : undefined
      const id: unknown =
        experiment !== null && typeof experiment === 'object'
          ? Reflect.get(experiment, 'experiment_id')
          : undefined
      if (typeof id !== 'string') throw new Error(`no experiment ${name}`)
      return id
    }),
  )
  const page = await searchRuns(client, { experimentIds: experiments, maxResults: 1000 })
  return page.items
}

describe('runs logged by real training code, read through the client', () => {
  it('reads every one of them', async () => {
    const runs = await allRealUsageRuns()
    expect(runs.map((run) => run.info.runId).sort()).toEqual(realUsage.map((run) => run.runId).sort())
  })

  it('has the source and git commit that MLflow recorded from the checkout', async () => {
    const run = await getRun(client, idOf('logreg-baseline'))
    expect(run.tags[SYSTEM_TAGS.sourceName]).toMatch(/train\.py$/)
    expect(run.tags[SYSTEM_TAGS.sourceType]).toBe('LOCAL')
    expect(run.tags[SYSTEM_TAGS.gitCommit]).toMatch(/^[0-9a-f]{40}$/)
    expect(run.tags[SYSTEM_TAGS.user]).toBeTruthy()
  })

  it('has what sklearn autolog and log_model record', async () => {
    const run = await getRun(client, idOf('logreg-baseline'))
    // Autolog inside a run the user started tags the estimator but not `mlflow.autologging` (only
    // runs that autolog starts itself get that tag).
    expect(run.tags.estimator_name).toBe('LogisticRegression')
    expect(run.params).toHaveProperty('C')
    expect(Object.keys(run.metrics)).toEqual(
      expect.arrayContaining(['training_accuracy_score', 'test_accuracy']),
    )
    // MLflow 3 records log_model as a LoggedModel among the run's outputs, not in mlflow.log-model.history.
    expect(run.tags[SYSTEM_TAGS.logModelHistory]).toBeUndefined()
    expect(run.modelOutputs.length).toBeGreaterThan(0)
    expect(run.datasets.map((dataset) => dataset.tags['mlflow.data.context'])).toContain('train')
  })

  it('nests runs started with start_run(nested=True) three levels deep', () => {
    const byId = new Map(realUsage.map((run) => [run.runId, run]))
    const depth = (runId: string): number => {
      const parent = byId.get(runId)?.parentRunId
      return parent === undefined ? 1 : 1 + depth(parent)
    }
    expect(Math.max(...realUsage.map((run) => depth(run.runId)))).toBe(3)
  })

  it('ends runs as their processes did: failed, killed and still running', () => {
    const statuses = new Set(realUsage.map((run) => run.status))
    expect([...statuses]).toEqual(expect.arrayContaining(['FINISHED', 'FAILED', 'KILLED', 'RUNNING']))
  })

  it('lists the logged artifacts and per-epoch metric histories', async () => {
    const listing = await listArtifacts(client, { runId: idOf('logreg-baseline') })
    expect(listing.files.map((file) => file.path)).toEqual(
      expect.arrayContaining(['confusion_matrix.png', 'reports']),
    )
    const reports = await listArtifacts(client, { runId: idOf('logreg-baseline'), path: 'reports' })
    expect(reports.files.every((file) => file.path.startsWith('reports/') && !file.isDir)).toBe(true)
    const interrupted = await getMetricHistory(client, {
      runId: idOf('sgd-interrupted'),
      metricKey: 'train_loss',
    })
    expect(interrupted.length).toBeGreaterThan(1)
    expect(interrupted.map((point) => point.step)).toEqual(
      [...interrupted.map((point) => point.step)].sort((a, b) => a - b),
    )
  })

  it('groups the images log_image(key=, step=) wrote into one series, each step with its thumbnail', async () => {
    const runId = idOf('logreg-baseline')
    const listing = await listArtifacts(client, { runId, path: LOGGED_IMAGES_DIR })
    const paths = listing.files.map((file) => file.path)
    // One full-size PNG and one `+compressed.webp` thumbnail per call, nothing else.
    expect(paths).toHaveLength(6)
    expect(paths.every(isLoggedImagePath)).toBe(true)
    const series = groupLoggedImages(paths)
    expect(series.map((one) => one.key)).toEqual(['confusion_matrix'])
    const images = series[0]?.images ?? []
    expect(images.map((image) => image.step)).toEqual([0, 1, 2])
    for (const image of images) {
      expect(image.path).toMatch(
        /^images\/confusion_matrix\+step\+\d\+timestamp\+\d{13}\+[0-9a-f-]{36}\.png$/,
      )
      expect(image.thumbnailPath).toBe(image.path.replace(/\.png$/, '+compressed.webp'))
      expect(await startsWith(runId, image.path, '\x89PNG')).toBe(true)
      expect(await startsWith(runId, image.thumbnailPath ?? '', 'RIFF')).toBe(true)
    }
  })

  it('holds a self-contained plotly figure that the HTML preview takes, and one that needs the CDN', async () => {
    const runId = idOf('logreg-baseline')
    const listing = await listArtifacts(client, { runId, path: 'figures' })
    const sizes = Object.fromEntries(listing.files.map((file) => [file.path, file.fileSize]))
    expect(Object.keys(sizes).sort()).toEqual([
      'figures/cdn_figure.html',
      'figures/plotly_self_contained.html',
    ])

    const selfContainedPath = 'figures/plotly_self_contained.html'
    const selfContainedSize = sizes[selfContainedPath] ?? 0
    expect(selfContainedSize).toBeGreaterThan(3_000_000)
    expect(selfContainedSize).toBeLessThanOrEqual(previewLimit(artifactKind(selfContainedPath)))
    const selfContainedBytes = await bytesOf(runId, selfContainedPath)
    expect(selfContainedBytes.length).toBe(selfContainedSize)
    const selfContained = new TextDecoder().decode(selfContainedBytes)
    expect(scriptSources(selfContained)).toEqual([])
    expect(selfContained).toMatch(/\* plotly\.js v\d+\.\d+\.\d+/)

    // What log_figure writes: plotly.js from its CDN, so the figure draws only where that is reachable.
    const cdn = new TextDecoder().decode(await bytesOf(runId, 'figures/cdn_figure.html'))
    expect(scriptSources(cdn)).toEqual([
      expect.stringMatching(/^https:\/\/cdn\.plot\.ly\/plotly-\d+\.\d+\.\d+\.min\.js$/),
    ])
    expect(cdn.length).toBeLessThan(100_000)
  })
})
