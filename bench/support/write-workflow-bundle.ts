import fs from 'node:fs';
import { bundleReelflowWorkflows } from '../../src/workers/bundle-workflows.js';

/** `node --import tsx bench/support/write-workflow-bundle.ts <file>`: see writeWorkflowBundleFile. */
const file = process.argv[2];
if (!file) throw new Error('usage: write-workflow-bundle.ts <file>');
fs.writeFileSync(file, (await bundleReelflowWorkflows()).code);
