/**
 * Screenshots of Runboard pages in the system Chromium, for looking at what we built:
 *   npx tsx scripts/screenshot.ts <base-url> <out-dir> [path ...] [--dark] [--width 1440] [--full]
 */

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { ensureChromium } from './chromium'
import { CHROMIUM_ARGS } from './chromium-args'

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dark: { type: 'boolean', default: false },
      width: { type: 'string', default: '1440' },
      full: { type: 'boolean', default: false },
    },
  })
  const [baseUrl, outDir, ...pagePaths] = positionals
  if (baseUrl === undefined || outDir === undefined)
    throw new Error('usage: screenshot.ts <base-url> <out-dir> [path ...]')
  mkdirSync(outDir, { recursive: true })
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS })
  const context = await browser.newContext({
    viewport: { width: Number(values.width), height: 900 },
    colorScheme: values.dark ? 'dark' : 'light',
  })
  const page = await context.newPage()
  for (const [index, path] of (pagePaths.length > 0 ? pagePaths : ['']).entries()) {
    await page.goto(new URL(path, baseUrl).toString())
    await page.waitForLoadState('networkidle')
    const file = join(outDir, `${String(index).padStart(2, '0')}${values.dark ? '-dark' : ''}.png`)
    await page.screenshot({ path: file, fullPage: values.full })
    console.log(`${file}: ${page.url()}`)
  }
  await browser.close()
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
