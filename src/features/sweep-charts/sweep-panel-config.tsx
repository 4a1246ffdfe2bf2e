import { useId } from 'react'
import { columnLabel, parseColumnId } from '@/domain/runs/run-columns'
import type { BarAggregate, SweepChartConfig, SweepChartType } from '@/domain/sweep/sweep-chart'

/** The keys the loaded runs have, for the field pickers. */
export interface SweepFields {
  params: readonly string[]
  metrics: readonly string[]
}

export const CHART_TYPE_LABELS: Readonly<Record<SweepChartType, string>> = {
  line: 'Line (metric history)',
  bar: 'Bar',
  scatter: 'Scatter',
  parallel: 'Parallel coordinates',
  box: 'Box plot',
  importance: 'Parameter importance',
}

const AXIS_ATTRIBUTES = ['attributes.start_time', 'attributes.duration'] as const

function label(id: string): string {
  const ref = parseColumnId(id)
  return ref === undefined ? id : columnLabel(ref)
}

/** `val_loss vs lr`, `Parallel coordinates`: a chart's heading and its files' name. */
export function sweepChartTitle(config: SweepChartConfig): string {
  switch (config.type) {
    case 'line':
      return config.metricKeys.length === 0 ? 'Metric history' : `${config.metricKeys.join(', ')} by step`
    case 'bar':
      return `${config.metricKey || 'Metric'}${config.aggregate === 'latest' ? '' : ` (${config.aggregate})`} per run`
    case 'scatter':
      return `${label(config.y)} vs ${label(config.x)}`
    case 'parallel':
      return 'Parallel coordinates'
    case 'box':
      return `${config.metricKey || 'Metric'} by ${config.paramKey || 'param'}`
    case 'importance':
      return `Parameter importance for ${config.metricKey || 'a metric'}`
  }
}

function Select({
  label: text,
  value,
  options,
  onChange,
  empty,
}: {
  label: string
  value: string
  options: readonly { value: string; label: string }[]
  onChange: (value: string) => void
  empty?: string
}) {
  const id = useId()
  const known = options.some((option) => option.value === value)
  return (
    <span className="sweep-config-field">
      <label htmlFor={id}>{text}</label>
      <select
        id={id}
        className="input input-small"
        value={value}
        onChange={(event) => {
          onChange(event.target.value)
        }}
      >
        {(!known || empty !== undefined) && (
          <option value={known ? '' : value}>{empty ?? (value || '—')}</option>
        )}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  )
}

function Check({
  label: text,
  checked,
  onChange,
}: {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
}) {
  return (
    <label className="checkbox-label sweep-config-field">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => {
          onChange(event.target.checked)
        }}
      />{' '}
      {text}
    </label>
  )
}

/** `list` with `item` added (at the end) or removed. */
function toggled(list: readonly string[], item: string, on: boolean): string[] {
  return on ? [...list, item] : list.filter((entry) => entry !== item)
}

/** Field setters for one config: `set('x')` is an onChange that replaces `x` and keeps the rest. */
function fieldSetter<C extends SweepChartConfig>(config: C, onChange: (config: SweepChartConfig) => void) {
  return <K extends keyof C>(key: K) =>
    (value: C[K]) => {
      onChange({ ...config, [key]: value })
    }
}

/** The fields of one chart: metrics, params, axes, scales. Every change is a whole new config. */
export function SweepChartConfigForm({
  config,
  fields,
  onChange,
}: {
  config: SweepChartConfig
  fields: SweepFields
  onChange: (config: SweepChartConfig) => void
}) {
  const metricOptions = fields.metrics.map((key) => ({ value: key, label: key }))
  const paramOptions = fields.params.map((key) => ({ value: key, label: key }))
  const columnOptions = [
    ...fields.params.map((key) => ({ value: `params.${key}`, label: `param ${key}` })),
    ...fields.metrics.map((key) => ({ value: `metrics.${key}`, label: `metric ${key}` })),
    ...AXIS_ATTRIBUTES.map((id) => ({ value: id, label: label(id) })),
  ]
  switch (config.type) {
    case 'line':
      return (
        <fieldset className="sweep-config">
          <legend>Metrics</legend>
          <div className="sweep-config-checks">
            {fields.metrics.map((key) => (
              <Check
                key={key}
                label={key}
                checked={config.metricKeys.includes(key)}
                onChange={(checked) => {
                  onChange({ ...config, metricKeys: toggled(config.metricKeys, key, checked) })
                }}
              />
            ))}
          </div>
        </fieldset>
      )
    case 'bar': {
      const set = fieldSetter(config, onChange)
      return (
        <div className="sweep-config">
          <Select
            label="Metric"
            value={config.metricKey}
            options={metricOptions}
            onChange={set('metricKey')}
          />
          <Select
            label="Value"
            value={config.aggregate}
            options={[
              { value: 'latest', label: 'latest' },
              { value: 'min', label: 'min' },
              { value: 'max', label: 'max' },
            ]}
            onChange={(aggregate) => {
              const next = AGGREGATES.find((candidate) => candidate === aggregate)
              if (next !== undefined) onChange({ ...config, aggregate: next })
            }}
          />
        </div>
      )
    }
    case 'scatter': {
      const set = fieldSetter(config, onChange)
      return (
        <div className="sweep-config">
          <Select label="X" value={config.x} options={columnOptions} onChange={set('x')} />
          <Select label="Y" value={config.y} options={columnOptions} onChange={set('y')} />
          <Check label="Log x" checked={config.xLog} onChange={set('xLog')} />
          <Check label="Log y" checked={config.yLog} onChange={set('yLog')} />
          <Check label="Trend line" checked={config.trend} onChange={set('trend')} />
        </div>
      )
    }
    case 'parallel':
      return (
        <div className="sweep-config">
          <fieldset>
            <legend>Axes, left to right</legend>
            <div className="sweep-config-checks">
              {columnOptions.map((option) => (
                <Check
                  key={option.value}
                  label={option.label}
                  checked={config.axes.includes(option.value)}
                  onChange={(checked) => {
                    onChange({ ...config, axes: toggled(config.axes, option.value, checked) })
                  }}
                />
              ))}
            </div>
          </fieldset>
          <Select
            label="Colour by"
            value={config.colorBy ?? ''}
            options={columnOptions}
            empty="run colours"
            onChange={(colorBy) => {
              onChange({ ...config, colorBy: colorBy === '' ? undefined : colorBy })
            }}
          />
        </div>
      )
    case 'box': {
      const set = fieldSetter(config, onChange)
      return (
        <div className="sweep-config">
          <Select
            label="Metric"
            value={config.metricKey}
            options={metricOptions}
            onChange={set('metricKey')}
          />
          <Select
            label="Grouped by param"
            value={config.paramKey}
            options={paramOptions}
            onChange={set('paramKey')}
          />
        </div>
      )
    }
    case 'importance': {
      const set = fieldSetter(config, onChange)
      return (
        <div className="sweep-config">
          <Select
            label="Metric"
            value={config.metricKey}
            options={metricOptions}
            onChange={set('metricKey')}
          />
        </div>
      )
    }
  }
}

const AGGREGATES: readonly BarAggregate[] = ['latest', 'min', 'max']
