import { useQueries, useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { artifactFileUrl, artifactQueries } from '@/api/artifacts'
import { useMlflowClient } from '@/api/client-binding'
import { baseName, parentPath } from '@/domain/artifacts/artifact-path'
import { runSource } from '@/domain/artifacts/artifact-source'
import { previewLimit } from '@/domain/artifacts/file-kind'
import {
  groupLoggedImages,
  imageAtStep,
  loggedImageKey,
  unionSteps,
  type LoggedImageSeries,
} from '@/domain/artifacts/logged-images'
import { formatBytes } from '@/domain/format/format-bytes'
import { imageMimeType } from '../image-preview'
import { ZOOM_STEP, ZoomButtons } from '../zoom-buttons'
// The checkerboard behind transparent images, shared with the single-run preview.
import '../artifact-preview.css'
import { RunCellHeader } from './run-cell-header'
import type { ComparedRun, RenderArtifactLink } from './run-files'

const MIN_ZOOM = 1 / 16
const MAX_ZOOM = 32

interface ZoomState {
  fit: boolean
  zoom: number
}

/** What one run's cell shows. */
type CellState =
  | { status: 'pending' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'missing' }
  /** A logged-image series that starts after the slider's step. */
  | { status: 'not-yet'; firstStep: number }
  | { status: 'image'; path: string; size: number | undefined; step?: number | undefined }

export interface ImageGridProps {
  runs: readonly ComparedRun[]
  path: string
  /** The slider's step, for a per-step logged image; undefined = the picked file's step. */
  step: number | undefined
  onStepChange: (step: number | undefined) => void
  renderArtifactLink: RenderArtifactLink
}

function clampZoom(value: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, value))
}

/**
 * One image per run in a grid. Zoom (buttons, Ctrl/⌘+wheel) and panning (scroll or drag) apply to
 * every cell at once. For a file `log_image(key=, step=)` wrote, a step slider runs over the union
 * of the runs' steps, and each cell shows its run's image at that step (or the last one before it).
 */
export function ImageGrid({ runs, path, step, onStepChange, renderArtifactLink }: ImageGridProps) {
  const key = loggedImageKey(path)
  const dir = parentPath(path)
  const listings = useQueries({
    queries: runs.map((run) => artifactQueries.list({ source: runSource(run.runId), path: dir })),
  })
  const [zoom, setZoom] = useState<ZoomState>({ fit: true, zoom: 1 })
  const boxes = useRef(new Map<string, HTMLDivElement>())

  const seriesByRun = listings.map((listing): LoggedImageSeries | undefined =>
    key === undefined || listing.data === undefined
      ? undefined
      : groupLoggedImages(listing.data.files.map((file) => file.path)).find((series) => series.key === key),
  )
  const steps =
    key === undefined
      ? []
      : unionSteps(seriesByRun.flatMap((series) => (series === undefined ? [] : [series])))
  // The URL's step, else the picked file's own; then the last step at or before it.
  const wanted = step ?? groupLoggedImages([path])[0]?.images[0]?.step
  let stepIndex = steps.length - 1
  if (wanted !== undefined) {
    const at = steps.findLastIndex((value) => value <= wanted)
    stepIndex = at < 0 ? 0 : at
  }
  const currentStep = steps[stepIndex]

  const cells = runs.map((run, index): CellState => {
    const listing = listings[index]
    if (listing === undefined || listing.isPending) return { status: 'pending' }
    if (listing.isError)
      return {
        status: 'error',
        message: listing.error.message,
        retry: () => {
          void listing.refetch()
        },
      }
    const files = listing.data.files
    if (key === undefined || currentStep === undefined) {
      const entry = files.find((file) => file.path === path && !file.isDir)
      return entry === undefined ? { status: 'missing' } : { status: 'image', path, size: entry.fileSize }
    }
    const series = seriesByRun[index]
    if (series === undefined) return { status: 'missing' }
    const image = imageAtStep(series, currentStep)
    if (image === undefined) return { status: 'not-yet', firstStep: series.images[0]?.step ?? 0 }
    const size = files.find((file) => file.path === image.path)?.fileSize
    return { status: 'image', path: image.path, size, step: image.step }
  })

  // Ctrl/⌘+wheel over any cell zooms all of them (React's wheel listener is passive).
  const grid = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = grid.current
    if (element === null) return
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return
      event.preventDefault()
      setZoom((value) => ({
        fit: false,
        zoom: clampZoom(event.deltaY < 0 ? value.zoom * ZOOM_STEP : value.zoom / ZOOM_STEP),
      }))
    }
    element.addEventListener('wheel', onWheel, { passive: false })
    return () => {
      element.removeEventListener('wheel', onWheel)
    }
  }, [])

  const syncScroll = useCallback((from: HTMLDivElement) => {
    for (const box of boxes.current.values()) {
      if (box === from) continue
      if (box.scrollLeft !== from.scrollLeft) box.scrollLeft = from.scrollLeft
      if (box.scrollTop !== from.scrollTop) box.scrollTop = from.scrollTop
    }
  }, [])
  const registerBox = useCallback((runId: string, box: HTMLDivElement | null) => {
    if (box === null) boxes.current.delete(runId)
    else boxes.current.set(runId, box)
  }, [])

  const moveStep = (delta: number) => {
    const next = steps[Math.min(Math.max(stepIndex + delta, 0), steps.length - 1)]
    if (next !== undefined) onStepChange(next)
  }
  const onGridKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (steps.length === 0 || event.target instanceof HTMLInputElement) return
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault()
      moveStep(event.key === 'ArrowLeft' ? -1 : 1)
    }
  }
  const zoomBy = (factor: number) => {
    setZoom((value) => ({ fit: false, zoom: clampZoom(value.zoom * factor) }))
  }

  return (
    <div className="sbs-images">
      <div className="preview-toolbar sbs-toolbar" role="toolbar" aria-label="Zoom every image">
        <ZoomButtons
          fit={zoom.fit}
          zoom={zoom.zoom}
          onFit={() => {
            setZoom({ fit: true, zoom: 1 })
          }}
          onActualSize={() => {
            setZoom({ fit: false, zoom: 1 })
          }}
          onZoomBy={zoomBy}
        />
        <span className="muted" aria-live="polite" data-testid="sbs-zoom">
          {zoom.fit ? 'Fit' : `${Math.round(zoom.zoom * 100)}%`}
        </span>
        <span className="muted">Ctrl/⌘ + wheel zooms, scroll or drag pans: every image follows.</span>
      </div>
      {key !== undefined && steps.length > 0 && currentStep !== undefined && (
        <div className="sbs-step">
          <button
            type="button"
            className="button button-small"
            aria-label="Previous step"
            disabled={stepIndex <= 0}
            onClick={() => {
              moveStep(-1)
            }}
          >
            ◀
          </button>
          <input
            type="range"
            min={0}
            max={steps.length - 1}
            step={1}
            value={stepIndex}
            aria-label={`Step of ${key}`}
            aria-valuetext={`Step ${currentStep}`}
            onChange={(event) => {
              onStepChange(steps[Number(event.target.value)])
            }}
          />
          <button
            type="button"
            className="button button-small"
            aria-label="Next step"
            disabled={stepIndex >= steps.length - 1}
            onClick={() => {
              moveStep(1)
            }}
          >
            ▶
          </button>
          <output aria-live="polite">
            Step {currentStep} ({stepIndex + 1} of {steps.length})
          </output>
        </div>
      )}
      <div
        ref={grid}
        className="sbs-image-grid"
        role="group"
        aria-label={key === undefined ? 'Images' : `Images of ${key}, ←/→ change the step`}
        tabIndex={key === undefined ? undefined : 0}
        onKeyDown={onGridKeyDown}
      >
        {runs.map((run, index) => (
          <ImageCell
            key={run.runId}
            run={run}
            state={cells[index] ?? { status: 'pending' }}
            zoom={zoom}
            registerBox={registerBox}
            onScroll={syncScroll}
            renderArtifactLink={renderArtifactLink}
          />
        ))}
      </div>
    </div>
  )
}

interface ImageCellProps {
  run: ComparedRun
  state: CellState
  zoom: ZoomState
  registerBox: (runId: string, box: HTMLDivElement | null) => void
  onScroll: (box: HTMLDivElement) => void
  renderArtifactLink: RenderArtifactLink
}

function ImageCell({ run, state, zoom, registerBox, onScroll, renderArtifactLink }: ImageCellProps) {
  return (
    <figure className="sbs-cell" aria-label={run.name} style={{ borderTopColor: run.color }}>
      <RunCellHeader run={run}>
        {state.status === 'image' && state.step !== undefined && (
          <span className="muted">step {state.step}</span>
        )}
        {state.status === 'image' && state.size !== undefined && (
          <span className="muted">{formatBytes(state.size)}</span>
        )}
      </RunCellHeader>
      {state.status === 'pending' && <p className="sbs-state muted">Loading…</p>}
      {state.status === 'error' && (
        <div className="sbs-state sbs-error" role="alert">
          Could not list this run’s files: {state.message}{' '}
          <button type="button" className="button button-small" onClick={state.retry}>
            Retry
          </button>
        </div>
      )}
      {state.status === 'missing' && <p className="sbs-state sbs-missing">Missing in this run</p>}
      {state.status === 'not-yet' && (
        <p className="sbs-state sbs-missing">No image yet at this step (first at step {state.firstStep})</p>
      )}
      {state.status === 'image' && (
        <RunImage
          runId={run.runId}
          path={state.path}
          size={state.size}
          zoom={zoom}
          registerBox={registerBox}
          onScroll={onScroll}
          renderArtifactLink={renderArtifactLink}
        />
      )}
    </figure>
  )
}

interface RunImageProps {
  runId: string
  path: string
  size: number | undefined
  zoom: ZoomState
  registerBox: (runId: string, box: HTMLDivElement | null) => void
  onScroll: (box: HTMLDivElement) => void
  renderArtifactLink: RenderArtifactLink
}

/** One run's image, fetched (at most the image limit) and shown through a blob URL, never by its own URL. */
function RunImage({ runId, path, size, zoom, registerBox, onScroll, renderArtifactLink }: RunImageProps) {
  const client = useMlflowClient()
  const limit = previewLimit('image')
  const tooLarge = size !== undefined && size > limit
  const query = useQuery({
    ...artifactQueries.content({ source: runSource(runId), path, range: { start: 0, end: limit } }),
    enabled: !tooLarge,
  })
  const image = useRef<HTMLImageElement>(null)
  const drag = useRef<{ x: number; y: number; left: number; top: number } | undefined>(undefined)
  const [natural, setNatural] = useState<{ width: number; height: number } | undefined>(undefined)
  const bytes = query.data !== undefined && !query.data.partial ? query.data.bytes : undefined

  useEffect(() => {
    const element = image.current
    if (element === null || bytes === undefined) return
    const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: imageMimeType(path) }))
    element.src = url
    return () => {
      element.removeAttribute('src')
      URL.revokeObjectURL(url)
    }
  }, [bytes, path])

  const download = (
    <a
      className="button button-small"
      href={artifactFileUrl(client, runSource(runId), path)}
      download={baseName(path)}
    >
      Download
    </a>
  )
  if (tooLarge || query.data?.partial === true)
    return (
      <div className="sbs-state">
        <p>Too large to preview{size === undefined ? '' : ` (${formatBytes(size)})`}.</p>
        {download} {renderArtifactLink(runId, path)}
      </div>
    )
  if (query.isError)
    return (
      <div className="sbs-state sbs-error" role="alert">
        Could not load the image: {query.error.message}{' '}
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            void query.refetch()
          }}
        >
          Retry
        </button>
      </div>
    )
  const style =
    zoom.fit || natural === undefined
      ? undefined
      : { width: natural.width * zoom.zoom, height: natural.height * zoom.zoom, maxWidth: 'none' }

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (zoom.fit || event.button !== 0) return
    const box = event.currentTarget
    drag.current = { x: event.clientX, y: event.clientY, left: box.scrollLeft, top: box.scrollTop }
    box.setPointerCapture(event.pointerId)
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current
    if (start === undefined) return
    const box = event.currentTarget
    box.scrollLeft = start.left - (event.clientX - start.x)
    box.scrollTop = start.top - (event.clientY - start.y)
  }
  const endDrag = () => {
    drag.current = undefined
  }

  return (
    <div
      ref={(box) => {
        registerBox(runId, box)
      }}
      className={`sbs-image-box checkerboard${zoom.fit ? ' is-fit' : ' is-zoomed'}`}
      onScroll={(event) => {
        onScroll(event.currentTarget)
      }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
    >
      {query.isPending && <p className="sbs-state muted">Loading…</p>}
      <img
        ref={image}
        alt={`${baseName(path)} of this run`}
        hidden={bytes === undefined}
        style={style}
        draggable={false}
        onLoad={(event) => {
          setNatural({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })
        }}
      />
    </div>
  )
}
