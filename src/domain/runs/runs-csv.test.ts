import { makeRun as makeTestRun, type RunSpec } from '@/testing/make-run'
import { describe, expect, it } from 'vitest'
import type { Run } from './run'
import type { ColumnRef } from './run-columns'
import { csvTextField, isoDuration, runsToCsv } from './runs-csv'

/** A run with this file's defaults; see src/testing/make-run.ts. */
function makeRun(spec: RunSpec = {}): Run {
  return makeTestRun({
    runId: 'r1',
    runName: 'run',
    startTime: Date.UTC(2026, 0, 5, 9, 0, 0),
    endTime: Date.UTC(2026, 0, 5, 10, 2, 3, 500),
    ...spec,
  })
}

const attr = (key: string): ColumnRef => ({ group: 'attributes', key })
const param = (key: string): ColumnRef => ({ group: 'params', key })
const metric = (key: string): ColumnRef => ({ group: 'metrics', key })
const tag = (key: string): ColumnRef => ({ group: 'tags', key })

describe('runsToCsv', () => {
  it('writes a header of labels and group.key, then one record per run, CRLF after each', () => {
    const csv = runsToCsv(
      [makeRun({ params: { lr: '0.1' }, metrics: { loss: 0.25 }, tags: { team: 'nlp' } })],
      [attr('run_name'), attr('status'), param('lr'), metric('loss'), tag('team')],
    )
    expect(csv).toBe('Run,Status,params.lr,metrics.loss,tags.team\r\nrun,FINISHED,0.1,0.25,nlp\r\n')
  })

  it('writes only the header for no runs', () => {
    expect(runsToCsv([], [attr('run_name')])).toBe('Run\r\n')
  })

  it.each<[string, Run, ColumnRef, string]>([
    ['start time as ISO 8601', makeRun(), attr('start_time'), '2026-01-05T09:00:00.000Z'],
    ['duration as ISO 8601', makeRun(), attr('duration'), 'PT1H2M3.5S'],
    ['no duration while running', makeRun({ status: 'RUNNING', endTime: undefined }), attr('duration'), ''],
    ['missing start', makeRun({ startTime: undefined }), attr('start_time'), ''],
    ['missing param', makeRun(), param('lr'), ''],
    ['empty param', makeRun({ params: { lr: '' } }), param('lr'), ''],
    ['NaN', makeRun({ metrics: { m: NaN } }), metric('m'), 'NaN'],
    ['Infinity', makeRun({ metrics: { m: Infinity } }), metric('m'), 'Infinity'],
    [
      '-Infinity is a number, not a formula',
      makeRun({ metrics: { m: -Infinity } }),
      metric('m'),
      '-Infinity',
    ],
    ['negative metric', makeRun({ metrics: { m: -0.5 } }), metric('m'), '-0.5'],
    ['tiny metric', makeRun({ metrics: { m: 1e-7 } }), metric('m'), '1e-7'],
    ['comma quoted', makeRun({ params: { p: 'a,b' } }), param('p'), '"a,b"'],
    ['quotes doubled', makeRun({ params: { p: 'say "hi"' } }), param('p'), '"say ""hi"""'],
    ['newline quoted', makeRun({ tags: { t: 'line1\nline2' } }), tag('t'), '"line1\nline2"'],
    ['CR quoted', makeRun({ tags: { t: 'a\rb' } }), tag('t'), '"a\rb"'],
    ['formula defused', makeRun({ params: { p: '=SUM(A1)' } }), param('p'), "'=SUM(A1)"],
    ['plus formula defused', makeRun({ params: { p: '+cmd' } }), param('p'), "'+cmd"],
    ['minus text defused', makeRun({ params: { p: '-x' } }), param('p'), "'-x"],
    ['at defused', makeRun({ params: { p: '@SUM(1)' } }), param('p'), "'@SUM(1)"],
    ['tab defused', makeRun({ params: { p: '\tx' } }), param('p'), "'\tx"],
    ['defused and quoted', makeRun({ params: { p: '=1,2' } }), param('p'), `"'=1,2"`],
    ['negative number text kept', makeRun({ params: { p: '-5' } }), param('p'), '-5'],
    ['signed exponent kept', makeRun({ params: { p: '+1e-3' } }), param('p'), '+1e-3'],
    ['run name defused', makeRun({ runName: '=HYPERLINK("x")' }), attr('run_name'), `"'=HYPERLINK(""x"")"`],
    ['unicode kept', makeRun({ tags: { t: 'école 🚀' } }), tag('t'), 'école 🚀'],
  ])('%s', (_, run, column, field) => {
    expect(runsToCsv([run], [column]).split('\r\n')[1]).toBe(field)
  })

  it('quotes and defuses header cells too', () => {
    expect(runsToCsv([], [param('a,b'), tag('=x'), metric('val loss')])).toBe(
      '"params.a,b",tags.=x,metrics.val loss\r\n',
    )
    expect(runsToCsv([], [param('-lr')])).toBe('params.-lr\r\n')
  })

  it('exports 20k runs with 50 params, 30 metrics and 20 tags', () => {
    const runs = Array.from({ length: 20_000 }, (_, i) =>
      makeRun({
        runId: `r${i}`,
        runName: `run ${i}`,
        params: Object.fromEntries(
          Array.from({ length: 50 }, (_, k) => [`p${k}`, String((i * (k + 1)) % 97)]),
        ),
        metrics: Object.fromEntries(
          Array.from({ length: 30 }, (_, k) => [`m${k}`, ((i * (k + 1)) % 1013) / 7]),
        ),
        tags: Object.fromEntries(Array.from({ length: 20 }, (_, k) => [`t${k}`, `v,${i % (k + 2)}`])),
      }),
    )
    const columns: ColumnRef[] = [
      attr('run_name'),
      attr('start_time'),
      attr('duration'),
      ...Array.from({ length: 50 }, (_, k) => param(`p${k}`)),
      ...Array.from({ length: 30 }, (_, k) => metric(`m${k}`)),
      ...Array.from({ length: 20 }, (_, k) => tag(`t${k}`)),
    ]
    const lines = runsToCsv(runs, columns).split('\r\n')
    expect(lines).toHaveLength(20_002)
    expect(lines[1]?.startsWith('run 0,2026-01-05T09:00:00.000Z,PT1H2M3.5S,0,0,')).toBe(true)
    expect(lines[1]?.endsWith(',"v,0","v,0"')).toBe(true)
  })
})

describe('csvTextField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['=1+1', "'=1+1"],
    ['1.5', '1.5'],
    ['-.5', '-.5'],
    ['-', "'-"],
    ['a"b', '"a""b"'],
  ])('%j -> %j', (text, field) => {
    expect(csvTextField(text)).toBe(field)
  })
})

describe('isoDuration', () => {
  it.each([
    [0, 'PT0S'],
    [250, 'PT0.25S'],
    [5_000, 'PT5S'],
    [60_000, 'PT1M'],
    [3_723_500, 'PT1H2M3.5S'],
    [90_000_000, 'PT25H'],
    [-5_000, '-PT5S'],
  ])('%d ms -> %s', (ms, text) => {
    expect(isoDuration(ms)).toBe(text)
  })
})
