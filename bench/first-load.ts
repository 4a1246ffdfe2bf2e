/**
 * `npm run bench:first-load`: what Runboard loads before its first screen, and how fast. Starts the
 * runboard server in demo mode on the current build, opens the experiments page in the system
 * Chromium (fresh context, so nothing is cached) a few times, and prints every request with its
 * size on the wire, then the time until the experiments table shows. Also the gzip size of each
 * built asset. Figures only; nothing here is asserted.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { startRunboard } from '../server/main'
import { parseRunboardOptions } from '../server/options'
import { buildApp } from '../server/app-build'
import { ensureChromium } from '../scripts/chromium'
import { CHROMIUM_ARGS } from '../scripts/chromium-args'

const RUNS = 5
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

async function main(): Promise<void> {
  const root = join(import.meta.dirname, '..')
  await buildApp(root)
  console.log('Built assets (raw / gzip -9):')
  const assets = join(root, 'dist', 'assets')
  for (const file of readdirSync(assets).sort()) {
    const path = join(assets, file)
    console.log(
      `  ${file.padEnd(34)} ${kb(statSync(path).size).padStart(10)} / ${kb(gzipSync(readFileSync(path), { level: 9 }).length)}`,
    )
  }

  const parsed = parseRunboardOptions({ argv: ['--demo', '--port', '0'], env: {}, cwd: root })
  if (parsed.kind !== 'run') throw new Error('could not configure the demo server')
  const server = await startRunboard(parsed.config, { log: () => {} })
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS })
  const times: number[] = []
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext()
      const page = await context.newPage()
      const pending: Promise<{ url: string; bytes: number }>[] = []
      page.on('requestfinished', (request) => {
        pending.push(
          request.sizes().then((sizes) => ({
            url: request.url().replace(server.url, '/'),
            bytes: sizes.responseBodySize + sizes.responseHeadersSize,
          })),
        )
      })
      const started = Date.now()
      await page.goto(`${server.url}experiments`)
      await page.getByRole('link', { name: 'mnist-baseline' }).waitFor()
      times.push(Date.now() - started)
      const requests = await Promise.all(pending)
      if (run === 0) {
        console.log('\nRequests before the first screen (first run, bytes on the wire incl. headers):')
        for (const request of requests)
          console.log(`  ${request.url.padEnd(70)} ${kb(request.bytes).padStart(10)}`)
        console.log(
          `  total ${kb(requests.reduce((sum, request) => sum + request.bytes, 0))} in ${requests.length} requests`,
        )
      }
      await context.close()
    }
  } finally {
    await browser.close()
    await server.close()
  }
  console.log(
    `\nNavigation to experiments table visible, cold cache, ${RUNS} runs: median ${median(times)} ms [${Math.min(...times)}–${Math.max(...times)}]`,
  )
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
