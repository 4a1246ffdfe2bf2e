/**
 * Artifacts too big to hold: a run of the demo world with a 1 GiB binary, a 1 GiB log and a 50 MiB
 * JSON array, whose bytes are made only for the range a request reads (WorldGeneratedContent). The
 * demo server answers a Range request on them in microseconds and streams a whole download in 1 MiB
 * pieces, so a demo process never holds more than one piece. The seed cannot log these (the real
 * store gets its 1 GiB file from `npm run real-server -- --big-file`, made sparse with `truncate`), so
 * they live only in worlds the demo scenarios load, never in the contract world.
 */

import type { ExperimentSource, StoreRun } from '../store/store'
import type {
  WorldArtifactFile,
  WorldArtifacts,
  WorldArtifactsWithGenerated,
  WorldGeneratedContent,
  WorldGeneratedFile,
} from './types'

const MIB = 1024 * 1024
const GIB = 1024 * MIB

/** What the demo run holds, for tests and benches. */
export const HUGE_ARTIFACTS = {
  experiment: 'artifact-huge',
  runName: 'artifact-huge-files',
  dir: 'big',
  paths: {
    binary: 'big/weights-1gb.bin',
    log: 'big/train-1gb.log',
    json: 'big/payload-50mb.json',
  },
  binarySize: GIB,
  logSize: GIB,
  jsonSize: 50 * MIB,
  /** Every line of the log is this long, its newline included, so line `i` starts at byte `i * 128`. */
  logLineBytes: 128,
  /** The log's number of lines (2^23). */
  logLines: GIB / 128,
} as const

// ---------------------------------------------------------------------------------------------------
// Carrying generated files on a run

/** A run's artifacts: the ordinary `files` (which the seed could log) and generated ones. */
export function withGeneratedFiles(
  files: readonly WorldArtifactFile[],
  generated: readonly WorldGeneratedFile[],
): WorldArtifactsWithGenerated {
  return Object.assign([...files], { generated })
}

function isGeneratedFile(value: unknown): value is WorldGeneratedFile {
  if (value === null || typeof value !== 'object') return false
  const content: unknown = Reflect.get(value, 'content')
  return (
    typeof Reflect.get(value, 'path') === 'string' &&
    content !== null &&
    typeof content === 'object' &&
    Reflect.get(content, 'kind') === 'generated'
  )
}

/** The generated files a run's artifacts carry (none for plain files and series). */
export function generatedFiles(artifacts: WorldArtifacts | undefined): readonly WorldGeneratedFile[] {
  if (artifacts === undefined) return []
  const generated: unknown = Reflect.get(artifacts, 'generated')
  return Array.isArray(generated) ? generated.filter(isGeneratedFile) : []
}

// ---------------------------------------------------------------------------------------------------
// Generators

function checkSpan(start: number, end: number, size: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > size)
    throw new RangeError(`bytes [${start}, ${end}) are not within a file of ${size} bytes`)
}

/** A 32-bit integer hash (lowbias32): deterministic noise from a position. */
function hash32(value: number): number {
  let x = value >>> 0
  x ^= x >>> 16
  x = Math.imul(x, 0x7feb352d)
  x ^= x >>> 15
  x = Math.imul(x, 0x846ca68b)
  x ^= x >>> 16
  return x >>> 0
}

/** In [0, 1), from a position and a salt. */
function noise(i: number, salt: number): number {
  return hash32(i ^ Math.imul(salt, 0x9e3779b9)) / 2 ** 32
}

/** `size` bytes of noise: byte `i` is the top byte of `hash32(i)`. */
export function binaryContent(size: number): WorldGeneratedContent {
  return {
    kind: 'generated',
    size,
    read(start, end) {
      checkSpan(start, end, size)
      const bytes = new Uint8Array(end - start)
      for (let i = start; i < end; i++) bytes[i - start] = hash32(i) >>> 24
      return bytes
    },
  }
}

export interface RecordsSpec {
  head: string
  /** Bytes of every record; `record(i)` must be exactly this long, in ASCII. */
  width: number
  count: number
  record: (i: number) => string
  tail: string
}

/**
 * ASCII text of fixed-width records between a head and a tail: any byte range is found by
 * arithmetic and made from the few records it covers.
 */
export function recordsContent(spec: RecordsSpec): WorldGeneratedContent {
  const { head, width, count, record, tail } = spec
  const recordsStart = head.length
  const recordsEnd = recordsStart + count * width
  const size = recordsEnd + tail.length
  const encoder = new TextEncoder()
  return {
    kind: 'generated',
    size,
    read(start, end) {
      checkSpan(start, end, size)
      let text = ''
      if (start < recordsStart) text += head.slice(start, Math.min(end, recordsStart))
      const from = Math.max(start, recordsStart)
      const to = Math.min(end, recordsEnd)
      if (from < to) {
        const first = Math.floor((from - recordsStart) / width)
        const last = Math.floor((to - 1 - recordsStart) / width)
        const parts: string[] = []
        for (let i = first; i <= last; i++) parts.push(record(i))
        const offset = from - recordsStart - first * width
        text += parts.join('').slice(offset, offset + (to - from))
      }
      if (end > recordsEnd) text += tail.slice(Math.max(0, start - recordsEnd), end - recordsEnd)
      const bytes = encoder.encode(text)
      if (bytes.length !== end - start) throw new Error(`a record is not ${width} ASCII bytes long`)
      return bytes
    },
  }
}

/**
 * A training log's line `i`: `width - 1` characters and a newline. The last field's number is padded
 * on the left to fill the line, so lines are aligned and end without blanks.
 */
export function logLine(i: number, width: number = HUGE_ARTIFACTS.logLineBytes): string {
  const time = new Date(Date.UTC(2026, 0, 5, 9) + i * 250).toISOString()
  const loss = 0.05 + 2.9 * Math.exp(-i / 2_000_000) + 0.08 * noise(i, 1)
  const gradNorm = 0.5 + 2 * noise(i, 2)
  const lr = 1e-3 * (1 - i / (HUGE_ARTIFACTS.logLines + 1))
  const line =
    `${time} INFO train.py:88 step=${String(i).padStart(9, '0')} loss=${loss.toFixed(6)} ` +
    `lr=${lr.toExponential(3)} grad_norm=${gradNorm.toFixed(4)} tokens_per_s=`
  const tokens = String(Math.round(9000 + 3000 * noise(i, 4)))
  return `${line}${tokens.padStart(width - 1 - line.length, ' ')}\n`
}

/** `lines` log lines of `width` bytes each (`width * lines` bytes). */
export function logContent(
  lines: number,
  width: number = HUGE_ARTIFACTS.logLineBytes,
): WorldGeneratedContent {
  return recordsContent({ head: '', width, count: lines, record: (i) => logLine(i, width), tail: '' })
}

/** One object of the JSON array, as JSON text of a fixed length (numbers padded with blanks). */
export function jsonItem(i: number): string {
  const tokens = [0, 1, 2, 3].map((k) => String(hash32(i * 4 + k) % 50_000).padStart(5, ' '))
  return (
    `  {"id": ${String(i).padStart(8, ' ')}, "label": "class-${i % 10}", ` +
    `"score": ${noise(i, 3).toFixed(6)}, "tokens": [${tokens.join(', ')}], "split": "${i % 5 === 0 ? 'test ' : 'train'}"}`
  )
}

const JSON_RECORD_WIDTH = jsonItem(0).length + 2

/**
 * A JSON array of objects, exactly `size` bytes: `[`, fixed-width items each followed by `,` (the last
 * by a blank) and a newline, then `]`, blanks to fill, and a newline.
 */
export function jsonArrayContent(size: number): WorldGeneratedContent {
  const head = '[\n'
  const count = Math.floor((size - head.length - 2) / JSON_RECORD_WIDTH)
  const fill = size - head.length - count * JSON_RECORD_WIDTH - 2
  return recordsContent({
    head,
    width: JSON_RECORD_WIDTH,
    count,
    record: (i) => `${jsonItem(i)}${i === count - 1 ? ' ' : ','}\n`,
    tail: `]${' '.repeat(fill)}\n`,
  })
}

/** The number of items of `jsonArrayContent(size)`. */
export function jsonArrayItems(size: number): number {
  return Math.floor((size - 4) / JSON_RECORD_WIDTH)
}

// ---------------------------------------------------------------------------------------------------
// The demo run

const P = HUGE_ARTIFACTS.paths

function hugeRun(): StoreRun {
  const start = Date.UTC(2026, 0, 5, 9)
  return {
    name: HUGE_ARTIFACTS.runName,
    status: 'FINISHED',
    startTime: start,
    endTime: start + HUGE_ARTIFACTS.logLines * 250,
    params: { model: 'llama-7b', steps: String(HUGE_ARTIFACTS.logLines) },
    tags: { 'mlflow.user': 'dave', 'mlflow.source.name': 'train.py', 'mlflow.source.type': 'LOCAL' },
    metrics: {},
    artifacts: withGeneratedFiles(
      [],
      [
        { path: P.binary, content: binaryContent(HUGE_ARTIFACTS.binarySize) },
        { path: P.log, content: logContent(HUGE_ARTIFACTS.logLines) },
        { path: P.json, content: jsonArrayContent(HUGE_ARTIFACTS.jsonSize) },
      ],
    ),
  }
}

/** The experiment of the demo scenarios holding the huge files' run. */
export function hugeArtifactsSource(): ExperimentSource {
  return {
    experiment: {
      name: HUGE_ARTIFACTS.experiment,
      tags: {
        'mlflow.note.content':
          'A 1 GiB binary, a 1 GiB log and a 50 MiB JSON array, made only for the bytes a request reads.',
      },
    },
    runs: () => [hugeRun()],
  }
}
