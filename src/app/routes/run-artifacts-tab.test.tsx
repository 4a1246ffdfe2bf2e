import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockServer } from '@mocks/node'
import { ARTIFACT_COMPARE, ARTIFACT_ZOO } from '@mocks/world/artifacts'
import { LOGGED_MODELS } from '@mocks/world/logged-models'
import { renderRoute, TEST_ORIGIN } from '@/testing/render-route'

const mock = createMockServer('contract')
beforeAll(() => {
  mock.server.listen({ onUnhandledRequest: 'error' })
})
afterAll(() => {
  mock.server.close()
})

const artifactsAt = (runId: string) =>
  `/experiments/${mock.store.getRun(runId)?.experimentId ?? ''}/runs/${runId}/artifacts`

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
      expect(router.state.location.pathname).toBe(`${artifactsAt(runId)}/${ARTIFACT_ZOO.paths.html}`)
      expect(router.state.location.search).toBe('')
    })
    const details = await screen.findByRole('region', { name: 'File report.html' })
    expect(within(details).getByText('HTML')).toBeTruthy()
    const download = within(details).getByRole('link', { name: 'Download' })
    expect(download.getAttribute('href')).toBe(
      `${TEST_ORIGIN}/get-artifact?path=${encodeURIComponent(ARTIFACT_ZOO.paths.html)}&run_uuid=${runId}`,
    )
  })

  it('opens the file a link names in its path, with its directories expanded', async () => {
    const { runId } = runPage(ARTIFACT_ZOO.runName)
    renderRoute(`${artifactsAt(runId)}/${ARTIFACT_ZOO.paths.reportText}`)
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
      expect(router.state.location.pathname).toMatch(/\/artifacts\/plots\/roc\/$/)
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

  it('still opens a file named by an older ?path= link', async () => {
    renderRoute(
      runPage(ARTIFACT_ZOO.runName, `?path=${encodeURIComponent(ARTIFACT_ZOO.paths.reportText)}`).url,
    )
    const tree = await screen.findByRole('tree', { name: 'Artifacts' })
    const item = await within(tree).findByRole('treeitem', { name: /^summary\.txt/ })
    expect(item.getAttribute('aria-selected')).toBe('true')
  })

  it('opens a directory a link names', async () => {
    renderRoute(`${artifactsAt(runPage(ARTIFACT_ZOO.runName).runId)}/plots/`)
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

  it('opens the model a run without files of its own logged, says why, and can go back to the run', async () => {
    const user = userEvent.setup()
    const { url } = runPage(LOGGED_MODELS.trainRun)
    const { router } = renderRoute(url)
    const sources = await screen.findByRole('radiogroup', { name: 'Files of' })
    const model = await within(sources).findByRole('radio', {
      name: new RegExp(`^${LOGGED_MODELS.classifier}`),
    })
    await waitFor(() => {
      expect(model.getAttribute('aria-checked')).toBe('true')
    })
    expect(screen.getByText(/This run has no files of its own/)).toBeTruthy()

    // The model's root holds MLmodel: the model at a glance, from the logged-model routes.
    const card = await screen.findByRole('region', { name: 'MLflow model' })
    const flavors = await within(card).findByRole('region', { name: 'Flavors' })
    expect(flavors.textContent).toContain('sklearn')
    expect(within(card).getByRole('table', { name: 'Inputs' })).toBeTruthy()
    const environment = await within(card).findByRole('region', { name: 'Python environment' })
    await within(environment).findByText('3.11.7')
    const requirements = await within(card).findByRole('region', { name: 'Requirements' })
    await within(requirements).findByText(/scikit-learn==/)
    await within(card).findByRole('region', { name: 'Input example' })
    const modelId = mock.store.modelIdOf(LOGGED_MODELS.classifier) ?? 'unknown'
    expect(card.textContent).toContain(`models:/${modelId}`)

    // A file of the model: the URL names the model and the file.
    const tree = screen.getByRole('tree', { name: 'Artifacts' })
    await user.click(await within(tree).findByRole('treeitem', { name: /^requirements\.txt/ }))
    await waitFor(() => {
      expect(router.state.location.pathname).toMatch(/\/artifacts\/requirements\.txt$/)
      expect(new URLSearchParams(router.state.location.search).get('model')).toBe(modelId)
    })

    // The run's own files, although there are none: chosen explicitly, they stay chosen.
    await user.click(within(sources).getByRole('radio', { name: /^Run files/ }))
    await waitFor(() => {
      expect(router.state.location.search).toBe('?model=')
      expect(router.state.location.pathname).toMatch(/\/artifacts$/)
    })
    expect(await screen.findByText('This run has not logged any files.')).toBeTruthy()
  })

  it('offers the models a run with files logged, and keeps the run’s files first', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(runPage(ARTIFACT_COMPARE.runB).url)
    const sources = await screen.findByRole('radiogroup', { name: 'Files of' })
    expect(
      within(sources)
        .getByRole('radio', { name: /^Run files/ })
        .getAttribute('aria-checked'),
    ).toBe('true')
    const model = await within(sources).findByRole('radio', {
      name: new RegExp(`^${LOGGED_MODELS.checkpoint}`),
    })
    expect(model.textContent).toContain('step 5')
    // Arrow keys move through the sources, as in any radio group.
    within(sources)
      .getByRole('radio', { name: /^Run files/ })
      .focus()
    await user.keyboard('{ArrowDown}')
    await waitFor(() => {
      expect(new URLSearchParams(router.state.location.search).get('model')).toMatch(/^m-/)
    })
    const tree = await screen.findByRole('tree', { name: 'Artifacts' })
    expect(await within(tree).findByRole('treeitem', { name: /^MLmodel/ })).toBeTruthy()
  })

  it('steps through images logged per step, the URL naming the step shown', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(runPage(ARTIFACT_ZOO.runName, '?path=images%2F').url)
    const tree = await screen.findByRole('tree', { name: 'Artifacts' })
    await user.click(await within(tree).findByRole('treeitem', { name: /^confusion_matrix\+step\+0\+/ }))
    const steps = await screen.findByRole('group', { name: 'Steps of confusion_matrix' })
    expect(steps.textContent).toContain('step 0')
    expect(steps.textContent).toContain('1 of 5')
    const slider = within(steps).getByRole('slider', { name: 'Step' })
    // jsdom has no keyboard model for range inputs (the e2e journey presses End); set the value.
    fireEvent.change(slider, { target: { value: '4' } })
    await waitFor(() => {
      expect(decodeURIComponent(router.state.location.pathname)).toMatch(
        /\/artifacts\/images\/confusion_matrix\+step\+4\+/,
      )
    })
    const after = await screen.findByRole('group', { name: 'Steps of confusion_matrix' })
    expect(after.textContent).toContain('step 4')
    await user.click(within(after).getByRole('button', { name: 'Previous step' }))
    await waitFor(() => {
      expect(screen.getByRole('group', { name: 'Steps of confusion_matrix' }).textContent).toContain('step 3')
    })
    // Another key's images have their own slider.
    expect(screen.queryByRole('group', { name: 'Steps of eval/roc' })).toBeNull()
  })
})
