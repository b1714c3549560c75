import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/**
 * The layer rules of ARCHITECTURE.md, enforced: a wrong-layer import fails `npm run lint`.
 * shared ← backend ← main/web/cli; shared ← renderer; preload sees only shared and electron.
 */
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'stream', 'worker_threads']

const layer = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }]
})

const rendererOutside = ['electron', ...nodeBuiltins, '**/backend/**', '**/main/**', '**/web/**', '**/cli/**', '**/preload/**']
const rendererMessage = 'The renderer reaches the backend only through src/renderer/src/lib/api.ts.'

export const layerRules = {
  'src/shared/**': layer(
    ['electron', ...nodeBuiltins, 'react', 'react-dom', '@mui/*', '**/backend/**', '**/main/**', '**/renderer/**', '**/web/**', '**/cli/**', '**/preload/**'],
    'src/shared is pure TypeScript: no electron, node:*, DOM libraries or outer layers.'
  ),
  'src/renderer/**': layer(rendererOutside, rendererMessage),
  // Inside the renderer: app composes features, features use lib and components, and a feature
  // is reached only through its index.ts (its public face), never past it.
  'src/renderer/src/features/**': {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: rendererOutside, message: rendererMessage },
          { regex: '(^|/)app(/|$)', message: 'Features do not import from app/: move what they share to lib/ or components/.' },
          { regex: '^\\.\\./(?!\\.)[^/]+/(?!index$)', message: "Import another feature through its index.ts ('../feature'), not past it." }
        ]
      }
    ]
  },
  'src/renderer/src/{app,lib,components}/**': {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: rendererOutside, message: rendererMessage },
          { regex: '(^|/)features/[^/]+/(?!index$)', message: "Import a feature through its index.ts ('../features/x'), not past it." }
        ]
      }
    ]
  },
  'src/backend/**': layer(
    ['electron', 'react', 'react-dom', '@mui/*', '**/main/**', '**/renderer/**', '**/web/**', '**/cli/**', '**/preload/**'],
    'src/backend runs without Electron and knows no adapter.'
  ),
  'src/preload/**': layer(
    [...nodeBuiltins, '**/backend/**', '**/main/**', '**/renderer/**', '**/web/**', '**/cli/**'],
    'The sandboxed preload may use only electron and src/shared.'
  ),
  'src/{web,cli}/**': layer(['electron', '**/main/**', '**/renderer/**', '**/preload/**'], 'Adapters other than main run without Electron.'),
  'src/main/**': layer(['**/renderer/**', '**/web/**', '**/cli/**', '**/preload/**'], 'main is an adapter over src/backend.')
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'vendor/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-empty-pattern': 'off'
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules
  },
  ...Object.entries(layerRules).map(([glob, rules]) => ({ files: [`${glob}/*.{ts,tsx}`], rules })),
  {
    // House rules for production code: a file over 300 lines or a function over 80 is split
    // into named steps; a value the types cannot prove is narrowed (a guard, for…of,
    // destructuring) or checked with `defined()`, never asserted with `!`.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-non-null-assertion': 'error'
    }
  }
)
