// Lint rules, including the rooms of docs/architecture.md: which folder may import what.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import rooms from './eslint/rooms-plugin.ts';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'http',
  'https',
  'net',
  'crypto',
  'child_process',
  'url',
  'stream',
  'events',
  'util',
  'zlib',
  'tls',
  'dns',
  'worker_threads',
];
const electronOnly = {
  group: ['electron', 'electron/*', '@electron-toolkit/*'],
  message:
    'Only src/main/index.ts, src/main/windows/* and src/preload import electron (docs/architecture.md, "The rooms"): the rest of main is plain Node, so it runs under vitest and browser mode.',
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { rooms },
    rules: {
      'rooms/index-only': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [electronOnly] }],
    },
  },
  {
    files: ['src/main/index.ts', 'src/main/windows/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronOnly,
            { group: nodeBuiltins, message: 'src/shared is pure: no Node built-ins.' },
            {
              group: ['react', 'react-dom', '**/main/**', '**/renderer/**', '**/sandbox/**', '**/browser/**'],
              message: 'src/shared imports only src/shared and pure libraries.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'process',
        'Buffer',
        'localStorage',
      ],
    },
  },
  {
    files: ['src/node-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronOnly,
            {
              group: [
                'react',
                'react-dom',
                '**/main/**',
                '**/renderer/**',
                '**/sandbox/**',
                '**/browser/**',
                '**/preload/**',
              ],
              message:
                'src/node-shared is Node code main and the sandbox share: it imports only Node, src/shared and libraries.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronOnly,
            { group: nodeBuiltins, message: 'The renderer has no Node: talk to window.pos.' },
            {
              group: ['**/main/**', '**/sandbox/**', '**/browser/**', '**/preload/**'],
              message:
                'The renderer never imports from main, sandbox, browser or preload: talk to window.pos.',
            },
          ],
        },
      ],
    },
  },
);
