import { getResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createHandlers } from '../handlers'
import { createMockApi } from '../scenarios'
import { MockStore } from '../store/store'
import {
  HUGE_ARTIFACTS,
  binaryContent,
  generatedFiles,
  jsonArrayContent,
  jsonArrayItems,
  logContent,
  logLine,
  recordsContent,
  withGeneratedFiles,
} from './huge-artifacts'
import type { WorldGeneratedContent } from './types'

const MIB = 1024 * 1024
const GIB = 1024 * MIB
const P = HUGE_ARTIFACTS.paths
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

/** Reads every byte in pieces, the way a stream would. */
function readAll(content: WorldGeneratedContent, piece = 997): Uint8Array {
  const all = new Uint8Array(content.size)
  for (let at = 0; at < content.size; at += piece)
    all.set(content.read(at, Math.min(content.size, at + piece)), at)
  return all
}

describe('generated artifact contents', () => {
  it('give the same bytes for a range as the whole file has there', () => {
    const content = recordsContent({
      head: 'HEAD\n',
      width: 4,
      count: 50,
      record: (i) => `${String(i).padStart(3, '0')}\n`,
      tail: 'TAIL\n',
    })
    const whole = `HEAD\n${Array.from({ length: 50 }, (_, i) => `${String(i).padStart(3, '0')}\n`).join('')}TAIL\n`
    expect(content.size).toBe(whole.length)
    expect(text(content.read(0, content.size))).toBe(whole)
    for (const [start, end] of [
      [0, 0],
      [0, 3],
      [3, 9],
      [5, 9],
      [6, 7],
      [100, 207],
      [203, 210],
      [content.size - 1, content.size],
    ] as const) {
      expect(text(content.read(start, end))).toBe(whole.slice(start, end))
    }
    expect(text(readAll(content, 7))).toBe(whole)
  })

  it('refuse ranges outside the file', () => {
    const content = binaryContent(100)
    expect(() => content.read(-1, 10)).toThrow(RangeError)
    expect(() => content.read(10, 5)).toThrow(RangeError)
    expect(() => content.read(0, 101)).toThrow(RangeError)
    expect(content.read(100, 100)).toHaveLength(0)
  })

  it('make a 1 GiB binary of noise, the same bytes however it is read', () => {
    const content = binaryContent(HUGE_ARTIFACTS.binarySize)
    expect(content.size).toBe(GIB)
    const middle = content.read(500 * MIB, 500 * MIB + 4096)
    expect([...content.read(500 * MIB + 100, 500 * MIB + 200)]).toEqual([...middle.slice(100, 200)])
    expect(new Set(middle).size).toBeGreaterThan(200)
    expect(content.read(GIB - 10, GIB)).toHaveLength(10)
  })

  it('make a 1 GiB log of 128-byte lines: line i at byte 128 i', () => {
    const content = logContent(HUGE_ARTIFACTS.logLines)
    expect(content.size).toBe(GIB)
    for (const line of [0, 1, 2047, 2048, 4_000_000, HUGE_ARTIFACTS.logLines - 1]) {
      const bytes = content.read(line * 128, (line + 1) * 128)
      expect(text(bytes)).toBe(logLine(line))
      expect(text(bytes)).toMatch(
        new RegExp(
          `^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z INFO train\\.py:88 step=${String(line).padStart(9, '0')} loss=\\d\\.\\d{6} .*\\n$`,
        ),
      )
    }
    // The first 256 KiB are exactly the first 2,048 lines.
    const head = text(content.read(0, 256 * 1024)).split('\n')
    expect(head).toHaveLength(2049)
    expect(head.at(-1)).toBe('')
    expect(`${head[2047] ?? ''}\n`).toBe(logLine(2047))
    expect(head[0]).toMatch(/\S$/)
  })

  it('make a 50 MiB JSON file that parses to an array of objects', () => {
    const content = jsonArrayContent(HUGE_ARTIFACTS.jsonSize)
    expect(content.size).toBe(50 * MIB)
    const parsed: unknown = JSON.parse(text(content.read(0, content.size)))
    expect(Array.isArray(parsed)).toBe(true)
    const items = Array.isArray(parsed) ? parsed : []
    expect(items).toHaveLength(jsonArrayItems(HUGE_ARTIFACTS.jsonSize))
    expect(items.length).toBeGreaterThan(300_000)
    expect(items[0]).toMatchObject({ id: 0, label: 'class-0', split: 'test ' })
    expect(items.at(-1)).toMatchObject({ id: items.length - 1 })
    // Small sizes parse too, with the same items.
    for (const size of [200, 1000, 4096]) {
      const small: unknown = JSON.parse(text(readAll(jsonArrayContent(size), 13)))
      expect(small).toHaveLength(jsonArrayItems(size))
    }
    // Making and parsing 50 MiB takes about a second on an idle core, and over 5 s on a busy CI machine.
  }, 30_000)

  it('travel on a run as an array of its ordinary files', () => {
    const generated = [{ path: 'a.bin', content: binaryContent(10) }]
    const artifacts = withGeneratedFiles([{ path: 'b.txt', content: { text: 'b' } }], generated)
    expect([...artifacts].map((file) => file.path)).toEqual(['b.txt'])
    expect(generatedFiles(artifacts)).toEqual(generated)
    expect(generatedFiles([{ path: 'b.txt', content: { text: 'b' } }])).toEqual([])
    expect(generatedFiles(undefined)).toEqual([])
  })
})

/** A store with one run holding a plain file and generated ones whose reads are counted. */
function countingApi() {
  const reads: [string, number, number][] = []
  const counted = (path: string, content: WorldGeneratedContent): WorldGeneratedContent => ({
    ...content,
    read(start, end) {
      reads.push([path, start, end])
      return content.read(start, end)
    },
  })
  const store = new MockStore([
    {
      experiment: { name: 'big', tags: {} },
      runs: () => [
        {
          name: 'big-run',
          status: 'FINISHED',
          startTime: 1,
          endTime: 2,
          params: {},
          tags: {},
          metrics: {},
          artifacts: withGeneratedFiles(
            [{ path: 'notes.txt', content: { text: 'small\n' } }],
            [
              { path: P.binary, content: counted(P.binary, binaryContent(GIB)) },
              { path: P.log, content: counted(P.log, logContent(HUGE_ARTIFACTS.logLines)) },
            ],
          ),
        },
      ],
    },
  ])
  store.runsOf(store.getExperimentByName('big')?.experimentId ?? '')
  return { handlers: createHandlers(store), runId: store.runIdOf('big-run') ?? '', reads }
}

async function send(
  handlers: ReturnType<typeof createHandlers>,
  path: string,
  query: Record<string, string>,
  headers?: HeadersInit,
): Promise<Response> {
  const url = new URL(`http://mock.test${path}`)
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
  const response = await getResponse(handlers, new Request(url, { headers }))
  if (response === undefined) throw new Error(`unhandled ${path}`)
  return response
}

describe('the mocks serve generated files as the real server serves big files', () => {
  it('lists them with their sizes without making a byte', async () => {
    const { handlers, runId, reads } = countingApi()
    const root = await send(handlers, '/api/2.0/mlflow/artifacts/list', { run_id: runId })
    expect(await root.json()).toMatchObject({
      files: [
        { path: 'big', is_dir: true },
        { path: 'notes.txt', is_dir: false, file_size: 6 },
      ],
    })
    const big = await send(handlers, '/api/2.0/mlflow/artifacts/list', { run_id: runId, path: 'big' })
    expect(await big.json()).toMatchObject({
      files: [
        { path: P.log, is_dir: false, file_size: GIB },
        { path: P.binary, is_dir: false, file_size: GIB },
      ],
    })
    expect(reads).toEqual([])
  })

  it('answers a Range with 206 and makes only those bytes', async () => {
    const { handlers, runId, reads } = countingApi()
    const response = await send(
      handlers,
      '/get-artifact',
      { run_uuid: runId, path: P.log },
      { Range: 'bytes=262144-524287' },
    )
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(`bytes 262144-524287/${GIB}`)
    expect(response.headers.get('content-length')).toBe('262144')
    expect(response.headers.get('content-type')).toBe('text/plain')
    expect(response.headers.get('accept-ranges')).toBe('bytes')
    const body = text(new Uint8Array(await response.arrayBuffer()))
    expect(body.slice(0, 128)).toBe(logLine(2048))
    expect(body).toHaveLength(262144)
    expect(reads).toEqual([[P.log, 262144, 524288]])

    const suffix = await send(
      handlers,
      '/get-artifact',
      { run_uuid: runId, path: P.binary },
      { Range: 'bytes=-16' },
    )
    expect(suffix.headers.get('content-range')).toBe(`bytes ${GIB - 16}-${GIB - 1}/${GIB}`)
    expect([...new Uint8Array(await suffix.arrayBuffer())]).toEqual([
      ...binaryContent(GIB).read(GIB - 16, GIB),
    ])

    const past = await send(
      handlers,
      '/get-artifact',
      { run_uuid: runId, path: P.binary },
      { Range: `bytes=${GIB}-` },
    )
    expect(past.status).toBe(416)
    expect(past.headers.get('content-range')).toBe(`bytes */${GIB}`)
  })

  it('streams a whole 1 GiB file in 1 MiB pieces, made as they are read', async () => {
    const { handlers, runId, reads } = countingApi()
    const before = process.memoryUsage()
    const response = await send(handlers, '/get-artifact', { run_uuid: runId, path: P.binary })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBe(String(GIB))
    expect(response.headers.get('content-type')).toBe('application/octet-stream')
    const reader = response.body?.getReader()
    if (reader === undefined) throw new Error('no body')
    let received = 0
    const first = await reader.read()
    received += first.value?.length ?? 0
    expect([...(first.value ?? new Uint8Array()).slice(0, 64)]).toEqual([...binaryContent(GIB).read(0, 64)])
    for (let piece = 0; piece < 7; piece++) received += (await reader.read()).value?.length ?? 0
    await reader.cancel()
    expect(received).toBe(8 * MIB)
    // Made as read: at most one piece ahead of the reader, nothing near a gigabyte held.
    expect(reads.length).toBeLessThanOrEqual(9)
    expect(reads.every(([, start, end]) => end - start <= MIB)).toBe(true)
    const grown = process.memoryUsage().arrayBuffers - before.arrayBuffers
    expect(grown).toBeLessThan(100 * MIB)
  })

  it('a Range from 0 to the end of a 1 GiB file streams too', async () => {
    const { handlers, runId, reads } = countingApi()
    const response = await send(
      handlers,
      '/get-artifact',
      { run_uuid: runId, path: P.log },
      { Range: 'bytes=0-' },
    )
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(`bytes 0-${GIB - 1}/${GIB}`)
    const reader = response.body?.getReader()
    const first = await reader?.read()
    expect(text(first?.value ?? new Uint8Array()).slice(0, 128)).toBe(logLine(0))
    await reader?.cancel()
    expect(reads.length).toBeLessThanOrEqual(2)
  })
})

describe('the huge scenario', () => {
  it('has the huge files’ run, in its own experiment', async () => {
    const { store, handlers } = createMockApi('huge')
    const experiment = store.getExperimentByName(HUGE_ARTIFACTS.experiment)
    expect(experiment).toBeDefined()
    store.runsOf(experiment?.experimentId ?? '')
    const runId = store.runIdOf(HUGE_ARTIFACTS.runName) ?? ''
    const listing = await send(handlers, '/ajax-api/2.0/mlflow/artifacts/list', {
      run_id: runId,
      path: 'big',
    })
    expect(await listing.json()).toMatchObject({
      files: [
        { path: P.json, file_size: 50 * MIB },
        { path: P.log, file_size: GIB },
        { path: P.binary, file_size: GIB },
      ],
    })
  })

  it('is the only scenario with it: the demo and contract worlds stay as the seed logs them', () => {
    for (const scenario of ['demo', 'contract'] as const) {
      expect(createMockApi(scenario).store.getExperimentByName(HUGE_ARTIFACTS.experiment)).toBeUndefined()
    }
  })
})
