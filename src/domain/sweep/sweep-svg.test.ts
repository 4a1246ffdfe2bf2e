import { describe, expect, it } from 'vitest'
import { makeRun } from '@/testing/make-run'
import { parallelSvg, scatterSvg } from './sweep-svg'

const runs = [
  makeRun({ runId: 'a', params: { lr: '0.001', opt: 'a<b' }, metrics: { acc: 0.5 } }),
  makeRun({ runId: 'b', params: { lr: '0.01', opt: 'sgd' }, metrics: { acc: 0.7 } }),
  makeRun({ runId: 'c', params: { lr: '0.1', opt: 'sgd' }, metrics: { acc: 0.9 } }),
]
const colors = new Map([['a', '#ff0000']])
const size = { width: 400, height: 300 }

describe('scatterSvg', () => {
  it('draws one circle per run, the axes titled, and the trend line with its r²', () => {
    const svg = scatterSvg(
      runs,
      colors,
      { x: 'params.lr', y: 'metrics.acc', xLog: true, yLog: false, trend: true },
      size,
    )
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"')).toBe(true)
    expect(svg.match(/<circle /g)).toHaveLength(3)
    expect(svg).toContain('fill="#ff0000"')
    expect(svg).toContain('>lr (log)</text>')
    expect(svg).toContain('r² = 1.00 (n = 3)')
  })
})

describe('parallelSvg', () => {
  it('draws the lines, pale outside the brushes, and escapes category labels', () => {
    const svg = parallelSvg(
      runs,
      colors,
      { axes: ['params.lr', 'params.opt', 'metrics.acc'], colorBy: undefined },
      { 'metrics.acc': { kind: 'range', min: 0.6, max: 1 } },
      size,
    )
    expect(svg).toContain('>a&lt;b</text>')
    expect(svg).toContain('stroke="#e3e7ed"')
    expect(svg.match(/<rect x=/g)).toHaveLength(1)
    expect(new DOMParserLike(svg).wellFormed).toBe(true)
  })
})

/** A cheap well-formedness check: every opened element is closed in order. */
class DOMParserLike {
  readonly wellFormed: boolean
  constructor(text: string) {
    const stack: string[] = []
    let ok = true
    for (const match of text.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
      const [, closing, name = '', selfClosing] = match
      if (selfClosing === '/') continue
      if (closing === '/') ok = ok && stack.pop() === name
      else stack.push(name)
    }
    this.wellFormed = ok && stack.length === 0
  }
}
