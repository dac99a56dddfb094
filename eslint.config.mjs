// Lint: typescript-eslint with type information. The pure core must not import `vscode` or Node
// built-ins; the extension code must not import Node built-ins (it also runs in a web worker).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'util',
  'url',
  'http',
  'https',
  'net',
  'stream',
  'events',
  'buffer',
  'worker_threads',
  'process',
  'readline',
  'zlib',
];
const noNode = nodeBuiltins.flatMap((m) => [m, `node:${m}`, `${m}/*`]);

export default tseslint.config(
  { ignores: ['dist/', 'out/', '.vscode-test/', 'node_modules/', 'test/hosts/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-shadow': 'off',
      '@typescript-eslint/no-shadow': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core is the pure core: no vscode import (put editor code in src/features).' }],
          patterns: [
            { group: noNode, message: 'src/core also runs in the web worker: no Node built-ins.' },
            { group: ['../features/*', '../features', '../extension'], message: 'src/core must not depend on the editor layer.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'No process in the pure core.' },
        { name: 'require', message: 'No require in the pure core.' },
      ],
    },
  },
  {
    files: ['src/features/**/*.ts', 'src/extension.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: noNode,
              message: 'Extension code also runs in the web worker: use vscode.workspace.fs, not Node built-ins.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
