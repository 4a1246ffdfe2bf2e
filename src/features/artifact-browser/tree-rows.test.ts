import { describe, expect, it } from 'vitest'
import type { ArtifactEntry } from '@/domain/artifacts/artifact-entry'
import {
  ancestorsOf,
  openDirectories,
  pathUnderRoot,
  prepareListing,
  treeRows,
  type DirState,
  type TreeRow,
} from './tree-rows'

const file = (path: string, fileSize = 1): ArtifactEntry => ({ path, isDir: false, fileSize })
const dir = (path: string): ArtifactEntry => ({ path, isDir: true, fileSize: undefined })
const listed = (...files: ArtifactEntry[]): DirState => ({
  status: 'success',
  listing: prepareListing({ rootUri: undefined, files }),
})

/** Rows as `  name` (indented by depth) or `  [status]`. */
const show = (rows: readonly TreeRow[]) =>
  rows.map((row) => '  '.repeat(row.depth) + (row.type === 'entry' ? row.name : `[${row.state.status}]`))

describe('prepareListing', () => {
  it('puts directories first, orders names naturally and leaves out unsafe paths and duplicates', () => {
    const { entries, droppedCount } = prepareListing({
      rootUri: undefined,
      files: [
        file('b10.txt'),
        file('B2.txt'),
        dir('z'),
        file('../x'),
        file('/abs'),
        dir('a'),
        file('a1.txt'),
        dir('a'),
      ],
    })
    expect(entries.map((entry) => entry.path)).toEqual(['a', 'z', 'a1.txt', 'B2.txt', 'b10.txt'])
    // Two unsafe paths and `a` listed twice.
    expect(droppedCount).toBe(3)
  })
})

describe('treeRows', () => {
  const dirs = new Map<string, DirState>([
    ['', listed(dir('logs'), dir('plots'), file('README.md'))],
    // A bare name (what the proxy API answers) and another directory's entry are left out and counted.
    ['plots', listed(file('plots/loss.png'), file('plots/acc.png'), file('acc.png'), file('other/x.png'))],
    ['logs', { status: 'pending' }],
  ])

  it('follows each expanded directory with its children, one level deeper', () => {
    expect(show(treeRows(dirs, new Set(['plots']), ''))).toEqual([
      'logs',
      'plots',
      '  acc.png',
      '  loss.png',
      '  [hidden]',
      'README.md',
    ])
    const rows = treeRows(dirs, new Set(['plots']), '')
    expect(rows.find((row) => row.type === 'entry' && row.name === 'acc.png')).toMatchObject({
      path: 'plots/acc.png',
      position: 1,
      siblings: 2,
    })
    expect(rows.find((row) => row.type === 'status' && row.dir === 'plots')).toMatchObject({
      state: { status: 'hidden', count: 2 },
    })
  })

  it('stands a status row in for children that are loading, failed or absent', () => {
    const failing = new Map(dirs)
    failing.set('plots', { status: 'error', error: new Error('boom'), retry: () => undefined })
    expect(show(treeRows(failing, new Set(['logs', 'plots']), ''))).toEqual([
      'logs',
      '  [pending]',
      'plots',
      '  [error]',
      'README.md',
    ])
    const empty = new Map(dirs)
    empty.set('logs', listed())
    expect(show(treeRows(empty, new Set(['logs']), ''))).toEqual(['logs', '  [empty]', 'plots', 'README.md'])
  })

  it('filters names, keeping the directories that lead to a match and any failure', () => {
    expect(show(treeRows(dirs, new Set(['plots']), 'LOSS'))).toEqual(['plots', '  loss.png'])
    expect(show(treeRows(dirs, new Set(['logs', 'plots']), 'log'))).toEqual(['logs', '  [pending]'])
    // A collapsed directory's cached listing is not searched.
    expect(show(treeRows(dirs, new Set(), 'loss'))).toEqual([])
  })
})

describe('openDirectories', () => {
  it('lists the root and the expanded directories whose ancestors are all expanded', () => {
    expect(openDirectories(new Set(['a', 'a/b', 'c/d', 'a/b/c']))).toEqual(['', 'a', 'a/b', 'a/b/c'])
    expect(ancestorsOf('a/b/c')).toEqual(['a', 'a/b'])
  })

  it('starts at a root directory, leaving out what is outside it', () => {
    const expanded = new Set(['models', 'models/clf', 'models/clf/data', 'plots', 'models/reg/x'])
    expect(openDirectories(expanded, 'models/clf')).toEqual(['models/clf', 'models/clf/data'])
    expect(openDirectories(new Set(['models/clf/a/b']), 'models/clf')).toEqual(['models/clf'])
  })
})

describe('a tree rooted at a directory', () => {
  it('shows that directory’s entries at depth 0', () => {
    const dirs = new Map<string, DirState>([
      ['model', listed(dir('model/data'), file('model/MLmodel'))],
      ['model/data', listed(file('model/data/weights.bin'))],
    ])
    expect(show(treeRows(dirs, new Set(['model', 'model/data']), '', 'model'))).toEqual([
      'data',
      '  weights.bin',
      'MLmodel',
    ])
  })

  it('maps paths under the root to paths relative to it', () => {
    expect(pathUnderRoot('model/MLmodel', 'model')).toBe('MLmodel')
    expect(pathUnderRoot('model', 'model')).toBe('')
    expect(pathUnderRoot('model-2/MLmodel', 'model')).toBeUndefined()
    expect(pathUnderRoot('plots/a.png', '')).toBe('plots/a.png')
  })
})
