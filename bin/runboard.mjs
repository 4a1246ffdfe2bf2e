#!/usr/bin/env node
// The `runboard` command: runs server/cli.ts through tsx in this process (no child to forward
// signals to). tsx gets the repository's tsconfig explicitly, so the `@/` and `@mocks/` path
// aliases resolve from any working folder.
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })
await import('../server/cli.ts')
