import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { TagEditor, type TagEditorProps } from './tag-editor'

const CLASSES = {
  section: 'tags',
  header: 'header',
  valueCell: 'value',
  addForm: 'add',
  editForm: 'edit',
  valueInput: 'value-input',
}

function setup(overrides: Partial<TagEditorProps> = {}) {
  const onSet = vi.fn<(key: string, value: string) => Promise<boolean>>().mockResolvedValue(true)
  const onDelete = vi.fn<(key: string) => Promise<boolean>>().mockResolvedValue(true)
  render(
    <TagEditor
      tags={{ team: 'cv', 'sys.source': 'notebook' }}
      onSet={onSet}
      onDelete={onDelete}
      keyProblem={(key) => (key === '' ? 'A key is needed.' : undefined)}
      valueProblem={(value) => (value.length > 5 ? 'Too long.' : undefined)}
      duplicateProblem={(key) => `Already has “${key}”.`}
      multiline
      selectOnEdit
      isSystemTag={(key) => key.startsWith('sys.')}
      classes={CLASSES}
      {...overrides}
    />,
  )
  return { onSet, onDelete, user: userEvent.setup() }
}

describe('TagEditor', () => {
  it('folds the read-only tags apart and refuses a key that is taken', async () => {
    const { onSet, user } = setup()
    const table = screen.getByRole('table', { name: 'Tags' })
    expect(within(table).getByRole('rowheader', { name: 'team' })).toBeTruthy()
    expect(within(table).queryByText('sys.source')).toBeNull()
    expect(within(screen.getByRole('table', { name: 'System tags' })).getByText('notebook')).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Add tag' }))
    await user.type(screen.getByRole('textbox', { name: 'New tag key' }), 'team')
    expect(screen.getByRole('alert').textContent).toBe('Already has “team”.')
    await user.keyboard('{Enter}')
    expect(onSet).not.toHaveBeenCalled()
  })

  it('edits a value in place: Enter saves, a wrong value cannot be saved', async () => {
    const { onSet, user } = setup()
    await user.click(screen.getByRole('button', { name: 'Edit tag team' }))
    const field = screen.getByRole('textbox', { name: 'Value of tag team' })
    await user.keyboard('toolong')
    expect(screen.getByRole('alert').textContent).toBe('Too long.')
    expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', true)
    await user.clear(field)
    await user.type(field, 'nlp{Enter}')
    expect(onSet).toHaveBeenCalledWith('team', 'nlp')
    expect(screen.queryByRole('textbox', { name: 'Value of tag team' })).toBeNull()
  })

  it('shows the tags without buttons when they cannot be edited', () => {
    setup({ onSet: undefined, onDelete: undefined })
    expect(screen.getByRole('rowheader', { name: 'team' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: /tag/ })).toBeNull()
  })
})
