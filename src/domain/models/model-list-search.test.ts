import { describe, expect, it } from 'vitest'
import { serializeExperimentFilter } from '@/domain/search-filter/serialize-filter'
import {
  DEFAULT_MODEL_LIST_SEARCH,
  aliasEntries,
  creatorOf,
  isFilterSyntax,
  latestVersionOf,
  modelListClauses,
  modelListOrderBy,
  modelListRawFilter,
} from './model-list-search'
import type { ModelVersion, RegisteredModel } from './registry'

const version = (number: string, stage: string, userId?: string): ModelVersion => ({
  name: 'cifar',
  version: number,
  creationTimestamp: undefined,
  lastUpdatedTimestamp: undefined,
  userId,
  currentStage: stage,
  description: undefined,
  source: undefined,
  runId: undefined,
  status: 'READY',
  statusMessage: undefined,
  tags: {},
  aliases: [],
  runLink: undefined,
  modelId: undefined,
})

const model = (latestVersions: ModelVersion[]): RegisteredModel => ({
  name: 'cifar',
  creationTimestamp: undefined,
  lastUpdatedTimestamp: undefined,
  description: undefined,
  latestVersions,
  tags: {},
  aliases: {},
})

describe('registered model search', () => {
  it('search the name, case-insensitively, and the tag chips', () => {
    const clauses = modelListClauses({
      ...DEFAULT_MODEL_LIST_SEARCH,
      search: ' res ',
      tags: [
        { key: 'team', operator: '=', value: 'cv' },
        { key: 'task', operator: '~', value: 'class' },
      ],
    })
    expect(serializeExperimentFilter(clauses)).toEqual({
      ok: true,
      value: "name ILIKE '%res%' AND tags.team = 'cv' AND tags.task ILIKE '%class%'",
    })
  })

  it("pass a search typed in MLflow's filter syntax as it is", () => {
    const state = { ...DEFAULT_MODEL_LIST_SEARCH, search: "tags.team = 'cv'" }
    expect(modelListClauses(state)).toEqual([])
    expect(modelListRawFilter(state)).toBe("tags.team = 'cv'")
    expect(isFilterSyntax("name LIKE 'cifar%'")).toBe(true)
    expect(isFilterSyntax('named-model')).toBe(false)
    expect(modelListRawFilter({ ...state, search: 'resnet' })).toBeUndefined()
  })

  it('order by name, or by last change with name breaking ties', () => {
    expect(modelListOrderBy(DEFAULT_MODEL_LIST_SEARCH)).toEqual(['name ASC'])
    expect(
      modelListOrderBy({ ...DEFAULT_MODEL_LIST_SEARCH, sort: 'last_updated_timestamp', descending: true }),
    ).toEqual(['last_updated_timestamp DESC', 'name ASC'])
  })
})

describe('what the list shows for a model', () => {
  it('take the highest version of all stages as the latest, and its user as the creator', () => {
    const latest = model([version('3', 'Production', 'bob'), version('10', 'None', 'alice')])
    expect(latestVersionOf(latest)?.version).toBe('10')
    expect(creatorOf(latest)).toBe('alice')
    expect(latestVersionOf(model([]))).toBeUndefined()
    expect(creatorOf(model([version('1', 'None')]))).toBeUndefined()
  })

  it('list aliases newest version first, then by name', () => {
    expect(aliasEntries({ stable: '2', champion: '4', best: '4' })).toEqual([
      ['best', '4'],
      ['champion', '4'],
      ['stable', '2'],
    ])
  })
})
