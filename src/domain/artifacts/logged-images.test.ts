import { describe, expect, it } from 'vitest'
import {
  groupLoggedImages,
  imageAtStep,
  isLoggedImagePath,
  loggedImageKey,
  unionSteps,
} from './logged-images'

const uuid = '0f8c2d6e-7b1a-4c3e-9d2f-5a6b7c8d9e0f'
const full = (key: string, step: number, ts: number, id = uuid) =>
  `images/${key}+step+${step}+timestamp+${ts}+${id}.png`
const thumb = (key: string, step: number, ts: number, id = uuid) =>
  `images/${key}+step+${step}+timestamp+${ts}+${id}+compressed.webp`

describe('logged images', () => {
  it('recognises the files log_image writes, in the current and the old % form', () => {
    expect(isLoggedImagePath(full('confusion_matrix', 3, 1700000000000))).toBe(true)
    expect(isLoggedImagePath(thumb('confusion_matrix', 3, 1700000000000))).toBe(true)
    expect(isLoggedImagePath(`images/cm%step%2%timestamp%1700%${uuid}.png`)).toBe(true)
    expect(isLoggedImagePath('images/cm.png')).toBe(false)
    expect(isLoggedImagePath(`plots/cm+step+1+timestamp+1+${uuid}.png`)).toBe(false)
    expect(loggedImageKey(full('eval~confusion', 0, 1))).toBe('eval/confusion')
  })

  it('pairs each image with its thumbnail, groups by key and orders by step', () => {
    const paths = [
      thumb('roc', 2, 30, 'b'),
      full('roc', 2, 30, 'b'),
      full('roc', 0, 10, 'a'),
      thumb('roc', 0, 10, 'a'),
      full('cm', 1, 20, 'c'),
      'images/readme.txt',
      thumb('orphan', 5, 50, 'd'),
    ]
    const series = groupLoggedImages(paths)
    expect(series.map((one) => one.key)).toEqual(['cm', 'orphan', 'roc'])
    const roc = series[2]
    expect(roc?.images.map((image) => [image.step, image.path, image.thumbnailPath])).toEqual([
      [0, full('roc', 0, 10, 'a'), thumb('roc', 0, 10, 'a')],
      [2, full('roc', 2, 30, 'b'), thumb('roc', 2, 30, 'b')],
    ])
    // A thumbnail without its full-size file still counts.
    expect(series[1]?.images[0]?.path).toBe(thumb('orphan', 5, 50, 'd'))
    expect(series[0]?.images[0]?.thumbnailPath).toBeUndefined()
  })

  it('keeps a step logged twice in time order and answers a skipped step with the one before', () => {
    const [series] = groupLoggedImages([
      full('cm', 4, 200, 'y'),
      full('cm', 4, 100, 'x'),
      full('cm', 8, 300, 'z'),
    ])
    if (series === undefined) throw new Error('no series')
    expect(series.images.map((image) => image.timestamp)).toEqual([100, 200, 300])
    expect(imageAtStep(series, 3)).toBeUndefined()
    expect(imageAtStep(series, 4)?.timestamp).toBe(200)
    expect(imageAtStep(series, 7)?.step).toBe(4)
    expect(imageAtStep(series, 100)?.step).toBe(8)
  })

  it('merges the steps of several runs for one slider', () => {
    const a = groupLoggedImages([full('cm', 0, 1, 'a'), full('cm', 2, 2, 'b')])
    const b = groupLoggedImages([full('cm', 1, 1, 'c'), full('cm', 2, 2, 'd')])
    expect(unionSteps([...a, ...b])).toEqual([0, 1, 2])
  })
})
