// ESLint flat config. Besides the usual TypeScript and React rules it enforces
// the layering of docs/ARCHITECTURE.md ("Layers"): a file that imports across a
// forbidden boundary fails the lint run (see test/lint/layering.test.ts), and so
// does an import cycle (import-x/no-cycle; see test/lint/no-cycle.test.ts).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = `^(node:.*|${builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/[/]/g, '\\/')).join('|')})(\\/.*)?$`;

const noElectron = { name: 'electron', message: 'Sólo electron/main y electron/preload pueden importar "electron".' };
const layer = (message, ...regexes) => regexes.map((regex) => ({ regex, message }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/lint-fixtures/**', 'electron/services/shipments/test-fixtures/make-format1-vault.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Cycles are looked for among the repository's own modules only: imports of
    // packages are not followed, which keeps the rule cheap.
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // Parse each module once per run: the default cache lifetime (30 s) is shorter than a lint run here.
      'import-x/cache': { lifetime: Infinity },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            ...layer('El renderer no usa módulos de Node: pida al núcleo por IPC.', nodeBuiltins),
            ...layer('El renderer no importa código de electron/: use el cliente de IPC.', '(^|\\/)electron\\/'),
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            ...layer('shared/ corre en ambos procesos: sin módulos de Node.', nodeBuiltins),
            ...layer('shared/ no depende de electron/ ni de renderer/.', '(^|\\/)(electron|renderer)\\/'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'El núcleo (electron/services) no importa "electron": se prueba en Node puro.' },
            { name: 'react-dom', message: 'El núcleo no importa react-dom.' },
          ],
          patterns: [
            ...layer('El núcleo no importa de electron/main, electron/preload ni renderer/.', '(^|\\/)(main|preload|renderer)\\/', '^electron\\/'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: layer('El preload sólo expone invoke: no importa el núcleo ni el renderer.', '(^|\\/)(services|renderer)\\/') },
      ],
    },
  },
  {
    // One component per file in the pages, helpers included (ignoreStateless: false):
    // a page's parts are found by file name, and each can be read and tested alone.
    files: ['renderer/src/pages/**/*.tsx'],
    plugins: { react },
    settings: { react: { version: '19' } },
    rules: {
      'react/no-multi-comp': ['error', { ignoreStateless: false }],
    },
  },
);
