import { CHART_X_AXES, type ChartView } from '@/domain/metrics/chart-view'
import { X_AXIS_LABELS } from '@/domain/metrics/chart-format'
import { MetricPicker } from './metric-picker'

interface ChartToolbarProps {
  view: ChartView
  /** The metrics shown: the URL's, or the defaults. */
  metrics: readonly string[]
  availableMetrics: readonly string[]
  /** Column ids (`params.lr`, `tags.team`) whose values differ between the runs. */
  groupOptions: readonly string[]
  onViewChange: (update: (view: ChartView) => ChartView) => void
}

/** Every chart setting, each written to the URL as it changes. */
export function ChartToolbar({
  view,
  metrics,
  availableMetrics,
  groupOptions,
  onViewChange,
}: ChartToolbarProps) {
  const set = (patch: Partial<ChartView>) => {
    onViewChange((current) => ({ ...current, ...patch }))
  }
  return (
    <div className="chart-toolbar" role="toolbar" aria-label="Chart settings">
      <MetricPicker
        available={availableMetrics}
        selected={metrics}
        onChange={(next) => {
          set({ metrics: next })
        }}
      />
      <label>
        X axis{' '}
        <select
          value={view.xAxis}
          onChange={(event) => {
            const xAxis = CHART_X_AXES.find((axis) => axis === event.target.value) ?? 'step'
            // A zoom is in the old axis's units.
            set({ xAxis, zoom: undefined })
          }}
        >
          {CHART_X_AXES.map((axis) => (
            <option key={axis} value={axis}>
              {X_AXIS_LABELS[axis]}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox-label">
        <input
          type="checkbox"
          checked={view.yScale === 'log'}
          onChange={(event) => {
            set({ yScale: event.target.checked ? 'log' : 'linear' })
          }}
        />{' '}
        Log scale
      </label>
      <label className="checkbox-label">
        <input
          type="checkbox"
          checked={view.ignoreOutliers}
          onChange={(event) => {
            set({ ignoreOutliers: event.target.checked })
          }}
        />{' '}
        Ignore outliers
      </label>
      <label className="chart-smoothing">
        Smoothing{' '}
        <input
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={view.smoothing}
          onChange={(event) => {
            set({ smoothing: Number(event.target.value) })
          }}
        />{' '}
        <output>{view.smoothing === 0 ? 'off' : view.smoothing.toFixed(2)}</output>
      </label>
      <label className="checkbox-label">
        <input
          type="checkbox"
          checked={view.combined}
          onChange={(event) => {
            set({ combined: event.target.checked })
          }}
        />{' '}
        One chart for all metrics
      </label>
      <label>
        Group by{' '}
        <select
          value={view.groupBy ?? ''}
          onChange={(event) => {
            set({ groupBy: event.target.value === '' ? undefined : event.target.value })
          }}
        >
          <option value="">None (one line per run)</option>
          {groupOptions.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      {view.groupBy !== undefined && (
        <label>
          Band{' '}
          <select
            value={view.band}
            onChange={(event) => {
              set({ band: event.target.value === 'std' ? 'std' : 'minmax' })
            }}
          >
            <option value="minmax">Min–max</option>
            <option value="std">±1 standard deviation</option>
          </select>
        </label>
      )}
      {view.zoom !== undefined && (
        <button
          type="button"
          onClick={() => {
            set({ zoom: undefined })
          }}
        >
          Reset zoom
        </button>
      )}
    </div>
  )
}
