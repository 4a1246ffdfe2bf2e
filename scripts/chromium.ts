/**
 * Finds the Chromium the browser tests drive. Browser downloads are blocked on our machines, so we
 * use a system Chromium; on Debian as root (our machines, CI) a missing one is installed with apt.
 */

import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

const CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
]

export function findChromium(): string | undefined {
  const fromEnv = process.env.RUNBOARD_CHROMIUM
  if (fromEnv !== undefined && fromEnv !== '' && existsSync(fromEnv)) return fromEnv
  return CANDIDATES.find((path) => existsSync(path))
}

function isDebianRoot(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  return isRoot && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')
}

export function ensureChromium(): string {
  const found = findChromium()
  if (found !== undefined) return found
  if (!isDebianRoot()) {
    throw new Error(
      'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: install Google Chrome) ' +
        'or point RUNBOARD_CHROMIUM at its binary. Playwright browser downloads are not used.',
    )
  }
  console.log('[setup] installing Debian chromium with apt (browser downloads are blocked here)')
  const started = Date.now()
  const apt = (args: string[]) => {
    const result = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (result.status !== 0)
      throw new Error(`apt-get ${args.join(' ')} failed with status ${String(result.status)}`)
  }
  apt(['update', '-qq'])
  apt(['install', '-y', '-qq', 'chromium'])
  const installed = findChromium()
  if (installed === undefined) throw new Error('apt installed chromium, but no binary was found')
  console.log(`[setup] chromium installed in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return installed
}

export function chromiumVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return 'unknown version'
  }
}

export function osName(): string {
  try {
    return /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform
  } catch {
    return process.platform
  }
}
