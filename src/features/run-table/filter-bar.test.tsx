import { act, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FilterVocabulary } from '@/domain/search-filter/complete-filter'
import { parseRunQuery, planRunQuery } from '@/domain/search-filter/run-query'
import { FilterBar } from './filter-bar'

const NOW = Date.UTC(2026, 0, 15, 12)

const VOCABULARY: FilterVocabulary = {
  params: ['lr', 'optimizer'],
  metrics: ['acc', 'val loss'],
  tags: ['team'],
  datasets: ['cifar', 'mnist'],
  values: (entity, key) => (entity === 'param' && key === 'optimizer' ? ['adam', 'sgd'] : []),
}

type Change = [string, { replace: boolean }]

/** The bar wired to its own state, as the route does through the URL. */
function Harness({
  initial = '',
  onChange,
  serverError,
}: {
  initial?: string
  onChange: (...change: Change) => void
  serverError?: string
}) {
  const [filter, setFilter] = useState(initial)
  const [view, setView] = useState<'active' | 'deleted' | 'all'>('active')
  const parsed = parseRunQuery(filter)
  return (
    <>
      <FilterBar
        filter={filter}
        onFilterChange={(text, options) => {
          onChange(text, options)
          setFilter(text)
        }}
        vocabulary={VOCABULARY}
        view={view}
        onViewChange={setView}
        plan={parsed.ok ? planRunQuery(parsed.value) : undefined}
        serverError={serverError}
        now={NOW}
      />
      <button type="button">Elsewhere</button>
      <button
        type="button"
        onClick={() => {
          setFilter("tags.team = 'cv'")
        }}
      >
        Go back
      </button>
    </>
  )
}

function setup(initial = '', serverError?: string) {
  const onChange = vi.fn<(...change: Change) => void>()
  const user = userEvent.setup()
  render(<Harness initial={initial} onChange={onChange} serverError={serverError} />)
  const input = screen.getByRole<HTMLInputElement>('combobox', { name: 'Filter runs' })
  return { user, onChange, input }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('FilterBar', () => {
  it('shows what is wrong with a malformed filter, marks it, and does not apply it', async () => {
    const { user, onChange, input } = setup()
    await user.type(input, 'metrics.acc > high')
    // Shown once typing pauses, not on every keystroke: half-typed text is not yet wrong.
    expect(input).toHaveProperty('ariaInvalid', 'false')
    expect(screen.getByRole('alert').textContent).toBe('')
    await vi.waitFor(() => {
      expect(screen.getByRole('alert').textContent).toBe('Expected numeric value type for metric. Found high')
    })
    expect(input).toHaveProperty('ariaInvalid', 'true')
    const description = document.getElementById(input.getAttribute('aria-describedby') ?? '')
    expect(description?.textContent).toBe('Expected numeric value type for metric. Found high')
    expect(document.querySelector('mark')?.textContent).toBe('high')
    await user.keyboard('{Enter}')
    expect(onChange).not.toHaveBeenCalled()
  })

  it('applies a valid filter after a pause, replacing the history entry', async () => {
    const { user, onChange, input } = setup()
    await user.type(input, 'metrics.acc > 0.9')
    expect(onChange).not.toHaveBeenCalled()
    await vi.waitFor(() => {
      expect(onChange).toHaveBeenCalledWith('metrics.acc > 0.9', { replace: true })
    })
    expect(onChange).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('alert').textContent).toBe('')
  })

  it('applies at once on Enter, as a new history entry', async () => {
    const { user, onChange, input } = setup()
    await user.type(input, 'resnet{Enter}')
    expect(onChange).toHaveBeenCalledWith('resnet', { replace: false })
    expect(screen.getByRole('button', { name: 'Remove filter resnet' })).toBeTruthy()
  })

  it('completes keys, operators and values from the keyboard', async () => {
    const { user, input } = setup()
    await user.type(input, 'metrics.')
    expect(input.getAttribute('aria-expanded')).toBe('true')
    const listbox = screen.getByRole('listbox', { name: 'Filter completions' })
    expect(input.getAttribute('aria-controls')).toBe(listbox.id)
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['metrics.accMetric', 'metrics.val lossMetric'])
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(within(listbox).getByRole('option', { selected: true }).textContent).toContain('val loss')
    await user.keyboard('{Enter}')
    expect(input.value).toBe('metrics.`val loss` ')
    await user.keyboard('{ArrowDown}{Tab}')
    expect(input.value).toBe('metrics.`val loss` = ')
    await user.keyboard('{Escape}')
    expect(input.getAttribute('aria-expanded')).toBe('false')
  })

  it('accepts a value completion with the mouse', async () => {
    const { user, input } = setup()
    await user.type(input, 'params.optimizer = ')
    await user.click(screen.getByRole('option', { name: 'sgd' }))
    expect(input.value).toBe("params.optimizer = 'sgd' ")
    expect(document.activeElement).toBe(input)
  })

  it('removes a clause with its chip', async () => {
    const { user, onChange, input } = setup("metrics.acc > 0.9 AND params.optimizer = 'adam'")
    const chips = screen.getByRole('list', { name: 'Active filters' })
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['metrics.acc > 0.9×', "params.optimizer = 'adam'×"])
    await user.click(screen.getByRole('button', { name: 'Remove filter metrics.acc > 0.9' }))
    expect(onChange).toHaveBeenCalledWith("params.optimizer = 'adam'", { replace: false })
    expect(input.value).toBe("params.optimizer = 'adam'")
  })

  it('writes an IN clause when two statuses are picked', async () => {
    const { user, onChange, input } = setup('metrics.acc > 0.9')
    await user.click(screen.getByText('Status', { selector: 'summary' }))
    await user.click(screen.getByRole('checkbox', { name: 'Failed' }))
    expect(onChange).toHaveBeenLastCalledWith("metrics.acc > 0.9 AND attributes.status = 'FAILED'", {
      replace: false,
    })
    await user.click(screen.getByRole('checkbox', { name: 'Killed' }))
    expect(onChange).toHaveBeenLastCalledWith(
      "metrics.acc > 0.9 AND attributes.status IN ('FAILED', 'KILLED')",
      { replace: false },
    )
    expect(input.value).toBe("metrics.acc > 0.9 AND attributes.status IN ('FAILED', 'KILLED')")
    expect(screen.getByRole('checkbox', { name: 'Failed' })).toHaveProperty('checked', true)
    // The browser does the status list; the bar says so.
    expect(screen.getByText(/Runs in the browser:/).textContent).toContain(
      "attributes.status IN ('FAILED', 'KILLED')",
    )
  })

  it('writes start-time ranges, datasets and the lifecycle state', async () => {
    const { user, onChange } = setup()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Started' }), 'Last 24 hours')
    expect(onChange).toHaveBeenLastCalledWith(`attributes.start_time >= ${NOW - 24 * 3600_000}`, {
      replace: false,
    })
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Started' }).value).toBe('24h')
    await user.click(screen.getByText('Datasets', { selector: 'summary' }))
    await user.click(screen.getByRole('checkbox', { name: 'mnist' }))
    expect(onChange).toHaveBeenLastCalledWith(
      `attributes.start_time >= ${NOW - 24 * 3600_000} AND dataset.name IN ('mnist')`,
      { replace: false },
    )
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'Deleted')
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'State' }).value).toBe('deleted')
    await user.click(screen.getByRole('button', { name: 'Clear' }))
    expect(onChange).toHaveBeenLastCalledWith('', { replace: false })
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'State' }).value).toBe('active')
  })

  it('follows the filter when it changes from outside', async () => {
    const { user, input } = setup('metrics.acc > 0.9')
    await user.click(screen.getByRole('button', { name: 'Go back' }))
    expect(input.value).toBe("tags.team = 'cv'")
  })

  it('does not clobber what is being typed when its own change comes back', () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { onChange, input } = setup()
    fireEvent.change(input, { target: { value: 'resnet' } })
    act(() => {
      vi.advanceTimersByTime(350)
    })
    expect(onChange).toHaveBeenCalledWith('resnet', { replace: true })
    expect(input.value).toBe('resnet')
    fireEvent.change(input, { target: { value: 'resnet AND' } })
    expect(input.value).toBe('resnet AND')
  })

  it('focuses the box on / from anywhere but a text field', async () => {
    const { user, input } = setup()
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }))
    await user.keyboard('/')
    expect(document.activeElement).toBe(input)
    expect(input.value).toBe('')
    await user.keyboard('/')
    expect(input.value).toBe('/')
  })

  it("shows the server's objection to the applied filter", () => {
    setup('metrics.acc > 0.9', 'Something the server disliked')
    expect(screen.getByRole('alert').textContent).toContain('Something the server disliked')
  })
})
