/**
 * Which previewer an artifact gets, from its path alone (the listing carries no content type).
 * The sets follow MLflow's own (`common/utils/FileUtils.ts`) with a few more code and log types.
 */
export type ArtifactKind =
  | 'image'
  | 'text'
  | 'json'
  | 'yaml'
  | 'markdown'
  | 'csv'
  | 'tsv'
  | 'html'
  | 'pdf'
  /** A file named `MLmodel`: an MLflow model's YAML descriptor (flavors, signature). */
  | 'mlmodel'
  | 'other'

const BY_EXTENSION: ReadonlyMap<string, ArtifactKind> = new Map<string, ArtifactKind>([
  ...extensions('image', 'png jpg jpeg gif webp bmp svg'),
  ...extensions(
    'text',
    'txt text log out err py py3 pyi ipy sh bash zsh cfg conf cnf cf ini properties prop hocon toml ' +
      'xml js mjs ts r sql java scala go rs c h cc cpp hpp rst jsonl ndjson jsonnet env diff patch',
  ),
  ...extensions('json', 'json geojson ipynb'),
  ...extensions('yaml', 'yaml yml'),
  ...extensions('markdown', 'md markdown mdx'),
  ...extensions('csv', 'csv'),
  ...extensions('tsv', 'tsv tab'),
  ...extensions('html', 'html htm'),
  ...extensions('pdf', 'pdf'),
])

/** Extension-less names MLflow and Python projects write. Matched case-sensitively, as MLflow writes them. */
const BY_NAME: ReadonlyMap<string, ArtifactKind> = new Map<string, ArtifactKind>([
  ['MLmodel', 'mlmodel'],
  ['MLproject', 'yaml'],
  ['Dockerfile', 'text'],
  ['Makefile', 'text'],
  ['LICENSE', 'text'],
  ['README', 'text'],
  ['stdout', 'text'],
  ['stderr', 'text'],
])

function extensions(kind: ArtifactKind, list: string): [string, ArtifactKind][] {
  return list.split(' ').map((extension) => [extension, kind])
}

/**
 * The kind of the file at a run-relative path, by well-known name first, then by extension (case
 * insensitive). A name with no extension, a dotfile and anything unknown are 'other'. MLflow's
 * `log_table` writes plain `.json` files, known as tables only through the run's
 * `mlflow.loggedArtifacts` tag, so they are 'json' here and the previewer decides.
 */
export function artifactKind(path: string): ArtifactKind {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const byName = BY_NAME.get(name)
  if (byName !== undefined) return byName
  const dot = name.lastIndexOf('.')
  if (dot <= 0) return 'other'
  return BY_EXTENSION.get(name.slice(dot + 1).toLowerCase()) ?? 'other'
}

const KIB = 1024
const MIB = 1024 * KIB

/**
 * The most bytes a preview of this kind fetches, from the listing's `file_size`, before offering a
 * download instead. Everything previewed is held in browser memory, and MLflow's own UI stops at
 * 50 MiB for everything; ours are lower where the renderer, not the transfer, is the bottleneck:
 * - image 20 MiB: decoded images cost width × height × 4 bytes, far more than the file.
 * - text 256 KiB: the *first chunk* shown, not a refusal: a log can be gigabytes, and plain text
 *   stays readable when cut (the previewer says it is partial and offers the rest as a download).
 * - json 5 MiB, yaml and MLmodel 1 MiB: parsed and pretty-printed whole; a cut document cannot parse.
 * - markdown 1 MiB: rendered whole; real reports are a few KiB.
 * - csv/tsv 10 MiB: parsed for the first rows only, but the parser has to see whole lines.
 * - html 10 MiB: a self-contained plotly figure (inlined plotly.js plus data) is a few MiB.
 * - pdf 50 MiB: the browser's own viewer pages through it, as MLflow allows.
 * - other 0: no preview, download only.
 */
export function previewLimit(kind: ArtifactKind): number {
  switch (kind) {
    case 'image':
      return 20 * MIB
    case 'text':
      return 256 * KIB
    case 'json':
      return 5 * MIB
    case 'yaml':
    case 'mlmodel':
    case 'markdown':
      return MIB
    case 'csv':
    case 'tsv':
    case 'html':
      return 10 * MIB
    case 'pdf':
      return 50 * MIB
    case 'other':
      return 0
  }
}

/** Short labels for a file list, standing in for icons. */
export const ARTIFACT_KIND_LABELS: Readonly<Record<ArtifactKind, string>> = {
  image: 'Image',
  text: 'Text',
  json: 'JSON',
  yaml: 'YAML',
  markdown: 'Markdown',
  csv: 'CSV',
  tsv: 'TSV',
  html: 'HTML',
  pdf: 'PDF',
  mlmodel: 'MLflow model',
  other: 'File',
}
