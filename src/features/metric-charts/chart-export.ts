/**
 * A chart as a file: the drawn SVG (axes, grid, lines, bands) with a title and a solid background,
 * as SVG or as a PNG at twice the screen resolution. Colours that come from CSS variables are
 * resolved first, so the file looks the same outside the page.
 */

import { downloadBlob } from '@/ui/download'

const SVG_NS = 'http://www.w3.org/2000/svg'

/** A file name from a chart title: `val_loss.png`, `loss+acc.svg`. */
export function chartFileName(title: string, extension: string): string {
  const base = title.replace(/[^\w.+-]+/g, '_').replace(/^_+|_+$/g, '') || 'chart'
  return `${base.slice(0, 80)}.${extension}`
}

function resolveVariables(source: Element, target: Element): void {
  const style = getComputedStyle(source)
  for (const attribute of ['stroke', 'fill'] as const) {
    const value = target.getAttribute(attribute)
    if (value?.startsWith('var(') === true) target.setAttribute(attribute, style.getPropertyValue(attribute))
  }
  const sourceChildren = source.children
  const targetChildren = target.children
  for (let i = 0; i < sourceChildren.length; i++) {
    const child = sourceChildren.item(i)
    const copy = targetChildren.item(i)
    if (child !== null && copy !== null) resolveVariables(child, copy)
  }
}

/** The chart's SVG as standalone markup, or undefined when nothing is drawn. */
export function chartSvgMarkup(
  container: HTMLElement,
  title: string,
): { markup: string; width: number; height: number } | undefined {
  const svg = container.querySelector('svg.recharts-surface')
  if (svg === null) return undefined
  const width = Number(svg.getAttribute('width') ?? 600)
  const height = Number(svg.getAttribute('height') ?? 300)
  const copy = svg.cloneNode(true)
  if (!(copy instanceof SVGSVGElement)) return undefined
  resolveVariables(svg, copy)
  const titleHeight = 24
  const root = document.createElementNS(SVG_NS, 'svg')
  root.setAttribute('xmlns', SVG_NS)
  root.setAttribute('width', String(width))
  root.setAttribute('height', String(height + titleHeight))
  root.setAttribute('viewBox', `0 0 ${width} ${height + titleHeight}`)
  const background = document.createElementNS(SVG_NS, 'rect')
  background.setAttribute('width', '100%')
  background.setAttribute('height', '100%')
  background.setAttribute(
    'fill',
    getComputedStyle(container).getPropertyValue('--surface').trim() || '#ffffff',
  )
  const heading = document.createElementNS(SVG_NS, 'text')
  heading.setAttribute('x', '8')
  heading.setAttribute('y', '17')
  heading.setAttribute('font-family', 'system-ui, sans-serif')
  heading.setAttribute('font-size', '13')
  heading.setAttribute('fill', getComputedStyle(container).color || '#000000')
  heading.textContent = title
  copy.setAttribute('x', '0')
  copy.setAttribute('y', String(titleHeight))
  root.append(background, heading, copy)
  return { markup: new XMLSerializer().serializeToString(root), width, height: height + titleHeight }
}

export function downloadChartSvg(container: HTMLElement, title: string): boolean {
  const drawn = chartSvgMarkup(container, title)
  if (drawn === undefined) return false
  downloadBlob(new Blob([drawn.markup], { type: 'image/svg+xml' }), chartFileName(title, 'svg'))
  return true
}

export async function downloadChartPng(container: HTMLElement, title: string): Promise<boolean> {
  const drawn = chartSvgMarkup(container, title)
  if (drawn === undefined) return false
  const scale = 2
  const image = new Image()
  const url = URL.createObjectURL(new Blob([drawn.markup], { type: 'image/svg+xml' }))
  try {
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = drawn.width * scale
    canvas.height = drawn.height * scale
    const context = canvas.getContext('2d')
    if (context === null) return false
    context.scale(scale, scale)
    context.drawImage(image, 0, 0)
    const blob = await new Promise<Blob | null>((resolve) => {
      canvas.toBlob(resolve, 'image/png')
    })
    if (blob === null) return false
    downloadBlob(blob, chartFileName(title, 'png'))
    return true
  } finally {
    URL.revokeObjectURL(url)
  }
}
