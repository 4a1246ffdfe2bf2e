/**
 * The parameter diff of the compare page: runs as columns, keys as rows, in sections. A row
 * "differs" when its values are not all the same; a missing value differs from any present one.
 */

import { SYSTEM_TAGS, type Run } from './run'
import { cellValue, collectRunKeys, type CellValue } from './run-columns'

export type DiffSection = 'params' | 'metrics' | 'system' | 'tags' | 'attributes'

export const DIFF_SECTIONS: readonly DiffSection[] = ['params', 'metrics', 'system', 'tags', 'attributes']

export const DIFF_SECTION_TITLES: Record<DiffSection, string> = {
  params: 'Parameters',
  metrics: 'Metrics (latest)',
  system: 'System metrics',
  tags: 'Tags',
  attributes: 'Attributes',
}

export interface DiffRow {
  readonly section: DiffSection
  /** The key as logged, or an attribute's label. */
  readonly key: string
  /** One value per run, in the runs' order; undefined = missing. */
  readonly values: readonly CellValue[]
  readonly differs: boolean
}

/** MLflow's system metrics (GPU, CPU, memory) are logged under this prefix. */
const SYSTEM_PREFIX = 'system/'

const ATTRIBUTES: readonly { key: string; read: (run: Run) => CellValue }[] = [
  { key: 'Status', read: (run) => run.info.status },
  { key: 'Started', read: (run) => run.info.startTime },
  { key: 'Duration', read: (run) => cellValue(run, { group: 'attributes', key: 'duration' }) },
  { key: 'User', read: (run) => cellValue(run, { group: 'attributes', key: 'user' }) },
  { key: 'Source', read: (run) => run.tags[SYSTEM_TAGS.sourceName] },
  { key: 'Git commit', read: (run) => run.tags[SYSTEM_TAGS.gitCommit] },
]

function same(a: CellValue, b: CellValue): boolean {
  // NaN is the same as NaN here: two runs that both diverged do not differ.
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b))
}

function row(section: DiffSection, key: string, values: CellValue[]): DiffRow {
  const [first] = values
  return { section, key, values, differs: values.some((value) => !same(value, first)) }
}

/** Every row of the diff, section by section, keys in natural order. */
export function diffRuns(runs: readonly Run[]): DiffRow[] {
  const keys = collectRunKeys(runs)
  const rows: DiffRow[] = []
  for (const key of keys.params)
    rows.push(
      row(
        'params',
        key,
        runs.map((run) => run.params[key]),
      ),
    )
  for (const key of keys.metrics) {
    const section = key.startsWith(SYSTEM_PREFIX) ? 'system' : 'metrics'
    rows.push(
      row(
        section,
        key,
        runs.map((run) => run.metrics[key]?.value),
      ),
    )
  }
  for (const key of keys.tags)
    rows.push(
      row(
        'tags',
        key,
        runs.map((run) => run.tags[key]),
      ),
    )
  for (const attribute of ATTRIBUTES)
    rows.push(
      row(
        'attributes',
        attribute.key,
        runs.map((run) => attribute.read(run)),
      ),
    )
  return DIFF_SECTIONS.flatMap((section) => rows.filter((candidate) => candidate.section === section))
}
