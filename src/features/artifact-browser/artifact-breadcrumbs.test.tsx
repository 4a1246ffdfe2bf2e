import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ArtifactBreadcrumbs } from './artifact-breadcrumbs'

function setup(path: string) {
  const onSelect = vi.fn<(path: string, isDir: boolean) => void>()
  render(<ArtifactBreadcrumbs path={path} onSelect={onSelect} />)
  const nav = screen.getByRole('navigation', { name: 'Artifact path' })
  return { onSelect, nav, user: userEvent.setup() }
}

describe('ArtifactBreadcrumbs', () => {
  it('opens the root and each ancestor directory; the last segment is where the user is', async () => {
    const { onSelect, nav, user } = setup('reports/eval/summary.html')
    const buttons = within(nav).getAllByRole('button')
    expect(buttons.map((button) => button.textContent)).toEqual(['Artifacts', 'reports', 'eval'])
    expect(nav.querySelector('[aria-current="location"]')?.textContent).toBe('summary.html')

    await user.click(within(nav).getByRole('button', { name: 'eval' }))
    expect(onSelect).toHaveBeenLastCalledWith('reports/eval', true)
    await user.click(within(nav).getByRole('button', { name: 'reports' }))
    expect(onSelect).toHaveBeenLastCalledWith('reports', true)
    await user.click(within(nav).getByRole('button', { name: 'Artifacts' }))
    expect(onSelect).toHaveBeenLastCalledWith('', true)
  })

  it('shows only the root, as the current location, at the root', () => {
    const { nav } = setup('')
    expect(within(nav).queryByRole('button')).toBeNull()
    expect(nav.querySelector('[aria-current="location"]')?.textContent).toBe('Artifacts')
  })
})
