/**
 * `npm start` from a fresh clone or after a `git pull` must show the current app: build it first
 * when dist/index.html is missing or older than any of its sources.
 */

import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** What the build reads. package.json changes too often for little reason, so it is left out. */
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts']

/** The newest modification time under a file or folder (0 when it does not exist). */
async function newestMtime(path: string): Promise<number> {
  let info
  try {
    info = await stat(path)
  } catch {
    return 0
  }
  if (!info.isDirectory()) return info.mtimeMs
  const entries = await readdir(path)
  const times = await Promise.all(entries.map((entry) => newestMtime(join(path, entry))))
  return Math.max(info.mtimeMs, ...times)
}

export type BuildState = { fresh: true } | { fresh: false; missing: boolean; reason: string }

export async function appBuildState(repoRoot: string, distDir: string): Promise<BuildState> {
  const index = join(distDir, 'index.html')
  let built: number
  try {
    built = (await stat(index)).mtimeMs
  } catch {
    return { fresh: false, missing: true, reason: `${index} is missing` }
  }
  const times = await Promise.all(SOURCES.map((source) => newestMtime(join(repoRoot, source))))
  const newest = Math.max(...times)
  return newest > built
    ? { fresh: false, missing: false, reason: 'the sources changed since the last build' }
    : { fresh: true }
}

/** Runs `vite build` with its output on our stderr (stdout carries the URL line). */
export function buildApp(repoRoot: string): Promise<void> {
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js')
  if (!existsSync(vite))
    return Promise.reject(new Error(`cannot build the app: ${vite} is missing (run npm install)`))
  return new Promise((resolveBuild, reject) => {
    const child = spawn(process.execPath, [vite, 'build'], {
      cwd: repoRoot,
      stdio: ['ignore', process.stderr, process.stderr],
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolveBuild()
      else reject(new Error(`vite build failed (${signal ?? `exit code ${code ?? 'unknown'}`})`))
    })
  })
}
