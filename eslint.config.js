// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * SQL lives only in src/db (repositories): code elsewhere may not import drizzle-orm, nor the tables of the
 * schema. Row types (import type) and the value lists that name a column's allowed values may be imported.
 */
const sqlOnlyInDb = [
  { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'SQL lives in src/db/repositories: add or use a repository method.' },
  {
    group: ['**/db/schema', '**/db/schema/*'],
    allowTypeImports: true,
    allowImportNames: ['lockableMovieFields', 'iptvKinds', 'processingItemStatuses', 'encodePresets', 'deliveryTargetKind'],
    message: 'Tables are for repositories (src/db/repositories); outside src/db import row types only (import type).',
  },
];

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'coverage', 'dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: sqlOnlyInDb }] },
  },
  {
    // Workflows run in Temporal's deterministic sandbox: no Node built-ins, no I/O, no runtime imports
    // from activities or anything below them.
    files: ['src/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process'], message: 'Workflows must not use Node built-ins.' },
            { group: ['../activities/*', '../db/*', '../media/*', '../api/*', '../providers/*', '../integrations/*', '../cache/*'], allowTypeImports: true, message: 'Workflows may import only types from below.' },
            ...sqlOnlyInDb,
          ],
        },
      ],
    },
  },
);
