import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { ColumnGroup, ColumnRef } from '@/domain/runs/run-columns'
import { ColumnPicker, type ColumnPickerProps } from './column-picker'

type ColumnsChange = Parameters<ColumnPickerProps['onChange']>[0]

const refs = (group: ColumnGroup, keys: string[]): ColumnRef[] => keys.map((key) => ({ group, key }))

const AVAILABLE: ColumnRef[] = [
  ...refs('attributes', ['run_name', 'status', 'start_time']),
  ...refs('metrics', ['accuracy', 'val_loss', 'train_loss']),
  ...refs('params', ['lr', 'batch_size', 'optimizer']),
  ...refs('tags', ['team']),
]

const BASE = {
  available: AVAILABLE,
  visible: ['attributes.run_name', 'attributes.status', 'metrics.accuracy', 'params.lr'],
  pinned: ['attributes.run_name'],
  constantIds: new Set(['params.optimizer']),
  hideConstant: false,
}

function setup(overrides: Partial<ColumnPickerProps> = {}) {
  const onChange = vi.fn<(next: ColumnsChange) => void>()
  const onHideConstantChange = vi.fn<(hide: boolean) => void>()
  const onReset = vi.fn<() => void>()
  const user = userEvent.setup()
  render(
    <>
      <ColumnPicker
        {...BASE}
        onChange={onChange}
        onHideConstantChange={onHideConstantChange}
        onReset={onReset}
        {...overrides}
      />
      <p>Outside the picker</p>
    </>,
  )
  return { user, onChange, onHideConstantChange, onReset }
}

/** The picker wired to its own state, as the route does through the URL. */
function StatefulPicker({ onChange }: { onChange: (next: ColumnsChange) => void }) {
  const [state, setState] = useState<ColumnsChange>({ visible: [...BASE.visible], pinned: [...BASE.pinned] })
  return (
    <ColumnPicker
      {...BASE}
      visible={state.visible}
      pinned={state.pinned}
      onChange={(next) => {
        onChange(next)
        setState(next)
      }}
      onHideConstantChange={() => undefined}
      onReset={() => undefined}
    />
  )
}

function setupStateful() {
  const onChange = vi.fn<(next: ColumnsChange) => void>()
  const user = userEvent.setup()
  render(<StatefulPicker onChange={onChange} />)
  return { user, onChange }
}

const columnsButton = () => screen.getByRole('button', { name: /^Columns/ })

async function openPicker(user: ReturnType<typeof userEvent.setup>) {
  await user.click(columnsButton())
  return screen.getByRole('dialog', { name: 'Columns' })
}

function group(name: string) {
  return screen.getByRole('group', { name })
}

function checkboxNames(groupName: string): string[] {
  return within(group(groupName))
    .getAllByRole('checkbox')
    .map((box) => box.closest('label')?.textContent ?? '')
}

function visibleRows(): string[] {
  const section = screen.getByRole('region', { name: 'Visible columns' })
  return within(section)
    .getAllByRole('listitem')
    .map((row) => row.querySelector('.column-picker-key')?.textContent ?? '')
}

describe('ColumnPicker', () => {
  it('opens a non-modal panel from a button that shows the visible count', async () => {
    const { user } = setup()
    const button = columnsButton()
    expect(button.textContent).toBe('Columns 4')
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByRole('dialog')).toBeNull()

    const dialog = await openPicker(user)
    expect(button.getAttribute('aria-expanded')).toBe('true')
    expect(button.getAttribute('aria-controls')).toBe(dialog.id)
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search columns' }))
    expect(checkboxNames('Metrics')).toEqual(['accuracy', 'val_loss', 'train_loss'])
    expect(checkboxNames('Params')).toEqual(['lr', 'batch_size', 'optimizer'])
    expect(checkboxNames('Tags')).toEqual(['team'])
    expect(
      within(group('Metrics'))
        .getAllByRole('checkbox')
        .map((box) => (box as HTMLInputElement).checked),
    ).toEqual([true, false, false])
  })

  it('closes on Escape and gives focus back to the button', async () => {
    const { user } = setup()
    await openPicker(user)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(columnsButton())
    expect(columnsButton().getAttribute('aria-expanded')).toBe('false')
  })

  it('closes on a click outside and gives focus back to the button', async () => {
    const { user } = setup()
    await openPicker(user)
    await user.click(screen.getByText('Outside the picker'))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(columnsButton())
  })

  it('opens and works from the keyboard', async () => {
    const { user, onChange } = setup()
    await user.tab()
    expect(document.activeElement).toBe(columnsButton())
    await user.keyboard('{Enter}')
    expect(screen.getByRole('dialog', { name: 'Columns' })).toBeTruthy()
    await user.keyboard('val')
    expect(checkboxNames('Metrics')).toEqual(['val_loss'])
    await user.tab() // Show all matching metrics
    await user.tab() // Hide all matching metrics
    await user.tab()
    expect(document.activeElement).toBe(within(group('Metrics')).getByRole('checkbox', { name: 'val_loss' }))
    await user.keyboard(' ')
    expect(onChange).toHaveBeenLastCalledWith({
      visible: [...BASE.visible, 'metrics.val_loss'],
      pinned: ['attributes.run_name'],
    })
  })

  it('narrows every group by a case-insensitive search on key or label', async () => {
    const { user } = setup()
    await openPicker(user)
    await user.type(screen.getByRole('searchbox', { name: 'Search columns' }), 'LOSS')
    expect(checkboxNames('Metrics')).toEqual(['val_loss', 'train_loss'])
    expect(within(group('Metrics')).getByText('2 of 3')).toBeTruthy()
    expect(screen.queryByRole('group', { name: 'Params' })).toBeNull()
    expect(screen.queryByRole('group', { name: 'Attributes' })).toBeNull()

    await user.clear(screen.getByRole('searchbox', { name: 'Search columns' }))
    await user.type(screen.getByRole('searchbox', { name: 'Search columns' }), 'start')
    expect(checkboxNames('Attributes')).toHaveLength(1)

    await user.clear(screen.getByRole('searchbox', { name: 'Search columns' }))
    await user.type(screen.getByRole('searchbox', { name: 'Search columns' }), 'nothing like it')
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0)
    expect(screen.getByText('No columns match the search.')).toBeTruthy()
  })

  it('adds a checked column at the end and removes an unchecked one (with its pin)', async () => {
    const { user, onChange } = setup()
    await openPicker(user)
    await user.click(within(group('Metrics')).getByRole('checkbox', { name: 'val_loss' }))
    expect(onChange).toHaveBeenLastCalledWith({
      visible: [...BASE.visible, 'metrics.val_loss'],
      pinned: ['attributes.run_name'],
    })
    await user.click(within(group('Params')).getByRole('checkbox', { name: 'lr' }))
    expect(onChange).toHaveBeenLastCalledWith({
      visible: ['attributes.run_name', 'attributes.status', 'metrics.accuracy'],
      pinned: ['attributes.run_name'],
    })
    await user.click(within(group('Attributes')).getByRole('checkbox', { name: 'Run' }))
    expect(onChange).toHaveBeenLastCalledWith({
      visible: ['attributes.status', 'metrics.accuracy', 'params.lr'],
      pinned: [],
    })
  })

  it('shows or hides every matching column of a group', async () => {
    const { user, onChange } = setup()
    await openPicker(user)
    await user.type(screen.getByRole('searchbox', { name: 'Search columns' }), 'loss')
    await user.click(screen.getByRole('button', { name: 'Show all matching metrics' }))
    expect(onChange).toHaveBeenLastCalledWith({
      visible: [...BASE.visible, 'metrics.val_loss', 'metrics.train_loss'],
      pinned: ['attributes.run_name'],
    })
    await user.clear(screen.getByRole('searchbox', { name: 'Search columns' }))
    await user.click(screen.getByRole('button', { name: 'Hide all params' }))
    expect(onChange).toHaveBeenLastCalledWith({
      visible: ['attributes.run_name', 'attributes.status', 'metrics.accuracy'],
      pinned: ['attributes.run_name'],
    })
    // Nothing to hide among the tags: the button says so and does nothing.
    const hideTags = screen.getByRole('button', { name: 'Hide all tags' })
    expect(hideTags.getAttribute('aria-disabled')).toBe('true')
    onChange.mockClear()
    await user.click(hideTags)
    expect(onChange).not.toHaveBeenCalled()
  })

  it('lists the visible columns in order, pinned first, and moves them within their block', async () => {
    const { user, onChange } = setup({
      // Out of order on purpose: the pinned column still comes first.
      visible: ['attributes.status', 'metrics.accuracy', 'attributes.run_name', 'params.lr'],
    })
    await openPicker(user)
    expect(visibleRows()).toEqual(['Run', 'Status', 'accuracy', 'lr'])

    await user.click(screen.getByRole('button', { name: 'Move accuracy up' }))
    expect(onChange).toHaveBeenLastCalledWith({
      visible: ['attributes.run_name', 'metrics.accuracy', 'attributes.status', 'params.lr'],
      pinned: ['attributes.run_name'],
    })
    await user.click(screen.getByRole('button', { name: 'Move accuracy down' }))
    expect(onChange).toHaveBeenLastCalledWith({
      visible: ['attributes.run_name', 'attributes.status', 'params.lr', 'metrics.accuracy'],
      pinned: ['attributes.run_name'],
    })

    // An unpinned column never moves above a pinned one, nor past the ends.
    onChange.mockClear()
    for (const name of ['Move Status up', 'Move lr down', 'Move Run up', 'Move Run down']) {
      const button = screen.getByRole('button', { name })
      expect(button.getAttribute('aria-disabled')).toBe('true')
      await user.click(button)
    }
    expect(onChange).not.toHaveBeenCalled()
  })

  it('pins a column to the end of the pinned block and unpins it to the start of the rest', async () => {
    const { user, onChange } = setupStateful()
    await openPicker(user)
    await user.click(screen.getByRole('button', { name: 'Pin lr' }))
    expect(onChange).toHaveBeenLastCalledWith({
      visible: ['attributes.run_name', 'params.lr', 'attributes.status', 'metrics.accuracy'],
      pinned: ['attributes.run_name', 'params.lr'],
    })
    expect(visibleRows()).toEqual(['Run', 'lr', 'Status', 'accuracy'])
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Unpin lr' }))

    await user.click(screen.getByRole('button', { name: 'Unpin Run' }))
    expect(onChange).toHaveBeenLastCalledWith({
      visible: ['params.lr', 'attributes.run_name', 'attributes.status', 'metrics.accuracy'],
      pinned: ['params.lr'],
    })
    expect(screen.getByRole('button', { name: 'Pin Run' })).toBeTruthy()
  })

  it('keeps focus on the move button as the column travels', async () => {
    const { user, onChange } = setupStateful()
    await openPicker(user)
    screen.getByRole('button', { name: 'Move Status down' }).focus()
    await user.keyboard('{Enter}')
    await user.keyboard('{Enter}')
    expect(onChange).toHaveBeenLastCalledWith({
      visible: ['attributes.run_name', 'metrics.accuracy', 'params.lr', 'attributes.status'],
      pinned: ['attributes.run_name'],
    })
    expect(visibleRows()).toEqual(['Run', 'accuracy', 'lr', 'Status'])
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Status down' }))
  })

  it('hides a column from the visible list and moves focus to the next one', async () => {
    const { user, onChange } = setupStateful()
    await openPicker(user)
    await user.click(screen.getByRole('button', { name: 'Hide accuracy' }))
    expect(onChange).toHaveBeenLastCalledWith({
      visible: ['attributes.run_name', 'attributes.status', 'params.lr'],
      pinned: ['attributes.run_name'],
    })
    expect(visibleRows()).toEqual(['Run', 'Status', 'lr'])
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Hide lr' }))
  })

  it('tells apart columns of different groups that share a key', async () => {
    const { user } = setup({
      available: [...refs('metrics', ['loss']), ...refs('params', ['loss'])],
      visible: ['metrics.loss', 'params.loss'],
      pinned: [],
    })
    await openPicker(user)
    expect(screen.getByRole('button', { name: 'Move loss (metric) down' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Pin loss (param)' })).toBeTruthy()
  })

  it('marks constant columns and switches hiding them', async () => {
    const { user, onHideConstantChange } = setup()
    await openPicker(user)
    const optimizer = within(group('Params')).getByRole('checkbox', { name: 'optimizer' })
    const noteId = optimizer.getAttribute('aria-describedby') ?? ''
    expect(document.getElementById(noteId)?.textContent).toBe('same in all runs')
    expect(
      within(group('Params')).getByRole('checkbox', { name: 'lr' }).getAttribute('aria-describedby'),
    ).toBeNull()

    const toggle = screen.getByRole('switch', { name: 'Hide columns that are the same in every run' })
    expect((toggle as HTMLInputElement).checked).toBe(false)
    await user.click(toggle)
    expect(onHideConstantChange).toHaveBeenLastCalledWith(true)
  })

  it('shows the switch on, and which visible columns it hides', async () => {
    const { user, onHideConstantChange } = setup({
      hideConstant: true,
      visible: [...BASE.visible, 'params.optimizer'],
    })
    await openPicker(user)
    const toggle = screen.getByRole('switch', { name: 'Hide columns that are the same in every run' })
    expect((toggle as HTMLInputElement).checked).toBe(true)
    const rows = within(screen.getByRole('region', { name: 'Visible columns' })).getAllByRole('listitem')
    expect(rows.at(-1)?.textContent).toContain('same in all runs')
    expect(rows[0]?.textContent).not.toContain('same in all runs')
    await user.click(toggle)
    expect(onHideConstantChange).toHaveBeenLastCalledWith(false)
  })

  it('resets to the defaults', async () => {
    const { user, onReset } = setup()
    await openPicker(user)
    await user.click(screen.getByRole('button', { name: 'Reset columns' }))
    expect(onReset).toHaveBeenCalledTimes(1)
  })

  it('renders a bounded number of rows for 5,000 params', async () => {
    const params = Array.from({ length: 5000 }, (_, i) => `p${String(i).padStart(4, '0')}`)
    const { user } = setup({
      available: [...refs('attributes', ['run_name']), ...refs('params', params)],
      visible: params.map((key) => `params.${key}`),
      pinned: [],
    })
    const dialog = await openPicker(user)
    expect(columnsButton().textContent).toBe('Columns 5,000')
    expect(within(group('Params')).getAllByRole('checkbox')).toHaveLength(200)
    expect(within(group('Params')).getByText('4,800 more — refine the search')).toBeTruthy()
    expect(dialog.querySelectorAll('input[type="checkbox"]').length).toBeLessThan(250)
    // The visible list is virtualised too.
    const section = screen.getByRole('region', { name: 'Visible columns' })
    expect(within(section).getAllByRole('listitem').length).toBeLessThan(100)
    expect(within(section).getByText('5,000')).toBeTruthy()

    await user.type(screen.getByRole('searchbox', { name: 'Search columns' }), 'p012')
    expect(checkboxNames('Params')).toHaveLength(10)
    expect(screen.queryByText(/more — refine the search/)).toBeNull()
  })
})
