import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { HtmlPreview } from './html-preview'

const PLOTLY = `<html><head><meta charset="utf-8" /></head><body>
<script type="text/javascript" src="https://cdn.plot.ly/plotly-2.35.2.min.js" charset="utf-8"></script>
<div id="fig"></div><script>Plotly.newPlot("fig", [])</script></body></html>`

function frame(): HTMLIFrameElement {
  const element = screen.getByTitle('HTML preview')
  if (!(element instanceof HTMLIFrameElement)) throw new Error('not an iframe')
  return element
}

describe('HtmlPreview', () => {
  it('runs no scripts by default and only allow-scripts when switched on', async () => {
    const user = userEvent.setup()
    render(<HtmlPreview html={PLOTLY} />)
    expect(frame().getAttribute('sandbox')).toBe('')
    expect(frame().getAttribute('referrerpolicy')).toBe('no-referrer')
    expect(frame().getAttribute('srcdoc')).toBe(PLOTLY)

    const toggle = screen.getByRole('switch', { name: 'Run interactive content (scripts)' })
    await user.click(toggle)
    expect(frame().getAttribute('sandbox')).toBe('allow-scripts')
    await user.click(toggle)
    expect(frame().getAttribute('sandbox')).toBe('')
  })

  it('notes libraries loaded from the internet', () => {
    render(<HtmlPreview html={PLOTLY} />)
    expect(
      screen.getByText(
        'This figure loads plotly from the internet; it works only where the viewer can reach it.',
      ),
    ).toBeTruthy()
  })

  it('names several CDN libraries', () => {
    render(
      <HtmlPreview
        html={`<script src='https://cdn.jsdelivr.net/npm/vega@5'></script><script src="//unpkg.com/d3@7/dist/d3.min.js"></script>`}
      />,
    )
    expect(screen.getByText(/loads vega and d3 from the internet/)).toBeTruthy()
  })

  it('has no CDN note for self-contained HTML', () => {
    render(<HtmlPreview html="<p>report</p>" />)
    expect(screen.queryByText(/from the internet/)).toBeNull()
  })

  it('expands', async () => {
    const user = userEvent.setup()
    render(<HtmlPreview html="<p>report</p>" />)
    await user.click(screen.getByRole('button', { name: 'Expand' }))
    expect(screen.getByRole('button', { name: 'Collapse' }).getAttribute('aria-pressed')).toBe('true')
  })
})
