import { describe, expect, it } from 'vitest'
import { characterCount, MAX_RUN_TAG_VALUE_LENGTH, tagKeyProblem, tagValueProblem } from './run-tag-rules'

describe('tagKeyProblem', () => {
  it.each(['team', 'data/version', 'a b', 'ü-ñ_1.2', 'time:utc', 'x'.repeat(250), 'a..b', '.hidden'])(
    'accepts %j, as MLflow does',
    (key) => {
      expect(tagKeyProblem(key)).toBeUndefined()
    },
  )

  it.each([
    ['', /Enter a key/],
    ['x'.repeat(251), /at most 250 characters; this one has 251/],
    ['a=b', /may only contain/],
    ['a\nb', /may only contain/],
    ['/abs', /start with a slash/],
    ['../up', /“\.\.”/],
    ['a/../b', /“\.\.”/],
    ['..', /“\.\.”/],
    ['..hidden', /start with “\.\.”/],
    ['a//b', /“\/\/”/],
    ['a/', /end with a slash/],
    ['./a', /“\.” path segments/],
    ['.', /“\.” path segments/],
    ['mlflow.note.content', /MLflow’s own/],
  ])('refuses %j', (key, problem) => {
    expect(tagKeyProblem(key)).toMatch(problem)
  })
})

describe('tagValueProblem', () => {
  it('counts characters as MLflow does (code points), so emoji are not counted twice', () => {
    expect(characterCount('a😀b')).toBe(3)
    expect(tagValueProblem('😀'.repeat(MAX_RUN_TAG_VALUE_LENGTH))).toBeUndefined()
  })

  it('refuses a value longer than 8,000 characters, saying by how much', () => {
    expect(tagValueProblem('x'.repeat(8000))).toBeUndefined()
    expect(tagValueProblem('x'.repeat(8001), 'A note')).toBe(
      'A note has at most 8,000 characters on an MLflow server; this one has 8,001. Shorten it to save.',
    )
  })
})
