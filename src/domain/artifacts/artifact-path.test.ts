import { describe, expect, it } from 'vitest'
import { baseName, isSafeArtifactPath, joinArtifactPath, parentPath, pathSegments } from './artifact-path'

describe('parentPath', () => {
  it.each([
    ['', ''],
    ['a.txt', ''],
    ['reports/a.txt', 'reports'],
    ['a/b/c', 'a/b'],
  ])('%j is in %j', (path, parent) => {
    expect(parentPath(path)).toBe(parent)
  })
})

describe('baseName', () => {
  it.each([
    ['', ''],
    ['a.txt', 'a.txt'],
    ['a/b/c.png', 'c.png'],
  ])('%j is named %j', (path, name) => {
    expect(baseName(path)).toBe(name)
  })
})

describe('pathSegments', () => {
  it.each([
    ['', []],
    ['a', [{ name: 'a', path: 'a' }]],
    [
      'a/b/c.txt',
      [
        { name: 'a', path: 'a' },
        { name: 'b', path: 'a/b' },
        { name: 'c.txt', path: 'a/b/c.txt' },
      ],
    ],
    [
      '/a//b/',
      [
        { name: 'a', path: 'a' },
        { name: 'b', path: 'a/b' },
      ],
    ],
  ])('%j', (path, segments) => {
    expect(pathSegments(path)).toEqual(segments)
  })

  it('ends at the path itself, and each prefix is the next one’s parent', () => {
    const segments = pathSegments('x/y/z')
    expect(segments.at(-1)?.path).toBe('x/y/z')
    for (const [index, segment] of segments.entries()) {
      expect(parentPath(segment.path)).toBe(index === 0 ? '' : segments[index - 1]?.path)
    }
  })
})

describe('joinArtifactPath', () => {
  it.each([
    ['', 'a.txt', 'a.txt'],
    ['reports', 'a.txt', 'reports/a.txt'],
    ['reports/', '/a.txt', 'reports/a.txt'],
    ['a/b', '', 'a/b'],
    ['', '', ''],
  ])('%j + %j = %j', (dir, name, joined) => {
    expect(joinArtifactPath(dir, name)).toBe(joined)
  })

  it('inverts parentPath and baseName', () => {
    for (const path of ['a', 'a/b', 'a/b/c.txt']) {
      expect(joinArtifactPath(parentPath(path), baseName(path))).toBe(path)
    }
  })
})

describe('isSafeArtifactPath', () => {
  it.each(['', 'a.txt', 'reports/a.txt', 'a/b/c d (1).png', 'ünïcode/名前.txt', '..hidden', 'a..b', '.env'])(
    'accepts %j',
    (path) => {
      expect(isSafeArtifactPath(path)).toBe(true)
    },
  )

  it.each([
    '..',
    '../secrets',
    'a/../../etc/passwd',
    'a/..',
    './a',
    'a/./b',
    '/etc/passwd',
    'C:/Windows',
    'c:x',
    'a\\..\\b',
    '\\\\host\\share',
    'a//b',
    'a/',
    'line\nbreak',
    'nul\u0000byte',
    'del\u007f',
    'c1\u0085',
  ])('rejects %j', (path) => {
    expect(isSafeArtifactPath(path)).toBe(false)
  })
})
