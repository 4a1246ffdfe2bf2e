/**
 * Tiny valid images (16×16, a gradient with a checker in blue) for the artifact zoo, made once with
 * Pillow and kept as base64 so that both backends hold the same bytes.
 */

export const PNG_16_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAM0lEQVR42mNkYPgvwMAAQ41I7Hqs4iwMAgwkAbpoaETi1iOx' +
  'sYsPTj8Qdjey+Gg80EQDAMbcCp6jAL7TAAAAAElFTkSuQmCC'

export const JPEG_16_BASE64 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdB' +
  'RkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P' +
  'T09PT09PT09PT09PT0//wAARCAAQABADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAA' +
  'AgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6' +
  'Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXG' +
  'x8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREA' +
  'AgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5' +
  'OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPE' +
  'xcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDnLXTvNx8uMVsWunebj5cYrWtdO83Hy4xW' +
  'xa6d5uPlxivUr47m63v8ua35W/EjKsx21P/Z'

export const GIF_16_BASE64 =
  'R0lGODdhEAAQAIYAADMAZmYAZswAZv8AZgAzZjMzZmYzZpkzZswzZgBmZjNmZplmZsxmZv9mZjOZZmaZZsyZZv+ZZgDMZjPM' +
  'ZmbMZpnMZszMZgD/ZjP/Zpn/ZjMAmWYAmcwAmQAzmTMzmWYzmZkzmcwzmf8zmQBmmTNmmWZmmZlmmcxmmTOZmWaZmcyZmf+Z' +
  'mQDMmTPMmWbMmZnMmczMmf/MmQD/mZn/mQAA/zMA/2YA/5kA/8wA/wAz/zMz/2Yz/5kz/8wz//8z/wBm/zNm/2Zm/5lm/8xm' +
  '//9m/wCZ/zOZ/2aZ/5mZ/8yZ/wDM/zPM/2bM/5nM/8zM///M/zP//2b//8z//////wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
  'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
  'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACwAAAAAEAAQAEAI5wBp0KhRQ0OADQFuKLzBQQCHAUV+GDGi' +
  'IMWDEkiQCEmigoGKBh0IeCigQ8eOHQdApOzB0gcLCS0mLGFC00WFFxWcOHniJEeOkh4MfDDAoyiPEAhECBiRgIQCIEGiLjCx' +
  '4MSQq0SKFJnoAMWDFBkzqoCgIsLLFhhm1rxpQaeTKQIJAjC4wYZCHA4FiPBZssDQDzuK9kCAVESCDgpI6Ii6o8QCEAuG9BhC' +
  'JMGIxECgBnFMFesQrRO9WjwSliyEFUWUTGzxlULGJkkgwIAQQwKLCS2WqL150+2TCzIwtIASpXiGGcelKJ8SEAA7'

export const WEBP_16_BASE64 =
  'UklGRm4AAABXRUJQVlA4IGIAAAAQAwCdASoQABAAAoBCJbACdLoAs//SQP2qkAAVv+wtLgAA/vbilQXCPLRnPXl5MVUfHQsV' +
  'hguk6NP/85I8xz4HLxsydoJdy+oLdxZiZYLUAOWyT0EcxS2UftNjIF+RHAAAAA=='

export const BMP_16_BASE64 =
  'Qk02AwAAAAAAADYAAAAoAAAAEAAAABAAAAABABgAAAAAAAADAADEDgAAxA4AAAAAAAAAAAAAgPAAgPAQgPAggPAw//BA//BQ' +
  '//Bg//BwgPCAgPCQgPCggPCw//DA//DQ//Dg//DwgOAAgOAQgOAggOAw/+BA/+BQ/+Bg/+BwgOCAgOCQgOCggOCw/+DA/+DQ' +
  '/+Dg/+DwgNAAgNAQgNAggNAw/9BA/9BQ/9Bg/9BwgNCAgNCQgNCggNCw/9DA/9DQ/9Dg/9DwgMAAgMAQgMAggMAw/8BA/8BQ' +
  '/8Bg/8BwgMCAgMCQgMCggMCw/8DA/8DQ/8Dg/8Dw/7AA/7AQ/7Ag/7AwgLBAgLBQgLBggLBw/7CA/7CQ/7Cg/7CwgLDAgLDQ' +
  'gLDggLDw/6AA/6AQ/6Ag/6AwgKBAgKBQgKBggKBw/6CA/6CQ/6Cg/6CwgKDAgKDQgKDggKDw/5AA/5AQ/5Ag/5AwgJBAgJBQ' +
  'gJBggJBw/5CA/5CQ/5Cg/5CwgJDAgJDQgJDggJDw/4AA/4AQ/4Ag/4AwgIBAgIBQgIBggIBw/4CA/4CQ/4Cg/4CwgIDAgIDQ' +
  'gIDggIDwgHAAgHAQgHAggHAw/3BA/3BQ/3Bg/3BwgHCAgHCQgHCggHCw/3DA/3DQ/3Dg/3DwgGAAgGAQgGAggGAw/2BA/2BQ' +
  '/2Bg/2BwgGCAgGCQgGCggGCw/2DA/2DQ/2Dg/2DwgFAAgFAQgFAggFAw/1BA/1BQ/1Bg/1BwgFCAgFCQgFCggFCw/1DA/1DQ' +
  '/1Dg/1DwgEAAgEAQgEAggEAw/0BA/0BQ/0Bg/0BwgECAgECQgECggECw/0DA/0DQ/0Dg/0Dw/zAA/zAQ/zAg/zAwgDBAgDBQ' +
  'gDBggDBw/zCA/zCQ/zCg/zCwgDDAgDDQgDDggDDw/yAA/yAQ/yAg/yAwgCBAgCBQgCBggCBw/yCA/yCQ/yCg/yCwgCDAgCDQ' +
  'gCDggCDw/xAA/xAQ/xAg/xAwgBBAgBBQgBBggBBw/xCA/xCQ/xCg/xCwgBDAgBDQgBDggBDw/wAA/wAQ/wAg/wAwgABAgABQ' +
  'gABggABw/wCA/wCQ/wCg/wCwgADAgADQgADggADw'

// ---------------------------------------------------------------------------------------------------
// PNGs made in code: small distinct images for `log_image(key=, step=)` series, the same bytes on
// every machine (8-bit RGB, no filtering, deflate "stored" blocks: nothing depends on a zlib build).

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  for (const byte of bytes) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  return ((b << 16) | a) >>> 0
}

function u32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]
}

function chunk(type: string, data: readonly number[] | Uint8Array): number[] {
  const body = new Uint8Array([...Array.from(type, (char) => char.charCodeAt(0)), ...data])
  return [...u32(data.length), ...body, ...u32(crc32(body))]
}

/** zlib data holding `raw` in stored (uncompressed) deflate blocks. */
function zlibStored(raw: Uint8Array): number[] {
  const out = [0x78, 0x01]
  const BLOCK = 65_535
  for (let start = 0; start < raw.length || start === 0; start += BLOCK) {
    const block = raw.subarray(start, start + BLOCK)
    const last = start + BLOCK >= raw.length
    out.push(
      last ? 1 : 0,
      block.length & 0xff,
      block.length >>> 8,
      ~block.length & 0xff,
      (~block.length >>> 8) & 0xff,
    )
    out.push(...block)
    if (last) break
  }
  out.push(...u32(adler32(raw)))
  return out
}

export type Rgb = readonly [number, number, number]

/** A `width`×`height` RGB PNG whose pixel (x, y) is `pixel(x, y)`. */
export function makePng(width: number, height: number, pixel: (x: number, y: number) => Rgb): Uint8Array {
  const raw = new Uint8Array(height * (1 + width * 3))
  let at = 0
  for (let y = 0; y < height; y++) {
    raw[at++] = 0 // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y)
      raw[at++] = r
      raw[at++] = g
      raw[at++] = b
    }
  }
  const header = [...u32(width), ...u32(height), 8, 2, 0, 0, 0]
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk('IHDR', header),
    ...chunk('IDAT', zlibStored(raw)),
    ...chunk('IEND', []),
  ])
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

const SIZE = 32
const CELLS = 4

/**
 * A 4×4 confusion matrix at a training step (32×32 px, one 8 px cell per class pair): the diagonal
 * grows darker and the rest lighter as `step` grows; `variant` shifts the errors, so two runs' matrices
 * at one step differ.
 */
export function confusionMatrixPng(step: number, variant = 0): Uint8Array {
  const cell = SIZE / CELLS
  return makePng(SIZE, SIZE, (x, y) => {
    const row = Math.floor(y / cell)
    const column = Math.floor(x / cell)
    const strength =
      row === column
        ? Math.min(1, 0.4 + step * 0.12)
        : Math.max(0, 0.5 - step * 0.1 + (((row * 3 + column + variant) % 4) - 1.5) * 0.05)
    const shade = Math.round(255 * (1 - strength))
    return [shade, shade, 255]
  })
}

/**
 * An ROC curve at a training step (32×32 px): the diagonal in grey and the curve, which bows further
 * towards the top left as `step` grows, in orange; `variant` bends it differently.
 */
export function rocCurvePng(step: number, variant = 0): Uint8Array {
  const power = 1 + step * 0.6 + variant * 0.35
  return makePng(SIZE, SIZE, (x, y) => {
    const fpr = x / (SIZE - 1)
    const tpr = 1 - y / (SIZE - 1)
    const curve = 1 - (1 - fpr) ** power
    if (Math.abs(tpr - curve) < 0.04) return [255, 127, 14]
    if (x === SIZE - 1 - y) return [200, 200, 200]
    return [255, 255, 255]
  })
}
