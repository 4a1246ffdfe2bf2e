import { describe, expect, it } from 'vitest'
import { makeRun } from '@/testing/make-run'
import { averageRanks, correlationRatio, paramImportance, pearson, spearman } from './importance'

describe('pearson and spearman', () => {
  it.each([
    [[1, 2, 3, 4], [2, 4, 6, 8], 1, 1],
    [[1, 2, 3, 4], [8, 6, 4, 2], -1, -1],
    // Monotone but not linear: Spearman sees it fully, Pearson less.
    [[1, 2, 3, 4, 5], [1, 10, 100, 1000, 10000], 0.7, 1],
    [[1, 2, 3], [5, 5, 5], 0, 0],
  ])('%j vs %j', (xs, ys, r, rho) => {
    if (r === 0.7) expect(pearson(xs, ys)).toBeLessThan(0.8)
    else expect(pearson(xs, ys)).toBeCloseTo(r)
    expect(spearman(xs, ys)).toBeCloseTo(rho)
  })

  it('gives ties their average rank', () => {
    expect(averageRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1])
  })
})

describe('correlationRatio', () => {
  it('is 1 when the groups explain everything and 0 when their means agree', () => {
    expect(correlationRatio(['a', 'a', 'b', 'b'], [1, 1, 3, 3])).toBeCloseTo(1)
    expect(correlationRatio(['a', 'a', 'b', 'b'], [1, 3, 1, 3])).toBeCloseTo(0)
    expect(correlationRatio(['a', 'b'], [2, 2])).toBe(0)
  })

  it('is the square root of the between-group share of the variance', () => {
    // Means 2 and 4 around 3: between = 4 · 1 = 4; total = 1+1+1+1 + 4 = 8 (values 1,3,3,5).
    expect(correlationRatio(['a', 'a', 'b', 'b'], [1, 3, 3, 5])).toBeCloseTo(Math.sqrt(4 / 8))
  })
})

describe('paramImportance', () => {
  const runs = [
    { lr: '0.001', opt: 'adam', seed: '1', constant: 'x', acc: 0.6 },
    { lr: '0.01', opt: 'sgd', seed: '2', constant: 'x', acc: 0.7 },
    { lr: '0.1', opt: 'adam', seed: '1', constant: 'x', acc: 0.9 },
    { lr: '0.003', opt: 'sgd', seed: '2', constant: 'x', acc: 0.65 },
    { lr: '0.03', opt: 'adam', seed: '3', constant: 'x', acc: Number.NaN },
  ].map(({ acc, ...params }, index) => makeRun({ runId: `r${index}`, params, metrics: { acc } }))

  it('ranks numeric and categorical params together, leaving out single-valued ones', () => {
    const ranking = paramImportance([...runs, makeRun({ runId: 'none', params: { lr: '1' } })], 'acc')
    expect(ranking.map((row) => row.param)).toEqual(['lr', 'seed', 'opt'])
    expect(ranking[0]).toMatchObject({
      kind: 'numeric',
      score: 1,
      spearman: 1,
      direction: 1,
      n: 4,
      distinct: 4,
    })
    expect(ranking.find((row) => row.param === 'opt')).toMatchObject({
      kind: 'categorical',
      n: 4,
      distinct: 2,
    })
    for (const row of ranking) {
      expect(row.score).toBeGreaterThanOrEqual(0)
      expect(row.score).toBeLessThanOrEqual(1)
    }
  })

  it('is empty for a metric no run has', () => {
    expect(paramImportance(runs, 'loss')).toEqual([])
  })
})
