import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { appBuildState } from './app-build'

const repo = mkdtempSync(join(tmpdir(), 'runboard-build-'))
const dist = join(repo, 'dist')
mkdirSync(join(repo, 'src', 'deep'), { recursive: true })
writeFileSync(join(repo, 'src', 'deep', 'a.ts'), '')
writeFileSync(join(repo, 'index.html'), '')
afterAll(() => {
  rmSync(repo, { recursive: true, force: true })
})

function touch(path: string, seconds: number): void {
  utimesSync(path, seconds, seconds)
}

describe('appBuildState', () => {
  it('wants a build when dist/index.html is missing', async () => {
    expect(await appBuildState(repo, dist)).toMatchObject({ fresh: false, missing: true })
  })

  it('is fresh when the build is newer than every source, stale when any source is newer', async () => {
    mkdirSync(dist, { recursive: true })
    writeFileSync(join(dist, 'index.html'), '')
    for (const path of [join(repo, 'src', 'deep', 'a.ts'), join(repo, 'src', 'deep'), join(repo, 'src')])
      touch(path, 1000)
    touch(join(repo, 'index.html'), 1000)
    touch(join(dist, 'index.html'), 2000)
    expect(await appBuildState(repo, dist)).toEqual({ fresh: true })
    touch(join(repo, 'src', 'deep', 'a.ts'), 3000)
    expect(await appBuildState(repo, dist)).toMatchObject({ fresh: false, missing: false })
  })
})
