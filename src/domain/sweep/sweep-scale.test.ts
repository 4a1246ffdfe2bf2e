import { describe, expect, it } from 'vitest'
import { buildAxis } from './sweep-values'
import { formatTick, jitterOf, makeSweepScale } from './sweep-scale'

describe('makeSweepScale', () => {
  it('maps a numeric axis linearly with round ticks', () => {
    const scale = makeSweepScale(buildAxis('metrics.acc', [0, 1]), [0, 100])
    expect(scale.kind).toBe('linear')
    expect(scale.toPixel(0.5)).toBe(50)
    expect(scale.ticks.map((tick) => tick.label)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1'])
  })

  it('maps a log axis by decades and leaves out values it cannot show', () => {
    const scale = makeSweepScale(buildAxis('params.lr', ['1e-4', '1e-3', '0.01', '0']), [0, 300], {
      log: true,
    })
    expect(scale.kind).toBe('log')
    expect(scale.toPixel(1e-3)).toBeCloseTo(150)
    expect(scale.toPixel(0)).toBeUndefined()
    expect(scale.ticks.map((tick) => tick.label)).toEqual(['1e-4', '0.001', '0.01'])
  })

  it('stays linear when asked for log on an axis without positive values', () => {
    expect(makeSweepScale(buildAxis('params.x', ['-2', '0']), [0, 10], { log: true }).kind).toBe('linear')
  })

  it('pads the domain on request and widens a flat one', () => {
    expect(makeSweepScale(buildAxis('m', [0, 10]), [0, 1], { pad: 0.1 }).domain).toEqual([-1, 11])
    expect(makeSweepScale(buildAxis('m', [5, 5]), [0, 1]).domain).toEqual([4.5, 5.5])
  })

  it('gives each category an equal band, the first at the range start', () => {
    const scale = makeSweepScale(buildAxis('params.opt', ['sgd', 'adam', 'rmsprop']), [300, 0])
    expect(scale.kind).toBe('categorical')
    expect(scale.band).toBe(100)
    expect(scale.ticks.map((tick) => [tick.label, tick.pixel])).toEqual([
      ['adam', 250],
      ['rmsprop', 150],
      ['sgd', 50],
    ])
    expect(scale.fromPixel(150)).toBe(1)
  })
})

describe('formatTick', () => {
  it.each([
    [0, '0'],
    [0.1 + 0.2, '0.3'],
    [1e-5, '1e-5'],
    [2.5e7, '2.5e7'],
    [1234, '1234'],
  ])('%f -> %s', (value, text) => {
    expect(formatTick(value)).toBe(text)
  })
})

describe('jitterOf', () => {
  it('is stable per run and spreads runs over [-0.5, 0.5)', () => {
    expect(jitterOf('run-1')).toBe(jitterOf('run-1'))
    const values = Array.from({ length: 500 }, (_, index) => jitterOf(`run-${index}`))
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-0.5)
    expect(Math.max(...values)).toBeLessThan(0.5)
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0.9)
  })
})
