/**
 * Which way a metric improves, guessed from its name: `val_loss` and `eval/mae` get better as they
 * fall, `eval/accuracy` and `f1_score` as they rise; `system/gpu_utilization` or `lr` say nothing.
 * The compare page colours deltas by it and lets the user flip it per metric.
 */

export type MetricDirection = 'lower' | 'higher'

/** Words that say which way is better. Matched as whole words of the key, never as substrings. */
const LOWER_WORDS = [
  'loss',
  'error',
  'errors',
  'err',
  'mse',
  'mae',
  'rmse',
  'msle',
  'rmsle',
  'mape',
  'smape',
  'nll',
  'perplexity',
  'ppl',
  'wer',
  'cer',
  'fid',
  'bpd',
  'regret',
  'cost',
  'latency',
  'time',
  'duration',
  'runtime',
  'seconds',
] as const

const HIGHER_WORDS = [
  'acc',
  'accuracy',
  'f1',
  'precision',
  'recall',
  'auc',
  'rocauc',
  'r2',
  'bleu',
  'rouge',
  'map',
  'iou',
  'miou',
  'dice',
  'psnr',
  'ssim',
  'ndcg',
  'mrr',
  'reward',
  'throughput',
  'fps',
  'qps',
] as const

/**
 * `score` alone says "higher" (`f1_score`, `r2_score`), but yields to any other word: `wer_score`
 * is an error rate.
 */
const WEAK_HIGHER_WORDS = ['score'] as const

/** `samples_per_second`: work per unit of time is a rate, and more is better. */
const TIME_UNITS = ['second', 'seconds', 'sec', 's', 'minute', 'min', 'hour', 'hr', 'h'] as const

const WORD_DIRECTIONS: ReadonlyMap<string, MetricDirection> = new Map<string, MetricDirection>([
  ...LOWER_WORDS.map((word): [string, MetricDirection] => [word, 'lower']),
  ...HIGHER_WORDS.map((word): [string, MetricDirection] => [word, 'higher']),
])

/** Splits a camel-case part: `valLoss` -> val, Loss; `meanIoU` -> mean, Io, U; `mAP50` -> m, AP50. */
const CAMEL_BOUNDARY = /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/

/**
 * The words of one part of a key (a part is what lies between separators): the part itself, each
 * camel-case piece, and each run of adjacent pieces joined, so `meanIoU` yields `iou` and `mAP50`
 * yields `map50`. Lower-cased.
 */
function partWords(part: string): string[] {
  const pieces = part.split(CAMEL_BOUNDARY).map((piece) => piece.toLowerCase())
  const words: string[] = []
  for (let start = 0; start < pieces.length; start++) {
    let joined = ''
    for (let end = start; end < pieces.length; end++) {
      joined += pieces[end] ?? ''
      words.push(joined)
    }
  }
  return words
}

/** A word's direction; a trailing number is an index or a variant (`rouge1`, `acc5`, `map50`). */
function wordDirection(word: string): MetricDirection | undefined {
  return WORD_DIRECTIONS.get(word) ?? WORD_DIRECTIONS.get(word.replace(/\d+$/, ''))
}

function directionOf(parts: readonly string[]): MetricDirection | undefined {
  const found = new Set<MetricDirection>()
  let weak = false
  for (const part of parts) {
    for (const word of partWords(part)) {
      const direction = wordDirection(word)
      if (direction !== undefined) found.add(direction)
      else if (WEAK_HIGHER_WORDS.some((weakWord) => weakWord === word)) weak = true
    }
  }
  // Words pulling both ways (`time_to_accuracy`): no guess beats a wrong colour.
  if (found.size === 1) return found.has('lower') ? 'lower' : 'higher'
  if (found.size === 0 && weak) return 'higher'
  return undefined
}

/**
 * The direction a metric's name implies, or undefined when it implies none. The key splits into
 * parts at any character that is not a letter or a digit (`/ _ . - @ :` and spaces), then at
 * camel-case boundaries; a word must match whole (`power` is not `wer`). With `per` (`tokens_per_second`),
 * only the words before it count, and a rate over time with no other cue is a throughput.
 */
export function metricDirection(key: string): MetricDirection | undefined {
  const parts = key.split(/[^A-Za-z0-9]+/).filter((part) => part !== '')
  const per = parts.findIndex((part) => part.toLowerCase() === 'per')
  if (per === -1) return directionOf(parts)
  const direction = directionOf(parts.slice(0, per))
  if (direction !== undefined) return direction
  const unit = parts[per + 1]?.toLowerCase()
  return TIME_UNITS.some((timeUnit) => timeUnit === unit) ? 'higher' : undefined
}

/**
 * The direction after the user's flips: a flipped key takes the opposite of its name's direction.
 * A flipped key whose name implies no direction becomes 'higher': a set of flipped keys can hold
 * only one override per key, and "more is better" is the likelier intent for an unnamed quantity.
 */
export function effectiveDirection(key: string, flipped: ReadonlySet<string>): MetricDirection | undefined {
  const named = metricDirection(key)
  if (!flipped.has(key)) return named
  if (named === undefined) return 'higher'
  return named === 'lower' ? 'higher' : 'lower'
}
