/**
 * Deterministic randomness for generated worlds: the same seed gives the same data in every
 * process, so a test worker, the demo server and the seed script agree without sharing state.
 */

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

function fnv1a(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, FNV_PRIME) >>> 0
  }
  return hash
}

/** Final avalanche so that close inputs give unrelated outputs. */
function avalanche(hash: number): number {
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b) >>> 0
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0
  hash ^= hash >>> 16
  return hash >>> 0
}

/** 32-bit FNV-1a of a string, mixed with a seed. */
export function hashString(text: string, seed = 0): number {
  return avalanche(fnv1a((FNV_OFFSET ^ seed) >>> 0, text))
}

/**
 * `hashString(prefix + suffix, seed)` for many suffixes, hashing the prefix once: a formula hashes
 * `<seed>:<step>` for each of 100,000 steps, and building and hashing the whole text each time
 * was most of the cost of a history page.
 */
export function prefixHasher(prefix: string, seed = 0): (suffix: string) => number {
  const state = fnv1a((FNV_OFFSET ^ seed) >>> 0, prefix)
  return (suffix) => avalanche(fnv1a(state, suffix))
}

/** A 32-hex-character id (the shape of an MLflow run id) derived from a name. */
export function hexId(name: string): string {
  let out = ''
  for (let part = 0; part < 4; part++)
    out += hashString(name, part * 0x9e3779b9)
      .toString(16)
      .padStart(8, '0')
  return out
}

/** mulberry32: a small, fast PRNG with a 32-bit state. Returns floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Picks one element; the list must not be empty. */
export function pick<T>(random: () => number, items: readonly [T, ...T[]]): T {
  return items[Math.floor(random() * items.length)] ?? items[0]
}
