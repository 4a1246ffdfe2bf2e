/**
 * The client's own decoders, by route: the contract test runs every successful real response through
 * the one the app would use, so a server shape the client cannot read fails here first.
 */

import { listingDecoder } from '@/api/artifacts'
import { array, object, type Decoder } from '@/api/decode'
import { experimentDecoder } from '@/api/experiments'
import { loggedModelDecoder } from '@/api/logged-models'
import { metricPointDecoder, runMetricPointDecoder } from '@/api/metrics'
import { modelVersionDecoder, registeredModelDecoder } from '@/api/model-registry'
import { pageOf } from '@/api/paging'
import { runDecoder } from '@/api/runs'
import { serverInfoDecoder } from '@/api/server'

const ROUTES: readonly (readonly [RegExp, Decoder<unknown>])[] = [
  [/\/experiments\/search$/, pageOf('experiments', experimentDecoder)],
  [/\/experiments\/get(-by-name)?$/, object((field) => field('experiment', experimentDecoder))],
  [/\/runs\/search$/, pageOf('runs', runDecoder)],
  [/\/runs\/get$/, object((field) => field('run', runDecoder))],
  [/\/metrics\/get-history$/, pageOf('metrics', metricPointDecoder)],
  [
    /\/metrics\/get-history-bulk-interval$/,
    object((field) => field('metrics', array(runMetricPointDecoder))),
  ],
  [/\/artifacts\/list$/, listingDecoder],
  [/\/registered-models\/search$/, pageOf('registered_models', registeredModelDecoder)],
  [/\/registered-models\/get$/, object((field) => field('registered_model', registeredModelDecoder))],
  [/\/model-versions\/search$/, pageOf('model_versions', modelVersionDecoder)],
  [/\/model-versions\/get$/, object((field) => field('model_version', modelVersionDecoder))],
  [/\/logged-models\/search$/, pageOf('models', loggedModelDecoder)],
  [/\/logged-models\/m-[0-9a-f]+$/, object((field) => field('model', loggedModelDecoder))],
  [/\/3\.0\/mlflow\/server-info$/, serverInfoDecoder],
]

export function decoderFor(path: string): Decoder<unknown> | undefined {
  return ROUTES.find(([pattern]) => pattern.test(path))?.[1]
}
