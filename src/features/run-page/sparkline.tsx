import type { XY } from '@/domain/metrics/chart-series'

const WIDTH = 120
const HEIGHT = 24
const PAD = 2

interface SparklineProps {
  points: readonly XY[]
  /** What the line shows, for screen readers. */
  label: string
}

/**
 * A metric's shape in a table cell: a plain SVG line over the finite points, sorted by step. A
 * non-finite value breaks the line and leaves a mark: at the top for +∞, at the bottom for −∞ and
 * NaN (NaN in the danger colour).
 */
export function Sparkline({ points, label }: SparklineProps) {
  let minX = Infinity
  let maxX = -Infinity
  let minY = Infinity
  let maxY = -Infinity
  for (const { x, y } of points) {
    if (Number.isFinite(x)) {
      minX = Math.min(minX, x)
      maxX = Math.max(maxX, x)
    }
    if (Number.isFinite(y)) {
      minY = Math.min(minY, y)
      maxY = Math.max(maxY, y)
    }
  }
  const scaleX = (x: number) =>
    maxX > minX ? PAD + ((x - minX) / (maxX - minX)) * (WIDTH - 2 * PAD) : WIDTH / 2
  const scaleY = (y: number) =>
    maxY > minY ? HEIGHT - PAD - ((y - minY) / (maxY - minY)) * (HEIGHT - 2 * PAD) : HEIGHT / 2
  const segments: string[] = []
  const marks: { x: number; y: number; kind: 'nan' | 'inf' }[] = []
  let current: string[] = []
  for (const { x, y } of points) {
    if (!Number.isFinite(x)) continue
    if (Number.isFinite(y)) {
      current.push(`${scaleX(x).toFixed(1)},${scaleY(y).toFixed(1)}`)
      continue
    }
    if (current.length > 0) segments.push(current.join(' '))
    current = []
    marks.push({
      x: scaleX(x),
      y: y === Number.POSITIVE_INFINITY ? PAD : HEIGHT - PAD,
      kind: Number.isNaN(y) ? 'nan' : 'inf',
    })
  }
  if (current.length > 0) segments.push(current.join(' '))
  return (
    <svg
      className="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
    >
      {segments.map((segment, index) =>
        segment.includes(' ') ? (
          <polyline key={index} points={segment} className="sparkline-line" />
        ) : (
          <circle
            key={index}
            cx={segment.split(',')[0]}
            cy={segment.split(',')[1]}
            r={1.5}
            className="sparkline-dot"
          />
        ),
      )}
      {marks.map((mark, index) => (
        <line
          key={`mark-${index}`}
          x1={mark.x}
          x2={mark.x}
          y1={mark.y - 2}
          y2={mark.y + 2}
          className={mark.kind === 'nan' ? 'sparkline-nan' : 'sparkline-inf'}
        />
      ))}
    </svg>
  )
}
