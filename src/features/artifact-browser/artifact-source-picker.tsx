import type { KeyboardEvent } from 'react'
import { sourceKey, type ArtifactSource } from '@/domain/artifacts/artifact-source'

export interface ArtifactSourceOption {
  source: ArtifactSource
  /** E.g. "Run files" or the model's name. */
  label: string
  /** A second line: the model's status, flavor or step. */
  detail?: string | undefined
}

export interface ArtifactSourcePickerProps {
  options: readonly ArtifactSourceOption[]
  selected: ArtifactSource
  onChange: (source: ArtifactSource) => void
}

/**
 * Which files the browser shows: the run's own artifacts or one of the models it logged. MLflow 3
 * writes `log_model(name=...)` files under the experiment, not the run, so without this a run's
 * model would be out of reach. A radio group: one Tab stop, arrows move and select.
 */
export function ArtifactSourcePicker({ options, selected, onChange }: ArtifactSourcePickerProps) {
  const selectedKey = sourceKey(selected)
  const index = options.findIndex((option) => sourceKey(option.source) === selectedKey)
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? -1
          : 0
    if (step === 0 || options.length === 0) return
    event.preventDefault()
    const next = options[(Math.max(index, 0) + step + options.length) % options.length]
    if (next === undefined) return
    onChange(next.source)
    const buttons = event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="radio"]')
    buttons[options.indexOf(next)]?.focus()
  }
  return (
    <div role="radiogroup" aria-label="Files of" className="artifact-sources" onKeyDown={onKeyDown}>
      {options.map((option, position) => {
        const checked = position === index
        return (
          <button
            key={sourceKey(option.source)}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked || (index < 0 && position === 0) ? 0 : -1}
            className="artifact-source"
            onClick={() => {
              onChange(option.source)
            }}
          >
            <span className="artifact-source-label">{option.label}</span>
            {option.detail !== undefined && (
              <span className="artifact-source-detail muted">{option.detail}</span>
            )}
          </button>
        )
      })}
    </div>
  )
}
