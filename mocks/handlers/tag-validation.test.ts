import { describe, expect, it } from 'vitest'
import { posixNormpath, pythonJsonString, pythonStrRepr, validateRunTag } from './tag-validation'

describe('posixNormpath (as Python’s posixpath.normpath)', () => {
  it.each([
    ['', '.'],
    ['a/b', 'a/b'],
    ['a//b/', 'a/b'],
    ['./a', 'a'],
    ['a/../..', '..'],
    ['../x', '../x'],
    ['/a/../../b', '/b'],
    ['//a', '//a'],
    ['///a', '/a'],
    ['a/./b/..', 'a'],
  ])('%s → %s', (path, expected) => {
    expect(posixNormpath(path)).toBe(expected)
  })
})

describe('run tag checks (MLflow’s _validate_tag)', () => {
  it('keeps a good key and value, colons and unicode letters included', () => {
    expect(validateRunTag('team/owner: main', 'x')).toBe('x')
    expect(validateRunTag('modèle_1', 'y')).toBe('y')
  })

  it('refuses characters MLflow refuses, with its message', () => {
    expect(() => validateRunTag('a=b', 'v')).toThrow(
      `Invalid value "a=b" for parameter 'key' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).`,
    )
  })

  it('refuses keys that are not normalised paths', () => {
    expect(() => validateRunTag('a/../b', 'v')).toThrow(
      `Invalid value "a/../b" for parameter 'key' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to 'b'`,
    )
    expect(() => validateRunTag('/abs', 'v')).toThrow(/would resolve to '\/abs'/)
    expect(() => validateRunTag('trailing/', 'v')).toThrow(/would resolve to 'trailing'/)
  })

  it('refuses a key over 250 characters, and cuts a value to 8,000 (code points) as the default server does', () => {
    expect(() => validateRunTag('k'.repeat(251), 'v')).toThrow(
      "'key' exceeds the maximum length of 250 characters",
    )
    expect(validateRunTag('k', 'v'.repeat(8001))).toHaveLength(8000)
    expect(Array.from(validateRunTag('k', '😀'.repeat(8001)))).toHaveLength(8000)
  })

  it('writes messages the way Python prints them', () => {
    expect(pythonJsonString('é\n')).toBe('"\\u00e9\\n"')
    expect(pythonStrRepr("it's")).toBe(`"it's"`)
    expect(pythonStrRepr('plain')).toBe("'plain'")
  })
})
