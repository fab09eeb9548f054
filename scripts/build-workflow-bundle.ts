// Pre-builds the workflow bundle (webpack) so production workers start in a second instead of
// bundling at every start. The worker uses it when WORKFLOW_BUNDLE_PATH points at the file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bundleWorkflows } from '../temporal/bundle.js';

const out = resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, await bundleWorkflows());
process.stdout.write(`workflow bundle written to ${out}\n`);
