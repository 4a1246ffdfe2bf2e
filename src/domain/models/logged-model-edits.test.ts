import { describe, expect, it } from 'vitest'
import {
  applyLoggedModelTagEdit,
  isLoggedModelSystemTag,
  revertLoggedModelTagEdit,
} from './logged-model-edits'
import type { LoggedModel } from './registry'

const model: LoggedModel = {
  modelId: 'm-1',
  experimentId: '1',
  name: 'clf',
  creationTimestamp: 1,
  lastUpdatedTimestamp: 1,
  artifactUri: undefined,
  status: 'LOGGED_MODEL_READY',
  modelType: undefined,
  sourceRunId: undefined,
  tags: { stage: 'dev', owner: 'alice' },
  registrations: [],
  params: {},
  metrics: [],
}

describe('logged model tag edits', () => {
  it('sets, replaces and deletes a tag', () => {
    expect(applyLoggedModelTagEdit(model, { kind: 'set-tag', key: 'stage', value: 'prod' }).tags).toEqual({
      stage: 'prod',
      owner: 'alice',
    })
    expect(applyLoggedModelTagEdit(model, { kind: 'set-tag', key: 'new', value: '' }).tags).toEqual({
      stage: 'dev',
      owner: 'alice',
      new: '',
    })
    expect(applyLoggedModelTagEdit(model, { kind: 'delete-tag', key: 'owner' }).tags).toEqual({
      stage: 'dev',
    })
  })

  it('undoes only the refused tag, keeping what succeeded since', () => {
    const refused = { kind: 'set-tag', key: 'stage', value: 'prod' } as const
    const afterBoth = applyLoggedModelTagEdit(applyLoggedModelTagEdit(model, refused), {
      kind: 'delete-tag',
      key: 'owner',
    })
    expect(revertLoggedModelTagEdit(afterBoth, model, refused).tags).toEqual({ stage: 'dev' })
    const added = { kind: 'set-tag', key: 'new', value: 'x' } as const
    expect(revertLoggedModelTagEdit(applyLoggedModelTagEdit(model, added), model, added).tags).toEqual(
      model.tags,
    )
    const deleted = { kind: 'delete-tag', key: 'owner' } as const
    expect(revertLoggedModelTagEdit(applyLoggedModelTagEdit(model, deleted), model, deleted).tags).toEqual(
      model.tags,
    )
  })

  it('treats mlflow.* tags as the system’s', () => {
    expect(isLoggedModelSystemTag('mlflow.modelVersions')).toBe(true)
    expect(isLoggedModelSystemTag('mlflowish')).toBe(false)
  })
})
