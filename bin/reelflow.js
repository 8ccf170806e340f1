#!/usr/bin/env node
// `reelflow`: runs the command line's TypeScript through tsx, as `npm start` does, so a clone needs no build step.
import 'tsx';

await import('../src/cli/main.ts');
