/**
 * `npm test`: every test there is, on a fresh machine. It sets up what the tests need (a system
 * Chromium, the cached Python venv with the pinned mlflow), then runs the unit, component and
 * contract tests (Vitest; the contract project starts and seeds a real MLflow server), builds the
 * app, and runs the end-to-end tests (Playwright, through the `runboard` server, against demo mode and
 * a seeded real MLflow). It says what it does and how long each part took.
 */

import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureVenv } from './real-server/venv'
import { chromiumVersion, ensureChromium, osName } from './chromium'

interface Phase {
  name: string
  seconds: number
}

const phases: Phase[] = []

async function timed<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  const started = Date.now()
  console.log(`\n== ${name}`)
  try {
    return await work()
  } finally {
    phases.push({ name, seconds: (Date.now() - started) / 1000 })
  }
}

interface Counts {
  passed: number
  failed: number
  skipped: number
}

function readVitestCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 }
  const report: unknown = JSON.parse(readFileSync(file, 'utf8'))
  const count = (key: string): number => {
    const value: unknown =
      report !== null && typeof report === 'object' ? Reflect.get(report, key) : undefined
    return typeof value === 'number' ? value : 0
  }
  return {
    passed: count('numPassedTests'),
    failed: count('numFailedTests'),
    skipped: count('numPendingTests') + count('numTodoTests'),
  }
}

/** Playwright's JSON report: `stats.expected` passed, `stats.unexpected` failed, `stats.skipped`. */
function readPlaywrightCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 }
  const report: unknown = JSON.parse(readFileSync(file, 'utf8'))
  const stats: unknown =
    report !== null && typeof report === 'object' ? Reflect.get(report, 'stats') : undefined
  const count = (key: string): number => {
    const value: unknown = stats !== null && typeof stats === 'object' ? Reflect.get(stats, key) : undefined
    return typeof value === 'number' ? value : 0
  }
  return {
    passed: count('expected'),
    failed: count('unexpected') + count('flaky'),
    skipped: count('skipped'),
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2)
  console.log(`Runboard tests on ${osName()}, Node ${process.version}`)
  const chromium = await timed('setup: Chromium for browser tests', () => ensureChromium())
  console.log(`using ${chromium} (${chromiumVersion(chromium)})`)
  const venv = await timed('setup: Python venv with the pinned mlflow', () => ensureVenv())
  console.log(`using ${venv.mlflow}`)

  const reportDir = mkdtempSync(join(tmpdir(), 'runboard-test-'))
  // CI passes a path so that it can add these counts to its closing line.
  const vitestReport = process.env.RUNBOARD_VITEST_REPORT ?? join(reportDir, 'vitest.json')
  const vitest = await timed('vitest: unit, component and contract tests', () =>
    spawnSync(
      process.execPath,
      [
        'node_modules/vitest/vitest.mjs',
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${vitestReport}`,
        ...args,
      ],
      { stdio: 'inherit', env: { ...process.env, RUNBOARD_CHROMIUM: chromium } },
    ),
  )
  const counts = readVitestCounts(vitestReport)

  await timed('build: the app, for the browser tests', () =>
    spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
      stdio: 'inherit',
    }),
  )
  const playwrightReport = process.env.RUNBOARD_PLAYWRIGHT_REPORT ?? join(reportDir, 'playwright.json')
  const playwright = await timed('playwright: end-to-end tests, demo and real MLflow', () =>
    spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test'], {
      stdio: 'inherit',
      env: { ...process.env, RUNBOARD_CHROMIUM: chromium, RUNBOARD_PLAYWRIGHT_REPORT: playwrightReport },
    }),
  )
  const e2e = readPlaywrightCounts(playwrightReport)

  console.log('\n== Summary')
  for (const phase of phases)
    console.log(`${phase.name.padEnd(48)} ${phase.seconds.toFixed(1).padStart(7)} s`)
  console.log(
    `vitest: ${counts.passed} passed, ${counts.failed} failed; playwright: ${e2e.passed} passed, ${e2e.failed} failed`,
  )
  const total = {
    passed: counts.passed + e2e.passed,
    failed: counts.failed + e2e.failed,
    skipped: counts.skipped + e2e.skipped,
  }
  const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : ''
  console.log(`Tests: ${total.passed} passed, ${total.failed} failed${skipped}`)
  if (vitest.status !== 0) return vitest.status ?? 1
  if (playwright.status !== 0) return playwright.status ?? 1
  if (counts.passed === 0 || e2e.passed === 0) {
    console.error('No test ran.')
    return 1
  }
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
