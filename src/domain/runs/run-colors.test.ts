import { describe, expect, it } from 'vitest'
import { makeRun } from '@/testing/make-run'
import { assignRunColors, RUN_PALETTE } from './run-colors'

describe('assignRunColors', () => {
  it('gives runs the palette in order', () => {
    const colors = assignRunColors([makeRun({ runId: 'a' }), makeRun({ runId: 'b' })])
    expect(colors.get('a')).toBe(RUN_PALETTE[0])
    expect(colors.get('b')).toBe(RUN_PALETTE[1])
  })

  it('honours mlflow.runColor and does not hand its colour to another run', () => {
    const colors = assignRunColors([
      makeRun({ runId: 'a' }),
      makeRun({ runId: 'b', tags: { 'mlflow.runColor': RUN_PALETTE[0]?.toUpperCase() ?? '' } }),
    ])
    expect(colors.get('b')).toBe(RUN_PALETTE[0])
    expect(colors.get('a')).toBe(RUN_PALETTE[1])
  })

  it('ignores a tag that is not a colour', () => {
    const colors = assignRunColors([makeRun({ runId: 'a', tags: { 'mlflow.runColor': 'red;x' } })])
    expect(colors.get('a')).toBe(RUN_PALETTE[0])
  })
})
