/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `1` in mock builds (`npm run dev:mock`, the static demo): the MSW worker answers the API. */
  readonly VITE_MOCK?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
