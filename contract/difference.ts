/** The first place two normalised responses differ, said in one line, for readable failures. */

function show(value: unknown): string {
  if (value === undefined) return '(missing)'
  const text = JSON.stringify(value)
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

export function firstDifference(mock: unknown, real: unknown, path = '$'): string | undefined {
  if (Object.is(mock, real)) return undefined
  if (Array.isArray(mock) && Array.isArray(real)) {
    for (let i = 0; i < Math.max(mock.length, real.length); i++) {
      const found = firstDifference(mock[i], real[i], `${path}[${i}]`)
      if (found !== undefined) return found
    }
    return undefined
  }
  if (
    mock !== null &&
    real !== null &&
    typeof mock === 'object' &&
    typeof real === 'object' &&
    !Array.isArray(mock) &&
    !Array.isArray(real)
  ) {
    const keys = new Set([...Object.keys(mock), ...Object.keys(real)])
    for (const key of keys) {
      const found = firstDifference(Reflect.get(mock, key), Reflect.get(real, key), `${path}.${key}`)
      if (found !== undefined) return found
    }
    return undefined
  }
  return `at ${path}: mock ${show(mock)} but real ${show(real)}`
}
