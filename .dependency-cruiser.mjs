// Import cycles across src/ (npm run lint). The layer rules (who may import src/workflows, src/providers
// from src/db, what workflows and contracts import) are per-file and live in eslint.config.js; a cycle is
// a property of the whole graph, which ESLint's per-file rules cannot see.
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A runtime import cycle makes module initialisation order matter: one side sees the other half-built.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-types',
      severity: 'warn',
      comment:
        'A cycle that only types close is harmless at run time but still ties two modules together; the API routes ' +
        'still import AppDeps back from app.ts.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count as edges (and are told apart by their dependency type).
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  },
};
