/** Python values as `ast.literal_eval` produces them, and their `repr()` for MLflow's messages. */

export type PyValue =
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'bytes'; readonly v: string }
  | { readonly t: 'int'; readonly v: bigint }
  | { readonly t: 'float'; readonly v: number }
  | { readonly t: 'complex'; readonly re: number; readonly im: number }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'none' }
  | { readonly t: 'ellipsis' }
  | { readonly t: 'tuple' | 'list' | 'set'; readonly items: readonly PyValue[] }
  | { readonly t: 'dict'; readonly entries: readonly (readonly [PyValue, PyValue])[] }

function reprStr(s: string, bytes: boolean): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'"
  let out = ''
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === quote || ch === '\\') out += `\\${ch}`
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (code < 0x20 || code === 0x7f || (bytes && code > 0x7f)) {
      out += `\\x${code.toString(16).padStart(2, '0')}`
    } else if (!bytes && /[\p{C}\p{Z}]/u.test(ch) && ch !== ' ') {
      out +=
        code <= 0xff
          ? `\\x${code.toString(16).padStart(2, '0')}`
          : code <= 0xffff
            ? `\\u${code.toString(16).padStart(4, '0')}`
            : `\\U${code.toString(16).padStart(8, '0')}`
    } else out += ch
  }
  return `${bytes ? 'b' : ''}${quote}${out}${quote}`
}

function reprFloat(v: number): string {
  if (Number.isNaN(v)) return 'nan'
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf'
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v.toFixed(0)}.0`
  const exp = Math.floor(Math.log10(Math.abs(v)))
  if (exp < -4 || exp >= 16) {
    const [mantissa = '', e = '0'] = v.toExponential().split('e')
    const n = Number(e)
    return `${mantissa}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`
  }
  return String(v)
}

/** Python's `repr()` of a literal value (set and dict order as written). */
export function pyRepr(value: PyValue): string {
  switch (value.t) {
    case 'str':
      return reprStr(value.v, false)
    case 'bytes':
      return reprStr(value.v, true)
    case 'int':
      return value.v.toString()
    case 'float':
      return reprFloat(value.v)
    case 'complex':
      return value.re === 0
        ? `${reprFloat(value.im).replace(/\.0$/, '')}j`
        : `(${reprFloat(value.re)}+${reprFloat(value.im)}j)`
    case 'bool':
      return value.v ? 'True' : 'False'
    case 'none':
      return 'None'
    case 'ellipsis':
      return 'Ellipsis'
    case 'tuple':
      return value.items.length === 1
        ? `(${pyRepr(value.items[0] ?? { t: 'none' })},)`
        : `(${value.items.map(pyRepr).join(', ')})`
    case 'list':
      return `[${value.items.map(pyRepr).join(', ')}]`
    case 'set':
      return value.items.length === 0 ? 'set()' : `{${value.items.map(pyRepr).join(', ')}}`
    case 'dict':
      return `{${value.entries.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`
  }
}
