/**
 * The named mock scenarios, apart from the mocks themselves, so that the server can validate
 * `--mock-scenario` without loading MSW and the mock world in proxy or local-store mode.
 */

export const SCENARIO_NAMES = [
  'demo',
  'contract',
  'empty',
  'huge',
  'runs-20k',
  'charts-bench',
  'sweep-5k',
  'server-error',
  'slow',
  'unreachable',
] as const
export type ScenarioName = (typeof SCENARIO_NAMES)[number]

export const SCENARIO_DESCRIPTIONS: Readonly<Record<ScenarioName, string>> = {
  demo: 'the demo world: the contract world plus a 2,220-run nested sweep and 100,000-step histories',
  contract: 'only the contract world, exactly as the seed script logs it into a real server',
  empty: 'a fresh server: the Default experiment and nothing else',
  huge: 'the demo world plus an experiment of 50,000 runs and artifact-huge: a 1 GiB binary, a 1 GiB log and a 50 MiB JSON, made as read',
  'runs-20k':
    'the demo world plus sweep-20k: 20,000 runs with 50 params, 30 metrics and 20 tags each, nested runs, datasets',
  'charts-bench':
    'the demo world plus charts-bench: 10 runs × 100,000 steps of one metric and 10 runs × 30 metrics × 10,000 steps',
  'sweep-5k': 'the demo world plus sweep-5k: 5,000 runs of a 5-param sweep, for the chart view at scale',
  'server-error': 'every MLflow API call fails with 500 INTERNAL_ERROR',
  slow: 'the demo world, answering every API call after 1.5 s',
  unreachable: 'every request fails at the network level, as when the tracking server is down',
}

export function isScenarioName(name: string): name is ScenarioName {
  return SCENARIO_NAMES.some((candidate) => candidate === name)
}
