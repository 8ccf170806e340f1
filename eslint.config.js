// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
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

const NO_WORKFLOW_IMPORTS = {
  regex: String.raw`(^|/)workflows/`,
  message: 'Only src/workers and src/workflows import workflow modules: share ids, names and types through src/contracts.',
};

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'coverage', 'dist', 'web/dist', 'src/api/openapi/schema.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The web UI runs in the browser: React's rules of hooks, and no server code (it reads the API over HTTP;
    // only the generated API types are shared, as types).
    files: ['web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(\.\./)+src/(?!api/openapi/schema)`,
              message: 'The web UI shares only the generated API types (src/api/openapi/schema.ts) with the server.',
            },
            { regex: String.raw`^(\.\./)+src/api/openapi/schema`, allowTypeImports: true, message: 'Import the API types as types.' },
          ],
        },
      ],
    },
  },
  // Layer rules. They use @typescript-eslint/no-restricted-imports (which tells `import type` apart) so that
  // other import restrictions can use the core rule on overlapping files without replacing these; within
  // this rule each file matches exactly one block below, since a later block would replace an earlier one.
  {
    // SQL only in src/db (core rule, so it adds to the layer rules below instead of replacing them).
    files: ['src/**/*.ts'],
    ignores: ['src/db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: sqlOnlyInDb }] },
  },
  {
    // Workflows run in Temporal's deterministic sandbox: they import the SDK, the contracts they share with
    // their callers, each other, and the types of the activities they proxy; nothing that could run I/O.
    files: ['src/workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(?!@temporalio/(workflow|common)$|\./|\.\./contracts/|\.\./activities/)`,
              message: 'Workflows import only @temporalio/workflow, @temporalio/common, src/contracts and each other.',
            },
            {
              regex: String.raw`^\.\./activities/`,
              allowTypeImports: true,
              message: 'Workflows import only the types of activities (for proxyActivities).',
            },
          ],
        },
      ],
    },
  },
  {
    // Contracts are read by workflows (inside the sandbox) and by everything else: names, types, schemas
    // and pure helpers. Types may come from anywhere, code only from the SDK, zod and other contracts.
    files: ['src/contracts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: String.raw`(^|/)workflows/`, message: 'Contracts never import workflows: workflows import contracts.' },
            {
              regex: String.raw`^(?!@temporalio/(workflow|common)$|zod$|\./|(\.\./)+workflows/)`,
              allowTypeImports: true,
              message: 'Contracts import code only from @temporalio/workflow, @temporalio/common, zod and other contracts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Repositories store what providers answer; they never run provider code (clients, processors).
    files: ['src/db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_WORKFLOW_IMPORTS,
            {
              regex: String.raw`^\.\./(\.\./)*providers/`,
              allowTypeImports: true,
              message: 'src/db imports only types from src/providers; shared configuration lives in src/contracts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The command line is a client of the REST API: it knows the API's generated types and where `npm start`
    // keeps the key, nothing of the server's code, so the rules stay in the API.
    files: ['src/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^\.\./(?!api/openapi/schema\.js$|entrypoints/api-key\.js$)`,
              message: 'src/cli talks to the REST API (openapi-fetch with the types in src/api/openapi/schema.ts), not to server code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the worker (which registers them) and workflows themselves import workflow modules; everyone
    // else shares ids, names, types and typed starts through src/contracts.
    files: ['src/**/*.ts'],
    ignores: ['src/workflows/**', 'src/workers/**', 'src/contracts/**', 'src/db/**', 'src/cli/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_WORKFLOW_IMPORTS] }],
    },
  },
);
