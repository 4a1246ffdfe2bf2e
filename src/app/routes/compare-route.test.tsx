import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockServer } from '@mocks/node'
import { renderRoute } from '@/testing/render-route'

const mock = createMockServer('contract')
beforeAll(() => {
  mock.server.listen({ onUnhandledRequest: 'error' })
})
afterAll(() => {
  mock.server.close()
})

const id = (name: string) => mock.store.runIdOf(name) ?? name

function rowOf(key: string) {
  return within(screen.getByRole('table', { name: 'Run differences' }))
    .getAllByRole('row')
    .find((row) => within(row).queryByRole('rowheader', { name: key }) !== null)
}

describe('compare page: parameter diff', () => {
  it('shows two runs side by side, every row, with what differs marked', async () => {
    renderRoute(`/compare?runs=${id('grid-001')},${id('grid-002')}`)
    expect(await screen.findByRole('table', { name: 'Run differences' })).toBeTruthy()
    expect(screen.getByRole('columnheader', { name: 'grid-001' })).toBeTruthy()
    const lr = rowOf('lr')
    expect(lr?.className).toBe('is-different')
    expect(
      within(lr ?? document.body)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['0.1', '0.05'])
    // Two runs: identical rows are shown too.
    expect(rowOf('Status')?.className).not.toBe('is-different')
  })

  it('folds identical rows when comparing more than two runs, and shows them on request', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(
      `/compare?runs=${id('sweep-a')},${id('sweep-a-trial-1')},${id('sweep-a-trial-1-fold-1')}`,
    )
    expect(await screen.findByRole('table', { name: 'Run differences' })).toBeTruthy()
    expect(rowOf('Source')).toBeUndefined()
    expect(screen.getAllByText(/identical rows? hidden/).length).toBeGreaterThan(0)
    // The sweep parent has no `fold` param: marked missing, not blank.
    const fold = rowOf('fold')
    expect(within(fold ?? document.body).getAllByText('missing').length).toBe(2)
    await user.click(screen.getByRole('checkbox', { name: 'Only differences' }))
    await waitFor(() => {
      expect(rowOf('Source')).toBeDefined()
    })
    expect(router.state.location.search).toContain('diff=all')
  })

  it('says which run it could not load and compares the others', async () => {
    renderRoute(`/compare?runs=${id('grid-001')},${id('grid-002')},0123456789abcdef0123456789abcdef`)
    expect(await screen.findByRole('table', { name: 'Run differences' })).toBeTruthy()
    expect(screen.getByText(/Run 0123456789abcdef0123456789abcdef: Not found/)).toBeTruthy()
    expect(screen.getByRole('columnheader', { name: 'grid-002' })).toBeTruthy()
  })
})
