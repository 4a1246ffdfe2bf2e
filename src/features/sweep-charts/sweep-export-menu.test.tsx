import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useRef, type ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SweepChartExport, type SweepChartExportProps } from './sweep-export-menu'

/** What the buttons saved: file name and text. */
let saved: { name: string; blob: Blob }[]
const blobs = new Map<string, Blob>()

const createObjectURL = URL.createObjectURL.bind(URL)
const revokeObjectURL = URL.revokeObjectURL.bind(URL)

beforeEach(() => {
  saved = []
  let next = 0
  // jsdom has no object URLs: remember each Blob under a made-up one, and read it back on click.
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${next++}`
    blobs.set(url, blob)
    return url
  }
  URL.revokeObjectURL = () => undefined
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click(this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)
    if (blob !== undefined) saved.push({ name: this.download, blob })
  })
})
afterEach(() => {
  URL.createObjectURL = createObjectURL
  URL.revokeObjectURL = revokeObjectURL
  vi.restoreAllMocks()
})

function Chart({ children, ...props }: Omit<SweepChartExportProps, 'target'> & { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null)
  return (
    <>
      <SweepChartExport {...props} target={box} />
      <div ref={box}>{children}</div>
    </>
  )
}

describe('SweepChartExport', () => {
  it('saves the chart’s data as CSV under a name from the title', async () => {
    const user = userEvent.setup()
    render(
      <Chart title="val_loss by lr" csv={() => 'run,value\r\na,1\r\n'}>
        <svg data-sweep-chart="box" />
      </Chart>,
    )
    await user.click(screen.getByRole('button', { name: 'CSV' }))
    expect(saved.map((file) => file.name)).toEqual(['val_loss_by_lr.csv'])
    expect(await saved[0]?.blob.text()).toBe('run,value\r\na,1\r\n')
  })

  it('saves an SVG chart as standalone SVG with its title', async () => {
    const user = userEvent.setup()
    render(
      <Chart title="loss" csv={() => ''}>
        <svg className="icon" width={10} height={10} />
        <svg data-sweep-chart="bar" width={300} height={120}>
          <rect x={1} y={2} width={30} height={10} fill="#ff0000" />
        </svg>
      </Chart>,
    )
    await user.click(screen.getByRole('button', { name: 'SVG' }))
    expect(saved.map((file) => file.name)).toEqual(['loss.svg'])
    const markup = (await saved[0]?.blob.text()) ?? ''
    expect(markup).toContain('<text')
    expect(markup).toContain('>loss</text>')
    expect(markup).toContain('fill="#ff0000"')
    expect(markup).toMatch(/viewBox="0 0 300 144"/)
  })

  it('saves a canvas chart’s SVG from the markup it is given', async () => {
    const user = userEvent.setup()
    render(
      <Chart
        title="acc vs lr"
        csv={() => ''}
        svg={() => '<svg xmlns="http://www.w3.org/2000/svg"><circle/></svg>'}
      >
        <canvas className="sweep-canvas-base" />
      </Chart>,
    )
    await user.click(screen.getByRole('button', { name: 'SVG' }))
    expect(saved.map((file) => file.name)).toEqual(['acc_vs_lr.svg'])
    expect(await saved[0]?.blob.text()).toContain('<circle/>')
  })

  it('says so when a canvas chart has no SVG, and when nothing is drawn', async () => {
    const user = userEvent.setup()
    const { unmount } = render(
      <Chart title="acc vs lr" csv={() => ''}>
        <canvas />
      </Chart>,
    )
    await user.click(screen.getByRole('button', { name: 'SVG' }))
    expect(screen.getByRole('alert').textContent).toBe('This chart is drawn on a canvas: export it as PNG.')
    unmount()
    render(
      <Chart title="empty" csv={() => ''}>
        <p>Loading…</p>
      </Chart>,
    )
    await user.click(screen.getByRole('button', { name: 'PNG' }))
    expect(screen.getByRole('alert').textContent).toBe('Could not export PNG: nothing is drawn.')
    expect(saved).toEqual([])
  })

  it('is disabled while nothing is drawn', () => {
    render(
      <Chart title="x" csv={() => ''} disabled>
        {null}
      </Chart>,
    )
    for (const name of ['PNG', 'SVG', 'CSV'])
      expect(screen.getByRole('button', { name }).hasAttribute('disabled')).toBe(true)
  })
})
