import { useEffect, useRef, useState } from 'react'
import { ZOOM_STEP, ZoomButtons } from './zoom-buttons'

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
}

const MIN_ZOOM = 1 / 16
const MAX_ZOOM = 32

/** The image type for a blob, from the file name: the server may call an SVG `text/plain`. */
export function imageMimeType(path: string): string {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase()
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream'
}

interface ImagePreviewProps {
  path: string
  bytes: Uint8Array
}

/**
 * An image from its fetched bytes, through a blob URL: `Content-Disposition: attachment` does not
 * apply, and an SVG is only ever loaded by `<img>`, where its scripts and external loads never run.
 * "Fit" scales it into the box; otherwise it is shown at `zoom` × its natural size and panned by
 * scrolling. A checkerboard shows transparency.
 */
export function ImagePreview({ path, bytes }: ImagePreviewProps) {
  const image = useRef<HTMLImageElement>(null)
  const box = useRef<HTMLDivElement>(null)
  const [fit, setFit] = useState(true)
  const [zoom, setZoom] = useState(1)
  const [natural, setNatural] = useState<{ width: number; height: number } | undefined>(undefined)

  // The URL lives in the effect, not in state, so it is revoked exactly when it goes out of use.
  useEffect(() => {
    const element = image.current
    if (element === null) return
    const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: imageMimeType(path) }))
    element.src = url
    return () => {
      element.removeAttribute('src')
      URL.revokeObjectURL(url)
    }
  }, [bytes, path])

  // Ctrl+wheel zooms; React's wheel listener is passive and could not stop the page zooming.
  useEffect(() => {
    const element = box.current
    if (element === null) return
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return
      event.preventDefault()
      setFit(false)
      setZoom((value) => clampZoom(event.deltaY < 0 ? value * ZOOM_STEP : value / ZOOM_STEP))
    }
    element.addEventListener('wheel', onWheel, { passive: false })
    return () => {
      element.removeEventListener('wheel', onWheel)
    }
  }, [])

  const zoomBy = (factor: number) => {
    setFit(false)
    setZoom((value) => clampZoom(value * factor))
  }
  const size =
    fit || natural === undefined ? undefined : { width: natural.width * zoom, height: natural.height * zoom }

  return (
    <div className="image-preview">
      <div className="preview-toolbar" role="toolbar" aria-label="Image view">
        <ZoomButtons
          fit={fit}
          zoom={zoom}
          onFit={() => {
            setFit(true)
          }}
          onActualSize={() => {
            setFit(false)
            setZoom(1)
          }}
          onZoomBy={zoomBy}
        />
        <button
          type="button"
          className="button button-small"
          aria-label="Reset zoom"
          onClick={() => {
            setFit(true)
            setZoom(1)
          }}
        >
          Reset
        </button>
        <span className="muted" aria-live="polite">
          {fit ? 'Fit' : `${Math.round(zoom * 100)}%`}
          {natural === undefined ? '' : ` · ${natural.width} × ${natural.height}`}
        </span>
      </div>
      <div
        ref={box}
        className={`image-preview-box checkerboard${fit ? ' image-fit' : ''}`}
        role="region"
        aria-label="Image"
        tabIndex={0}
      >
        <img
          ref={image}
          alt={path}
          style={size}
          onLoad={(event) => {
            setNatural({
              width: event.currentTarget.naturalWidth,
              height: event.currentTarget.naturalHeight,
            })
          }}
        />
      </div>
    </div>
  )
}

function clampZoom(value: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, value))
}
