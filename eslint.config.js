// @ts-check
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import pluginQuery from '@tanstack/eslint-plugin-query'

/**
 * Layer rules (../shared/docs/architecture.md): domain <- api <- features <- app; ui is a leaf;
 * mocks/, e2e/, contract/ and server/ sit outside src/ and only point in. ESLint does not merge two
 * `no-restricted-imports` entries for one file, so each file group gets exactly one, built here.
 * @param {string[]} layers layers of src/ this group may not import
 * @param {{ group: string[], message: string }[]} [extra]
 * @param {{ name: string, message: string }[]} [paths]
 */
function layerRule(layers, extra = [], paths = []) {
  const patterns = layers.flatMap((layer) => [
    {
      group: [
        `@/${layer}/*`,
        `@/${layer}`,
        `**/src/${layer}/*`,
        `../${layer}/*`,
        `../../${layer}/*`,
        `../../../${layer}/*`,
      ],
      message: `This layer may not import from src/${layer} (see architecture.md).`,
    },
  ])
  return { 'no-restricted-imports': ['error', { patterns: [...patterns, ...extra], paths }] }
}
const noMocks = { group: ['@mocks/*', '**/mocks/*'], message: 'App code never imports mocks/.' }
const noRouter = {
  name: 'react-router',
  message: 'Features do not touch the router: routes pass values and callbacks.',
}
/** @param {number} depth */
const leaveFeature = (depth) => ({
  group: ['../'.repeat(depth) + '*'],
  message: 'A feature never imports another feature (meet in app/routes); import other layers through @/.',
})

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'coverage',
      'public/mockServiceWorker.js',
      'playwright-report',
      'test-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // This rule only warns that the React Compiler skips components using TanStack Virtual; we do
      // not run the compiler.
      'react-hooks/incompatible-library': 'off',
      ...pluginQuery.configs.recommended.rules,
    },
  },
  // Type assertions are allowed only in tests.
  {
    files: ['src/**/*.{ts,tsx}', 'mocks/**/*.ts', 'server/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}', 'src/testing/**'],
    rules: { '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }] },
  },
  {
    files: ['src/domain/**'],
    rules: layerRule(['api', 'features', 'app', 'ui', 'url-state', 'testing'], [noMocks]),
  },
  { files: ['src/api/**'], rules: layerRule(['features', 'app', 'ui', 'url-state', 'testing'], [noMocks]) },
  { files: ['src/ui/**'], rules: layerRule(['api', 'features', 'app', 'url-state', 'testing'], [noMocks]) },
  { files: ['src/url-state/**'], rules: layerRule(['api', 'features', 'app', 'ui', 'testing'], [noMocks]) },
  {
    files: ['src/features/*/*'],
    rules: layerRule(['app', 'url-state', 'testing'], [noMocks, leaveFeature(1)], [noRouter]),
  },
  {
    files: ['src/features/*/*/*'],
    rules: layerRule(['app', 'url-state', 'testing'], [noMocks, leaveFeature(2)], [noRouter]),
  },
  { files: ['src/app/**'], rules: layerRule(['testing'], [noMocks]) },
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/testing/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['mocks/**', 'server/**', 'contract/**', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: layerRule(['features', 'app', 'ui', 'url-state', 'testing']),
  },
  { files: ['eslint.config.js'], extends: [tseslint.configs.disableTypeChecked] },
)
