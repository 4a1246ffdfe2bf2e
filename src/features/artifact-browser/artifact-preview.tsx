/**
 * The preview of one run artifact, chosen by its kind (`artifactKind(path)`), and the registry that
 * maps kinds to previewers.
 *
 * ## Contract for previewers
 *
 * `ArtifactPreview` takes `PreviewProps` (`source`, `path`, `size` from the listing, `downloadHref`).
 * `PREVIEWS[kind]` says how a kind is previewed; each entry is one of:
 * - `{ load: 'whole', render(file) }`: the shell fetches the file itself, at most `previewLimit(kind)`
 *   bytes (a larger file gets a "too large" panel with Download and, for text-like kinds, "Preview the
 *   first N KB" as text), shows loading and error states, and calls `render` with a `LoadedFile`
 *   (`bytes`, `contentType`, `source`, `path`). Use `decodeUtf8(file.bytes)` for text.
 * - `{ load: 'self', Component }`: the component gets `PreviewProps` and fetches what it needs,
 *   e.g. in ranges (`TextPreview`).
 *
 * Previewers being written beside this file, and how to plug them in (replace the fallback entry):
 * - `csv-preview.tsx`, `CsvPreview({ text: string; delimiter: ',' | '\t' })`:
 *   `csv: whole((file) => <CsvPreview text={decodeUtf8(file.bytes)} delimiter="," />)`, and `tsv` with `'\t'`.
 * - `html-preview.tsx`, `HtmlPreview({ html: string })`: `html: whole((file) => <HtmlPreview html={decodeUtf8(file.bytes)} />)`.
 * - `pdf-preview.tsx`, `PdfPreview({ bytes: Uint8Array })`: `pdf: whole((file) => <PdfPreview bytes={file.bytes} />)`.
 * - `mlmodel-preview.tsx`, `MlmodelPreview({ text: string })`: `mlmodel: whole((file) => <MlmodelPreview text={decodeUtf8(file.bytes)} />)`.
 * Until then csv, tsv, html and MLmodel show as plain text (the source, never rendered), pdf as
 * "preview coming" with Download.
 */

import { useQuery } from '@tanstack/react-query'
import { useContext, useState, type ComponentType, type ReactNode } from 'react'
import { artifactFrameUrl, artifactQueries } from '@/api/artifacts'
import { useMlflowClient } from '@/api/client-binding'
import { baseName, parentPath } from '@/domain/artifacts/artifact-path'
import type { ArtifactSource } from '@/domain/artifacts/artifact-source'
import { artifactKind, previewLimit, type ArtifactKind } from '@/domain/artifacts/file-kind'
import { formatBytes } from '@/domain/format/format-bytes'
import { EmptyState, ErrorState, Loading } from '@/ui/states'
import { ArtifactFramesContext } from './artifact-frames'
import { CsvPreview } from './csv-preview'
import { HtmlPreview } from './html-preview'
import { ImagePreview } from './image-preview'
import { JsonPreview } from './json-preview'
import { MarkdownPreview } from './markdown-preview'
import { MlmodelPreview } from './mlmodel-preview'
import { PdfPreview } from './pdf-preview'
import { TEXT_CHUNK_BYTES, TextPreview } from './text-preview'
import './artifact-preview.css'

export interface PreviewProps {
  source: ArtifactSource
  /** The file's run-relative path. */
  path: string
  /** Bytes, from the parent directory's listing; `undefined` when the listing had none (yet). */
  size: number | undefined
  /** A link that downloads the file, offered when there is no preview or the file is too large. */
  downloadHref?: string | undefined
}

/** A file the shell fetched whole for a `'whole'` previewer. */
export interface LoadedFile {
  source: ArtifactSource
  path: string
  bytes: Uint8Array
  /** As the server sent it: MLflow sends every text type as `text/plain`, so prefer the path's kind. */
  contentType: string
}

export type PreviewEntry =
  | { load: 'whole'; render: (file: LoadedFile) => ReactNode }
  | { load: 'self'; Component: ComponentType<PreviewProps> }

export function whole(render: (file: LoadedFile) => ReactNode): PreviewEntry {
  return { load: 'whole', render }
}

/** UTF-8 text of a whole file; malformed bytes become U+FFFD rather than failing. */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes)
}

function TextEntry({ source, path }: PreviewProps) {
  return <TextPreview source={source} path={path} />
}

const TEXT: PreviewEntry = { load: 'self', Component: TextEntry }

/** Interactive HTML loads from the server's `artifact-frame` route where there is one. */
function HtmlEntry({ file }: { file: LoadedFile }) {
  const frames = useContext(ArtifactFramesContext)
  const client = useMlflowClient()
  const frameSrc = frames ? artifactFrameUrl(client, file.source, file.path) : undefined
  return <HtmlPreview html={decodeUtf8(file.bytes)} frameSrc={frameSrc} />
}

/** Kinds whose first bytes make sense as text, so a too-large file can still show its beginning. */
const TEXT_LIKE: ReadonlySet<ArtifactKind> = new Set<ArtifactKind>([
  'text',
  'json',
  'yaml',
  'markdown',
  'csv',
  'tsv',
  'html',
  'mlmodel',
])

/** Which previewer each kind gets; `undefined` means download only. */
export const PREVIEWS: Readonly<Record<ArtifactKind, PreviewEntry | undefined>> = {
  image: whole((file) => <ImagePreview path={file.path} bytes={file.bytes} />),
  text: TEXT,
  yaml: TEXT,
  json: whole((file) => <JsonPreview source={file.source} path={file.path} text={decodeUtf8(file.bytes)} />),
  markdown: whole((file) => <MarkdownPreview text={decodeUtf8(file.bytes)} />),
  csv: whole((file) => <CsvPreview text={decodeUtf8(file.bytes)} delimiter="," />),
  tsv: whole((file) => <CsvPreview text={decodeUtf8(file.bytes)} delimiter={'\t'} />),
  html: whole((file) => <HtmlEntry file={file} />),
  mlmodel: whole((file) => (
    <MlmodelPreview text={decodeUtf8(file.bytes)} modelUri={modelUriOf(file.source, file.path)} />
  )),
  pdf: whole((file) => <PdfPreview bytes={file.bytes} />),
  other: undefined,
}

/** Render with `key={path}` so choices such as "preview the first KB" do not carry over between files. */
export function ArtifactPreview(props: PreviewProps) {
  const { source, path, size, downloadHref } = props
  const kind = artifactKind(path)
  const [headOnly, setHeadOnly] = useState(false)
  const entry = PREVIEWS[kind]

  let body: ReactNode
  if (size === 0) body = <EmptyState title="This file is empty." />
  else if (headOnly) body = <TextPreview source={source} path={path} />
  else if (entry === undefined)
    body = (
      <EmptyState title="No preview for this type of file.">
        <DownloadLink href={downloadHref} path={path} />
      </EmptyState>
    )
  else if (entry.load === 'self') body = <entry.Component {...props} />
  else if (size !== undefined && size > previewLimit(kind))
    body = (
      <TooLarge kind={kind} path={path} size={size} downloadHref={downloadHref} onPreviewHead={setHeadOnly} />
    )
  else
    body = (
      <WholeFile
        source={source}
        path={path}
        kind={kind}
        render={entry.render}
        downloadHref={downloadHref}
        onPreviewHead={setHeadOnly}
      />
    )
  return (
    <section className="artifact-preview" aria-label="Preview">
      {body}
    </section>
  )
}

interface WholeFileProps {
  source: ArtifactSource
  path: string
  kind: ArtifactKind
  render: (file: LoadedFile) => ReactNode
  downloadHref: string | undefined
  onPreviewHead: (value: boolean) => void
}

/**
 * Fetches at most one byte past the kind's limit, whether or not the size is known, so a file the
 * listing did not size (or that grew) is never pulled whole: more than the limit means too large.
 */
function WholeFile({ source, path, kind, render, downloadHref, onPreviewHead }: WholeFileProps) {
  const limit = previewLimit(kind)
  const query = useQuery(artifactQueries.content({ source, path, range: { start: 0, end: limit } }))
  if (query.isPending) return <Loading label={`Loading ${baseName(path)}…`} />
  if (query.isError)
    return (
      <ErrorState
        title="Could not load the file"
        detail={query.error.message}
        onRetry={() => {
          void query.refetch()
        }}
      />
    )
  const data = query.data
  if (data.partial || data.bytes.length > limit)
    return (
      <TooLarge
        kind={kind}
        path={path}
        size={data.totalSize}
        downloadHref={downloadHref}
        onPreviewHead={onPreviewHead}
      />
    )
  return render({ source, path, bytes: data.bytes, contentType: data.contentType })
}

interface TooLargeProps {
  kind: ArtifactKind
  path: string
  size: number | undefined
  downloadHref: string | undefined
  onPreviewHead: (value: boolean) => void
}

function TooLarge({ kind, path, size, downloadHref, onPreviewHead }: TooLargeProps) {
  return (
    <EmptyState
      title={`This file is too large to preview${size === undefined ? '' : ` (${formatBytes(size)})`}.`}
    >
      <p className="muted">Previews load at most {formatBytes(previewLimit(kind))} of this type.</p>
      <div className="preview-toolbar">
        {TEXT_LIKE.has(kind) && (
          <button
            type="button"
            className="button"
            onClick={() => {
              onPreviewHead(true)
            }}
          >
            Preview the first {Math.round(TEXT_CHUNK_BYTES / 1024)} KB
          </button>
        )}
        <DownloadLink href={downloadHref} path={path} />
      </div>
    </EmptyState>
  )
}

function DownloadLink({ href, path }: { href: string | undefined; path: string }) {
  if (href === undefined) return null
  return (
    <a className="button" href={href} download={baseName(path)}>
      Download
    </a>
  )
}

/** How `mlflow.pyfunc.load_model` finds the model an MLmodel file belongs to. */
function modelUriOf(source: ArtifactSource, path: string): string {
  if (source.kind === 'logged-model') return `models:/${source.modelId}`
  return `runs:/${source.runId}/${parentPath(path)}`.replace(/\/$/, '')
}
