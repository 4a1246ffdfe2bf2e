/**
 * Images logged per step with `MlflowClient.log_image(run_id, image, key=, step=)`. MLflow writes
 * them to the run's `images/` folder, one pair of files per call (contract §11.3):
 *
 *   images/<key>+step+<step>+timestamp+<ms>+<uuid>.png             (full resolution)
 *   images/<key>+step+<step>+timestamp+<ms>+<uuid>+compressed.webp (a thumbnail)
 *
 * where a `/` in the key is written as `~`. Older clients used `%` instead of `+`, which MLflow's
 * UI still reads, and so do we. Pure: works on listed paths only.
 */

/** The folder `log_image` writes to. */
export const LOGGED_IMAGES_DIR = 'images'

export interface LoggedImageFile {
  /** The key as the user logged it (`~` read back as `/`). */
  key: string
  step: number
  /** Epoch milliseconds. */
  timestamp: number
  /** The full-resolution file (run-relative path). */
  path: string
  /** The thumbnail, when it was listed. */
  thumbnailPath: string | undefined
}

const PATTERN =
  /^images\/(.+?)[+%]step[+%](-?\d+)[+%]timestamp[+%](\d+)[+%]([^+%/]+?)(?:[+%]compressed)?\.(\w+)$/

interface ParsedName {
  key: string
  step: number
  timestamp: number
  /** key, step, timestamp and uuid: what a full-size file and its thumbnail share. */
  stem: string
  compressed: boolean
}

function parseName(path: string): ParsedName | undefined {
  const match = PATTERN.exec(path)
  if (match === null) return undefined
  const [, rawKey = '', step = '', timestamp = '', uuid = ''] = match
  const compressed = /[+%]compressed\.\w+$/.test(path)
  return {
    key: rawKey.replaceAll('~', '/'),
    step: Number(step),
    timestamp: Number(timestamp),
    stem: `${rawKey}\u0000${step}\u0000${timestamp}\u0000${uuid}`,
    compressed,
  }
}

/** Whether a run-relative path is a file `log_image(key=, step=)` wrote (full size or thumbnail). */
export function isLoggedImagePath(path: string): boolean {
  return parseName(path) !== undefined
}

/** The key a logged-image path belongs to, or undefined for any other path. */
export function loggedImageKey(path: string): string | undefined {
  return parseName(path)?.key
}

export interface LoggedImageSeries {
  key: string
  /** One image per logged call, by step and then time; a step logged twice keeps both, in order. */
  images: LoggedImageFile[]
}

/**
 * The logged images among the paths of the `images/` listing, grouped by key (keys sorted), each
 * key's images ordered by step, then timestamp. A thumbnail whose full-size file is not listed
 * stands in for it, so nothing logged goes missing.
 */
export function groupLoggedImages(paths: readonly string[]): LoggedImageSeries[] {
  const byStem = new Map<string, { parsed: ParsedName; full?: string; thumb?: string }>()
  for (const path of paths) {
    const parsed = parseName(path)
    if (parsed === undefined) continue
    const slot = byStem.get(parsed.stem) ?? { parsed }
    if (parsed.compressed) slot.thumb = path
    else slot.full = path
    byStem.set(parsed.stem, slot)
  }
  const byKey = new Map<string, LoggedImageFile[]>()
  for (const { parsed, full, thumb } of byStem.values()) {
    const path = full ?? thumb
    if (path === undefined) continue
    const list = byKey.get(parsed.key) ?? []
    list.push({ key: parsed.key, step: parsed.step, timestamp: parsed.timestamp, path, thumbnailPath: thumb })
    byKey.set(parsed.key, list)
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, images]) => ({
      key,
      images: images.sort((a, b) => a.step - b.step || a.timestamp - b.timestamp || cmp(a.path, b.path)),
    }))
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The image to show for `step` in a series: the last one logged at that step, or, when the series
 * skipped it, the last one logged before it (what a step slider shared by several runs needs).
 * Undefined before the series' first step.
 */
export function imageAtStep(series: LoggedImageSeries, step: number): LoggedImageFile | undefined {
  let found: LoggedImageFile | undefined
  for (const image of series.images) {
    if (image.step > step) break
    found = image
  }
  return found
}

/** The sorted distinct steps of several series (one slider over runs that logged different steps). */
export function unionSteps(series: readonly LoggedImageSeries[]): number[] {
  const steps = new Set<number>()
  for (const one of series) for (const image of one.images) steps.add(image.step)
  return [...steps].sort((a, b) => a - b)
}
