import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist-web/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]", message: 'No focused tests.' },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'node:*'], message: 'The renderer reaches the desktop only through renderer/src/platform.' }] }],
    },
  },
  {
    // Layers import downward only: features may not reach up into app/, and the runtime layer
    // (runtime/, db/, platform/, ui/) may not reach up into any feature.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/app/**', 'renderer/src/main.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'node:*'], message: 'The renderer reaches the desktop only through renderer/src/platform.' },
        { group: ['../app/*'], message: 'app/ sits on top: import from runtime/ instead.' },
      ] }],
    },
  },
  {
    // Components render and dispatch: a .tsx never builds, writes or parses a workbook (that is
    // shared/excel, run by export/ jobs). File names and the district merge live by concept
    // (shared/exportFileNames.ts, shared/district/).
    files: ['renderer/src/**/*.tsx'],
    ignores: ['renderer/src/app/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'node:*'], message: 'The renderer reaches the desktop only through renderer/src/platform.' },
        { group: ['../app/*'], message: 'app/ sits on top: import from runtime/ instead.' },
        { group: ['**/shared/excel/*'], message: 'A component does not touch the workbook format: run an export/ job.' },
      ] }],
    },
  },
  {
    files: ['renderer/src/runtime/**/*.{ts,tsx}', 'renderer/src/db/**/*.ts', 'renderer/src/platform/**/*.ts', 'renderer/src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'node:*'], message: 'The renderer reaches the desktop only through renderer/src/platform.' },
        { group: ['../app/*', '../booth/*', '../handover/*', '../supervisor/*', '../shift/*', '../incidents/*', '../settings/*', '../export/*', '../recovery/*', '../watchlist/*', '../access/*'], message: 'A lower layer may not import a feature.' },
      ] }],
    },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'tests/**/*.ts', '*.config.{ts,js}', 'bench/*.{ts,mjs,js}', 'bench/operator/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // The bench page runs in the browser (and its worker) and measures the shipped code: it may
    // import renderer/src and shared/ (type-checked by bench/tsconfig.json, not as product code).
    files: ['bench/page/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    // shared/ is pure domain code used by main and renderer alike.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*', 'node:*', 'fs', 'path', 'os', 'child_process', 'react', 'react-dom', 'react-dom/*', 'dexie', '**/renderer/**', '**/electron/**'], message: 'shared/ is pure domain code: no electron, node, DOM or storage imports.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'require', '__dirname'],
    },
  },
);
