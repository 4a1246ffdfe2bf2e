import { describe, expect, it } from 'vitest'
import { parseDelimited, parseDelimitedRecords, tableFromLoggedJson } from './parse-delimited'

describe('parseDelimitedRecords', () => {
  it.each([
    [
      'plain',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'lone CR',
      'a,b\r1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['quoted delimiter', '"a,b",c', [['a,b', 'c']]],
    ['doubled quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    [
      'newline inside quotes',
      '"line1\nline2",x\n1,2',
      [
        ['line1\nline2', 'x'],
        ['1', '2'],
      ],
    ],
    ['CRLF inside quotes', '"l1\r\nl2",x', [['l1\r\nl2', 'x']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['trailing delimiter at end', 'a,b,', [['a', 'b', '']]],
    ['empty quoted field', '"",x', [['', 'x']]],
    ['byte order mark', '\uFEFFa,b', [['a', 'b']]],
    ['empty text', '', []],
  ])('%s', (_name, text, expected) => {
    expect(parseDelimitedRecords(text, ',')).toEqual({ records: expected })
  })

  it('splits on tabs for TSV and leaves commas alone', () => {
    expect(parseDelimitedRecords('a\tb,c\n1\t2', '\t').records).toEqual([
      ['a', 'b,c'],
      ['1', '2'],
    ])
  })

  it('reports a quote that never closes, keeping what parsed', () => {
    const result = parseDelimitedRecords('a,b\n1,"open\n2,3', ',')
    expect(result.records).toEqual([
      ['a', 'b'],
      ['1', 'open\n2,3'],
    ])
    expect(result.warning).toMatch(/never closes/)
  })

  it('keeps text after a closing quote and warns', () => {
    const result = parseDelimitedRecords('"a"b,c', ',')
    expect(result.records).toEqual([['ab', 'c']])
    expect(result.warning).toMatch(/closing quote/)
  })
})

describe('parseDelimited', () => {
  it('uses the first row as header and skips blank lines', () => {
    expect(parseDelimited('x,y\n1,2\n\n3,4\n', ',')).toEqual({
      columns: ['x', 'y'],
      rows: [
        ['1', '2'],
        ['3', '4'],
      ],
    })
  })

  it('pads short rows, widens for long ones, and says so', () => {
    const table = parseDelimited('x,y\n1\n1,2,3', ',')
    expect(table.columns).toEqual(['x', 'y', 'column 3'])
    expect(table.rows).toEqual([
      ['1', '', ''],
      ['1', '2', '3'],
    ])
    expect(table.warning).toBe('2 rows have a different number of fields than the header.')
  })

  it('gives an empty table for empty text', () => {
    expect(parseDelimited('', ',')).toEqual({ columns: [], rows: [] })
  })

  it('parses 3,000 rows quickly', () => {
    const lines = ['a,b,c,d,e,f']
    for (let i = 0; i < 3000; i++)
      lines.push(`${String(i)},"x, ${String(i)}",${String(i * 0.5)},foo,bar,"q""q"`)
    const start = performance.now()
    const table = parseDelimited(lines.join('\r\n'), ',')
    expect(performance.now() - start).toBeLessThan(200)
    expect(table.rows).toHaveLength(3000)
    expect(table.rows[2999]).toEqual(['2999', 'x, 2999', '1499.5', 'foo', 'bar', 'q"q'])
  })
})

describe('tableFromLoggedJson', () => {
  it('reads the split orient that log_table writes', () => {
    expect(
      tableFromLoggedJson({
        columns: ['question', 'score', 'ok', 'meta'],
        data: [
          ['what?', 0.5, true, { a: 1 }],
          ['why?', null],
        ],
      }),
    ).toEqual({
      columns: ['question', 'score', 'ok', 'meta'],
      rows: [
        ['what?', '0.5', 'true', '{"a":1}'],
        ['why?', '', '', ''],
      ],
    })
  })

  it.each([[null], [[1, 2]], ['text'], [{ columns: ['a'] }], [{ columns: 'a', data: [] }]])(
    'rejects %j',
    (value) => {
      expect(tableFromLoggedJson(value)).toBeUndefined()
    },
  )

  it('skips entries that are not rows', () => {
    const table = tableFromLoggedJson({ columns: ['a'], data: [['1'], 5] })
    expect(table?.rows).toEqual([['1']])
    expect(table?.warning).toMatch(/skipped/)
  })
})
