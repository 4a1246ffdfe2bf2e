/**
 * A drawn chart as a file: an SVG chart with a title and a solid background, as SVG or as a PNG at
 * twice the screen resolution; a canvas chart as a PNG with the same title band. Colours that come
 * from CSS variables are resolved first, so the file looks the same outside the page.
 */

import { downloadBlob } from './download'

const SVG_NS = 'http://www.w3.org/2000/svg'
const TITLE_HEIGHT = 24
const PNG_SCALE = 2

/** A file name from a chart title: `val_loss.png`, `loss+acc.svg`. */
export function chartFileName(title: string, extension: string): string {
  const base = title.replace(/[^\w.+-]+/g, '_').replace(/^_+|_+$/g, '') || 'chart'
  return `${base.slice(0, 80)}.${extension}`
}

/** Standalone SVG markup and its size, title band included. */
export interface ChartDrawing {
  markup: string
  width: number
  height: number
}

/**
 * Presentation that may come from the page's CSS (classes, variables, inherited fonts) rather than
 * the element's own attributes: copied onto the copy, so the file looks as the page did.
 */
const INLINED_STYLES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const

function inlineStyles(source: Element, target: Element): void {
  const style = getComputedStyle(source)
  if (target instanceof SVGElement) {
    for (const property of INLINED_STYLES) {
      const value = style.getPropertyValue(property)
      if (value !== '') target.style.setProperty(property, value)
    }
  }
  // Where no computed value is known (no layout), at least resolve colours given as variables.
  for (const attribute of ['stroke', 'fill'] as const) {
    const value = target.getAttribute(attribute)
    if (value?.startsWith('var(') === true) {
      const resolved = style.getPropertyValue(attribute)
      if (resolved !== '') target.setAttribute(attribute, resolved)
    }
  }
  const sourceChildren = source.children
  const targetChildren = target.children
  for (let i = 0; i < sourceChildren.length; i++) {
    const child = sourceChildren.item(i)
    const copy = targetChildren.item(i)
    if (child !== null && copy !== null) inlineStyles(child, copy)
  }
}

function backgroundOf(container: Element): string {
  return getComputedStyle(container).getPropertyValue('--surface').trim() || '#ffffff'
}

function textColorOf(container: Element): string {
  return getComputedStyle(container).color || '#000000'
}

/**
 * A drawn `<svg>` as standalone markup under a title band, on the background of `container` (the
 * element whose `--surface` and text colour the file takes).
 */
export function svgElementMarkup(
  svg: SVGSVGElement,
  container: Element,
  title: string,
): ChartDrawing | undefined {
  const [, , boxWidth, boxHeight] = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number)
  const width = Number(svg.getAttribute('width') ?? boxWidth ?? 600) || 600
  const height = Number(svg.getAttribute('height') ?? boxHeight ?? 300) || 300
  const copy = svg.cloneNode(true)
  if (!(copy instanceof SVGSVGElement)) return undefined
  inlineStyles(svg, copy)
  copy.setAttribute('width', String(width))
  copy.setAttribute('height', String(height))
  const root = document.createElementNS(SVG_NS, 'svg')
  root.setAttribute('xmlns', SVG_NS)
  root.setAttribute('width', String(width))
  root.setAttribute('height', String(height + TITLE_HEIGHT))
  root.setAttribute('viewBox', `0 0 ${width} ${height + TITLE_HEIGHT}`)
  const background = document.createElementNS(SVG_NS, 'rect')
  background.setAttribute('width', '100%')
  background.setAttribute('height', '100%')
  background.setAttribute('fill', backgroundOf(container))
  const heading = document.createElementNS(SVG_NS, 'text')
  heading.setAttribute('x', '8')
  heading.setAttribute('y', '17')
  heading.setAttribute('font-family', 'system-ui, sans-serif')
  heading.setAttribute('font-size', '13')
  heading.setAttribute('fill', textColorOf(container))
  heading.textContent = title
  copy.setAttribute('x', '0')
  copy.setAttribute('y', String(TITLE_HEIGHT))
  root.append(background, heading, copy)
  return { markup: new XMLSerializer().serializeToString(root), width, height: height + TITLE_HEIGHT }
}

export function downloadSvgDrawing(drawing: ChartDrawing, title: string): void {
  downloadBlob(new Blob([drawing.markup], { type: 'image/svg+xml' }), chartFileName(title, 'svg'))
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => {
    canvas.toBlob(resolve, 'image/png')
  })
}

/** The SVG drawn at twice its size into a PNG. */
export async function downloadSvgDrawingAsPng(drawing: ChartDrawing, title: string): Promise<boolean> {
  const image = new Image()
  const url = URL.createObjectURL(new Blob([drawing.markup], { type: 'image/svg+xml' }))
  try {
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = drawing.width * PNG_SCALE
    canvas.height = drawing.height * PNG_SCALE
    const context = canvas.getContext('2d')
    if (context === null) return false
    context.scale(PNG_SCALE, PNG_SCALE)
    context.drawImage(image, 0, 0)
    const blob = await canvasBlob(canvas)
    if (blob === null) return false
    downloadBlob(blob, chartFileName(title, 'png'))
    return true
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** An SVG drawn over a canvas chart (axes, labels) as an image, with the page's styles inlined. */
async function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement | undefined> {
  const copy = svg.cloneNode(true)
  if (!(copy instanceof SVGSVGElement)) return undefined
  inlineStyles(svg, copy)
  copy.setAttribute('xmlns', SVG_NS)
  const image = new Image()
  const url = URL.createObjectURL(
    new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }),
  )
  try {
    image.src = url
    await image.decode()
    return image
  } catch {
    return undefined
  } finally {
    URL.revokeObjectURL(url)
  }
}

/**
 * Canvas layers (drawn at device resolution, stacked in the given order), then the SVGs drawn over
 * them (axes, labels), as one PNG under a title band, on the background of `container`. The layers'
 * pixel size is kept, so a chart drawn for a high-density screen stays sharp.
 */
export async function downloadCanvasPng(
  layers: readonly HTMLCanvasElement[],
  container: Element,
  title: string,
  overlays: readonly SVGSVGElement[] = [],
): Promise<boolean> {
  const first = layers[0]
  if (first === undefined || first.width === 0 || first.height === 0) return false
  const cssWidth = first.clientWidth || first.width
  const ratio = first.width / cssWidth
  const band = Math.round(TITLE_HEIGHT * ratio)
  const canvas = document.createElement('canvas')
  canvas.width = first.width
  canvas.height = first.height + band
  const context = canvas.getContext('2d')
  if (context === null) return false
  context.fillStyle = backgroundOf(container)
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.fillStyle = textColorOf(container)
  context.font = `${Math.round(13 * ratio)}px system-ui, sans-serif`
  context.fillText(title, 8 * ratio, 17 * ratio)
  for (const layer of layers) context.drawImage(layer, 0, band, first.width, first.height)
  const origin = first.getBoundingClientRect()
  for (const svg of overlays) {
    const image = await svgImage(svg)
    if (image === undefined) continue
    const box = svg.getBoundingClientRect()
    context.drawImage(
      image,
      (box.left - origin.left) * ratio,
      band + (box.top - origin.top) * ratio,
      box.width * ratio,
      box.height * ratio,
    )
  }
  const blob = await canvasBlob(canvas)
  if (blob === null) return false
  downloadBlob(blob, chartFileName(title, 'png'))
  return true
}
