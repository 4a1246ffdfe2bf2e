/** How much one press of "Zoom in" or "Zoom out" scales an image. */
export const ZOOM_STEP = 1.25

interface ZoomButtonsProps {
  /** The image is fitted to its box. */
  fit: boolean
  /** The zoom factor when not fitted (1 = actual size). */
  zoom: number
  onFit: () => void
  onActualSize: () => void
  /** Multiplies the zoom by `factor` (and leaves fit mode). */
  onZoomBy: (factor: number) => void
}

/** Fit, Actual size, − and +: the image preview's and the side-by-side grid's shared controls. */
export function ZoomButtons({ fit, zoom, onFit, onActualSize, onZoomBy }: ZoomButtonsProps) {
  return (
    <>
      <button type="button" className="button button-small" aria-pressed={fit} onClick={onFit}>
        Fit
      </button>
      <button
        type="button"
        className="button button-small"
        aria-pressed={!fit && zoom === 1}
        onClick={onActualSize}
      >
        Actual size
      </button>
      <button
        type="button"
        className="button button-small"
        aria-label="Zoom out"
        onClick={() => {
          onZoomBy(1 / ZOOM_STEP)
        }}
      >
        −
      </button>
      <button
        type="button"
        className="button button-small"
        aria-label="Zoom in"
        onClick={() => {
          onZoomBy(ZOOM_STEP)
        }}
      >
        +
      </button>
    </>
  )
}
