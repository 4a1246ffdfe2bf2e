import { describe, expect, it } from 'vitest'
import { idChunks, idsInFilter } from './logged-model-batch'

describe('id lookups', () => {
  it('splits ids into bounded requests, once each, leaving out ids that would need quoting', () => {
    expect(idChunks(['a', 'b', 'a', "x' OR '1", 'c', 'm-1f'], 2)).toEqual([
      ['a', 'b'],
      ['c', 'm-1f'],
    ])
    expect(idChunks([], 75)).toEqual([])
  })

  it('writes an IN filter', () => {
    expect(idsInFilter('run_id', ['a1', 'b2'])).toBe("run_id IN ('a1', 'b2')")
    expect(idsInFilter('model_id', ['m-1'])).toBe("model_id IN ('m-1')")
  })
})
