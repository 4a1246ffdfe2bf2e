/**
 * The contract test: the same requests go to the mocks and to a real MLflow server seeded with the
 * same world, and the normalised full responses must be equal (see normalize.ts for what is left out).
 */

import { beforeAll, describe, expect, inject, it } from 'vitest'
import { createMockApi } from '../mocks/scenarios'
import { learnIds, mockBackend, realBackend, type Observed } from './backends'
import { firstDifference } from './difference'
import { exchange } from './exchange'
import { readCases, writeCases } from './requests'
import { decoderFor } from './validators'

const mockApi = createMockApi('contract', { artifactRoot: '/mock-artifact-root' })
const mock = mockBackend(mockApi.handlers, mockApi.store.artifactRoot)
const real = realBackend(inject('mlflowUrl'), inject('mlflowArtifactRoot'))

beforeAll(async () => {
  await Promise.all([learnIds(mock), learnIds(real)])
})

describe('both backends hold the same world', () => {
  it('has the same experiment and run names', () => {
    expect([...mock.experimentIds].sort()).toEqual([...real.experimentIds].sort())
    // The real server also holds the runs that real training code logged into the real-usage experiment.
    expect([...real.runIds.keys()]).toEqual(expect.arrayContaining([...mock.runIds.keys()]))
    expect(mock.runIds.size).toBeGreaterThan(200)
  })
})

/** Every successful JSON answer of the real server must be readable by the app's own client. */
function expectClientReads(path: string, responses: readonly Observed[]): void {
  const decoder = decoderFor(path)
  for (const response of responses) {
    if (
      decoder === undefined ||
      response.status !== 200 ||
      !response.contentType?.startsWith('application/json')
    ) {
      continue
    }
    const body: unknown = JSON.parse(response.text)
    expect(() => decoder(body, '$')).not.toThrow()
  }
}

describe('read requests answer alike', () => {
  it.each(readCases)('$name', async (contractCase) => {
    const [fromMock, fromReal] = await Promise.all([
      exchange(mock, contractCase),
      exchange(real, contractCase),
    ])
    expect(fromMock.pages, firstDifference(fromMock.pages, fromReal.pages)).toEqual(fromReal.pages)
    expectClientReads(contractCase.request.path, fromReal.observed)
  })
})

describe('writes answer alike, step by step', () => {
  // Sequential on purpose: each step reads what the previous one wrote.
  it.each(writeCases)('$name', async (contractCase) => {
    const fromMock = await exchange(mock, contractCase)
    const fromReal = await exchange(real, contractCase)
    expect(fromMock.pages, firstDifference(fromMock.pages, fromReal.pages)).toEqual(fromReal.pages)
    expectClientReads(contractCase.request.path, fromReal.observed)
  })
})
