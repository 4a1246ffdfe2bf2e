import { getResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createMockApi } from '../scenarios'
import { artifactBytes, artifactFiles, isArtifactSeries, loggedImagePath } from './artifacts'
import {
  ARTIFACT_COMPARE,
  ARTIFACT_ZOO,
  CONTRACT_EXPERIMENTS,
  LOGGED_MODELS,
  contractWorld,
} from './contract-world'
import { IMPORTANCE_SWEEP } from './contract-sweep'
import type { WorldRun } from './types'

function worldRun(name: string): WorldRun {
  const run = contractWorld.runs.find((candidate) => candidate.name === name)
  if (run === undefined) throw new Error(`no run ${name}`)
  return run
}

const zoo = worldRun(ARTIFACT_ZOO.runName)
const many = worldRun(ARTIFACT_ZOO.manyRunName)
const zooFiles = new Map(artifactFiles(zoo.artifacts).map((file) => [file.path, artifactBytes(file.content)]))

function bytesOf(path: string): Uint8Array {
  const bytes = zooFiles.get(path)
  if (bytes === undefined) throw new Error(`no file ${path}`)
  return bytes
}

function text(path: string): string {
  return new TextDecoder().decode(bytesOf(path))
}

const P = ARTIFACT_ZOO.paths

describe('the artifact zoo of the contract world', () => {
  it('comes after the older experiments, so that their ids stay; only the importance sweep follows it', () => {
    const names = contractWorld.experiments.map((experiment) => experiment.name)
    expect(names.slice(names.indexOf(CONTRACT_EXPERIMENTS.artifacts) + 1)).toEqual([
      IMPORTANCE_SWEEP.experiment,
    ])
    const firstSweepRun = contractWorld.runs.findIndex(
      (run) => run.experiment === IMPORTANCE_SWEEP.experiment,
    )
    expect(
      contractWorld.runs.slice(firstSweepRun).every((run) => run.experiment === IMPORTANCE_SWEEP.experiment),
    ).toBe(true)
    const runNames = contractWorld.runs.map((run) => run.name)
    expect(runNames.slice(firstSweepRun - 5, firstSweepRun)).toEqual([
      ARTIFACT_ZOO.runName,
      ARTIFACT_ZOO.manyRunName,
      ARTIFACT_COMPARE.runB,
      ARTIFACT_COMPARE.runC,
      LOGGED_MODELS.trainRun,
    ])
    expect(zoo.experiment).toBe(ARTIFACT_ZOO.experiment)
  })

  it('holds one file at each path it names, at safe relative paths', () => {
    const named = [...zooFiles.keys()].filter((path) => !path.startsWith('images/'))
    expect(named.sort()).toEqual(Object.values(P).sort())
    for (const path of zooFiles.keys()) {
      expect(path.startsWith('/') || path.split('/').includes('..')).toBe(false)
    }
  })

  it('has images with their formats’ signatures', () => {
    const starts = (path: string, signature: readonly number[]) => {
      expect([...bytesOf(path).slice(0, signature.length)]).toEqual(signature)
    }
    starts(P.png, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    starts(P.jpg, [0xff, 0xd8, 0xff])
    starts(P.gif, [0x47, 0x49, 0x46, 0x38])
    starts(P.bmp, [0x42, 0x4d])
    expect(text(P.webp).slice(0, 4)).toBe('RIFF')
    expect(text(P.webp).slice(8, 12)).toBe('WEBP')
  })

  it('has hostile SVG, HTML and Markdown', () => {
    expect(text(P.hostileSvg)).toMatch(/<script>/)
    expect(text(P.hostileSvg)).toMatch(/onload=/)
    expect(text(P.html)).toMatch(/document\.cookie/)
    expect(text(P.html)).toMatch(/<form/)
    expect(text(P.html)).toMatch(/window\.top\.location=/)
    expect(text(P.markdown)).toMatch(/\]\(javascript:/)
    expect(text(P.markdown)).toMatch(/<script>/)
  })

  it('has big text and JSON made by generators', () => {
    const log = text(P.log)
    expect(log.length).toBeGreaterThan(280_000)
    expect(log.trimEnd().split('\n')).toHaveLength(ARTIFACT_ZOO.logLines)
    const big = text(P.bigJson)
    expect(big.length).toBeGreaterThan(1_900_000)
    const parsed: unknown = JSON.parse(big)
    expect(Reflect.get(parsed as object, 'predictions')).toHaveLength(ARTIFACT_ZOO.bigJsonItems)
    expect(JSON.parse(text(P.json))).toMatchObject({ model: { name: 'cnn' } })
    expect(text(P.csv).trimEnd().split('\n')).toHaveLength(ARTIFACT_ZOO.csvRows + 1)
    expect(text(P.tsv).split('\n')[0]).toBe('step\tloss\taccuracy')
  })

  it('has a PDF whose xref offsets point at its objects', () => {
    const pdf = text(P.pdf)
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true)
    const xref = Number(/startxref\n(\d+)\n/.exec(pdf)?.[1])
    expect(pdf.slice(xref, xref + 4)).toBe('xref')
    const offsets = [...pdf.matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]))
    offsets.forEach((offset, index) => {
      expect(pdf.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true)
    })
  })

  it('has images logged per step, named as log_image names them, each a distinct PNG', () => {
    const images = [...zooFiles.keys()].filter((path) => path.startsWith('images/'))
    expect(images).toHaveLength(8)
    const keysAndSteps = images.map((path) =>
      /^images\/(.+)\+step\+(\d+)\+timestamp\+\d+\+[0-9a-f-]{36}\.png$/.exec(path)?.slice(1, 3).join('@'),
    )
    expect(keysAndSteps.sort()).toEqual([
      'confusion_matrix@0',
      'confusion_matrix@1',
      'confusion_matrix@2',
      'confusion_matrix@3',
      'confusion_matrix@4',
      'eval~roc@0',
      'eval~roc@2',
      'eval~roc@4',
    ])
    expect(loggedImagePath('a/b', 3, 5, 'u')).toBe('images/a~b+step+3+timestamp+5+u.png')
    const contents = new Set<string>()
    for (const path of images) {
      const bytes = bytesOf(path)
      expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      contents.add(bytes.join(','))
    }
    expect(contents.size).toBe(images.length)
    expect(zoo.tags['mlflow.loggedImages']).toBe('True')
  })

  it('has siblings sharing some paths with other contents, each lacking some of its files', () => {
    const filesOf = (name: string) =>
      new Map(artifactFiles(worldRun(name).artifacts).map((file) => [file.path, artifactBytes(file.content)]))
    for (const name of [ARTIFACT_COMPARE.runB, ARTIFACT_COMPARE.runC]) {
      const sibling = filesOf(name)
      expect(worldRun(name).experiment).toBe(ARTIFACT_ZOO.experiment)
      const shared = [...sibling.keys()].filter((path) => zooFiles.has(path))
      expect(shared).toEqual(expect.arrayContaining([P.yaml, P.predictions, P.evalLog]))
      for (const path of shared) expect(sibling.get(path)).not.toEqual(zooFiles.get(path))
      expect([...zooFiles.keys()].filter((path) => !sibling.has(path)).length).toBeGreaterThan(10)
      expect([...sibling.keys()].some((path) => path.startsWith('images/confusion_matrix+step+2+'))).toBe(
        true,
      )
    }
    expect(filesOf(ARTIFACT_COMPARE.runC).has(ARTIFACT_COMPARE.onlyInC)).toBe(true)
    expect(zooFiles.has(ARTIFACT_COMPARE.onlyInC)).toBe(false)
  })

  it('makes the 5,000 files of the other run only when read', () => {
    expect(many.artifacts !== undefined && isArtifactSeries(many.artifacts)).toBe(true)
    const files = artifactFiles(many.artifacts)
    expect(files).toHaveLength(ARTIFACT_ZOO.manyCount)
    expect(files[0]?.path).toBe('many/file-0000.txt')
    expect(files.at(-1)?.path).toBe(ARTIFACT_ZOO.manyFile(ARTIFACT_ZOO.manyCount - 1))
  })
})

describe('the mocks serve the zoo as the real server does', () => {
  const { store, handlers } = createMockApi('contract')
  const zooId = store.runIdOf(ARTIFACT_ZOO.runName) ?? ''
  const manyId = store.runIdOf(ARTIFACT_ZOO.manyRunName) ?? ''

  async function send(path: string, query: Record<string, string>, headers?: HeadersInit) {
    const url = new URL(`http://mock.test${path}`)
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
    const response = await getResponse(handlers, new Request(url, { headers }))
    if (response === undefined) throw new Error(`unhandled ${path}`)
    return response
  }

  it('lists one folder level, sorted, folders without a size', async () => {
    const response = await send('/api/2.0/mlflow/artifacts/list', { run_id: zooId, path: 'plots' })
    const body = (await response.json()) as { files: { path: string; is_dir: boolean; file_size?: number }[] }
    expect(body.files.map((file) => file.path)).toEqual([
      P.gif,
      P.svg,
      P.hostileSvg,
      P.jpg,
      P.bmp,
      'plots/roc',
      P.png,
      P.webp,
    ])
    expect(body.files.find((file) => file.path === 'plots/roc')).toEqual({ path: 'plots/roc', is_dir: true })
    expect(body.files.find((file) => file.path === P.png)?.file_size).toBe(bytesOf(P.png).length)
  })

  it('lists all 5,000 files in one answer', async () => {
    const response = await send('/api/2.0/mlflow/artifacts/list', { run_id: manyId, path: 'many' })
    const body = (await response.json()) as { files: unknown[]; next_page_token?: string }
    expect(body.files).toHaveLength(ARTIFACT_ZOO.manyCount)
    expect(body.next_page_token).toBeUndefined()
  })

  it('sends files as attachments, script-capable text as text/plain', async () => {
    const json = await send('/get-artifact', { run_uuid: zooId, path: P.json })
    expect(json.headers.get('content-type')).toBe('text/plain')
    expect(json.headers.get('content-disposition')).toBe('attachment; filename=config.json')
    expect(json.headers.get('x-content-type-options')).toBe('nosniff')
    const png = await send('/get-artifact', { run_uuid: zooId, path: P.png })
    expect(png.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await png.arrayBuffer())).toEqual(bytesOf(P.png))
  })

  it('answers a Range request with 206 and only those bytes', async () => {
    const response = await send(
      '/get-artifact',
      { run_uuid: zooId, path: P.bigJson },
      { Range: 'bytes=0-99' },
    )
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(`bytes 0-99/${bytesOf(P.bigJson).length}`)
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytesOf(P.bigJson).slice(0, 100))
    const past = await send('/get-artifact', { run_uuid: zooId, path: P.png }, { Range: 'bytes=100000-' })
    expect(past.status).toBe(416)
  })
})
