/**
 * The importance sweep (mocks/world/contract-sweep.ts) as the real server holds it after the seed:
 * read through the app's own client, as the sweep view reads it, the params rank as the world says.
 * So the latest values the real server reports (the value at the highest step) carry the answer, not
 * only the mocks' copy of the world.
 */

import { describe, expect, inject, it } from 'vitest'
import { getExperimentByName } from '@/api/experiments'
import { createMlflowClient } from '@/api/http'
import { searchRuns } from '@/api/runs'
import { paramImportance } from '@/domain/sweep/importance'
import { IMPORTANCE_SWEEP } from '../mocks/world/contract-sweep'

const client = createMlflowClient({ baseUrl: inject('mlflowUrl') })

async function sweepRuns() {
  const experiment = await getExperimentByName(client, IMPORTANCE_SWEEP.experiment)
  const page = await searchRuns(client, { experimentIds: [experiment.experimentId], maxResults: 1000 })
  return page.items
}

describe('the importance sweep on the real server', () => {
  it('holds every run, the failed ones without metrics', async () => {
    const runs = await sweepRuns()
    expect(runs).toHaveLength(IMPORTANCE_SWEEP.runCount)
    const failed = runs.filter((run) => run.info.status === 'FAILED')
    expect(failed).toHaveLength(4)
    expect(failed.every((run) => Object.keys(run.metrics).length === 0)).toBe(true)
  })

  it.each(['val_accuracy', 'val_loss'])(
    'ranks learning_rate first and dropout last for %s',
    async (metric) => {
      const ranking = paramImportance(await sweepRuns(), metric)
      expect(ranking[0]?.param).toBe('learning_rate')
      expect(ranking[0]?.score).toBeGreaterThan(0.9)
      expect(ranking.at(-1)?.param).toBe('dropout')
      expect(ranking.map((row) => row.param).filter((param) => param !== 'seed')).toEqual([
        ...IMPORTANCE_SWEEP.ranking,
      ])
      expect(ranking.every((row) => row.n === 44)).toBe(true)
    },
  )
})
