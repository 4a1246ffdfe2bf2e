import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockServer } from '@mocks/node'
import { ARTIFACT_ZOO } from '@mocks/world/artifacts'
import { renderRoute, TEST_ORIGIN } from '@/testing/render-route'

const mock = createMockServer('contract')
beforeAll(() => {
  mock.server.listen({ onUnhandledRequest: 'error' })
})
afterAll(() => {
  mock.server.close()
})

const runPage = (runName: string, query = '') => {
  const runId = mock.store.runIdOf(runName) ?? ''
  const experimentId = mock.store.getRun(runId)?.experimentId ?? ''
  return { runId, url: `/experiments/${experimentId}/runs/${runId}/artifacts${query}` }
}

describe('run page: artifacts', () => {
  it('lists the run’s artifacts, opens a directory, and shows a picked file with its download link', async () => {
    const user = userEvent.setup()
    const { runId, url } = runPage(ARTIFACT_ZOO.runName)
    const { router } = renderRoute(url)
    const tree = await screen.findByRole('tree', { name: 'Artifacts' })
    await user.click(await within(tree).findByRole('treeitem', { name: /^reports/ }))
    await user.click(await within(tree).findByRole('treeitem', { name: /^report\.html/ }))
    await waitFor(() => {
      expect(router.state.location.search).toBe(`?path=${encodeURIComponent(ARTIFACT_ZOO.paths.html)}`)
    })
    const details = await screen.findByRole('region', { name: 'File report.html' })
    expect(within(details).getByText('HTML')).toBeTruthy()
    const download = within(details).getByRole('link', { name: 'Download' })
    expect(download.getAttribute('href')).toBe(
      `${TEST_ORIGIN}/get-artifact?path=${encodeURIComponent(ARTIFACT_ZOO.paths.html)}&run_uuid=${runId}`,
    )
  })

  it('opens the file a link names, with its directories expanded', async () => {
    renderRoute(
      runPage(ARTIFACT_ZOO.runName, `?path=${encodeURIComponent(ARTIFACT_ZOO.paths.reportText)}`).url,
    )
    const tree = await screen.findByRole('tree', { name: 'Artifacts' })
    const item = await within(tree).findByRole('treeitem', { name: /^summary\.txt/ })
    expect(item.getAttribute('aria-selected')).toBe('true')
    expect(await screen.findByRole('region', { name: 'File summary.txt' })).toBeTruthy()
  })

  it('opens a directory the breadcrumbs pick, and a click in the tree can still close it', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(
      runPage(ARTIFACT_ZOO.runName, `?path=${encodeURIComponent(ARTIFACT_ZOO.paths.roc)}`).url,
    )
    const tree = await screen.findByRole('tree', { name: 'Artifacts' })
    await within(tree).findByRole('treeitem', { name: /^roc_curve\.png/ })
    // From the keyboard: ← moves to the file's directory, ← again closes it (the selection stays).
    tree.focus()
    await user.keyboard('{ArrowLeft}{ArrowLeft}')
    const roc = () => within(tree).getByRole('treeitem', { name: /^roc$/ })
    await waitFor(() => {
      expect(roc().getAttribute('aria-expanded')).toBe('false')
    })
    // The breadcrumb to that directory opens it again.
    const crumbs = screen.getByRole('navigation', { name: 'Artifact path' })
    await user.click(within(crumbs).getByRole('button', { name: 'roc' }))
    await waitFor(() => {
      expect(router.state.location.search).toBe('?path=plots%2Froc%2F')
    })
    await waitFor(() => {
      expect(roc().getAttribute('aria-expanded')).toBe('true')
    })
    // A click on the open directory closes it, although it selects it too.
    await user.click(roc())
    await waitFor(() => {
      expect(roc().getAttribute('aria-expanded')).toBe('false')
    })
  })

  it('opens a directory a link names', async () => {
    renderRoute(runPage(ARTIFACT_ZOO.runName, '?path=plots%2F').url)
    const tree = await screen.findByRole('tree', { name: 'Artifacts' })
    expect(await within(tree).findByRole('treeitem', { name: /^sample\.png/ })).toBeTruthy()
  })

  it('lists a directory of 5,000 files drawing only a window of them', async () => {
    const user = userEvent.setup()
    renderRoute(runPage(ARTIFACT_ZOO.manyRunName).url)
    const tree = await screen.findByRole('tree', { name: 'Artifacts' })
    await user.click(
      await within(tree).findByRole('treeitem', { name: new RegExp(`^${ARTIFACT_ZOO.manyDir}`) }),
    )
    await within(tree).findByRole('treeitem', { name: /^file-0000\.txt/ })
    expect(within(tree).getAllByRole('treeitem').length).toBeLessThan(200)
  })
})
