import { useId, useState } from 'react'
import type { SweepChartConfig, SweepChartType } from '@/domain/sweep/sweep-chart'
import { CHART_TYPE_LABELS, SweepChartConfigForm, type SweepFields } from './sweep-panel-config'

const TYPES: readonly SweepChartType[] = ['parallel', 'scatter', 'line', 'bar', 'box', 'importance']

/**
 * "Add chart": pick a type, adjust the fields (filled in from the runs: the main metric, the param
 * that matters most), add. The new chart goes to the end of the grid.
 */
export function SweepAddChart({
  fields,
  draftFor,
  onAdd,
}: {
  fields: SweepFields
  /** A new chart of a type, filled in for the current runs. */
  draftFor: (type: SweepChartType) => SweepChartConfig
  onAdd: (config: SweepChartConfig) => void
}) {
  const [draft, setDraft] = useState<SweepChartConfig | undefined>(undefined)
  const typeId = useId()
  if (draft === undefined)
    return (
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          setDraft(draftFor('scatter'))
        }}
      >
        + Add chart
      </button>
    )
  return (
    <form
      className="sweep-add"
      aria-label="Add a chart"
      onSubmit={(event) => {
        event.preventDefault()
        onAdd(draft)
        setDraft(undefined)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setDraft(undefined)
      }}
    >
      <span className="sweep-config-field">
        <label htmlFor={typeId}>Chart type</label>
        <select
          id={typeId}
          className="input input-small"
          value={draft.type}
          onChange={(event) => {
            const type = TYPES.find((candidate) => candidate === event.target.value)
            if (type !== undefined) setDraft(draftFor(type))
          }}
        >
          {TYPES.map((type) => (
            <option key={type} value={type}>
              {CHART_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </span>
      <SweepChartConfigForm config={draft} fields={fields} onChange={setDraft} />
      <span className="sweep-add-buttons">
        <button type="submit" className="button button-small button-primary">
          Add
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            setDraft(undefined)
          }}
        >
          Cancel
        </button>
      </span>
    </form>
  )
}
