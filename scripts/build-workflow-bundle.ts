// Pre-builds both workflow bundles (webpack) so production processes start in a second instead of
// bundling at every start: the lead worker reads WORKFLOW_BUNDLE_PATH, the API's intent worker
// INTENT_WORKFLOW_BUNDLE_PATH.
//   node --import tsx scripts/build-workflow-bundle.ts [outDir=dist]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleIntentWorkflows, bundleWorkflows } from '../temporal/bundle.js';

const outDir = resolve(process.argv[2] ?? 'dist');
mkdirSync(outDir, { recursive: true });
const [lead, intent] = await Promise.all([bundleWorkflows(), bundleIntentWorkflows()]);
for (const [name, code] of [
  ['workflow-bundle.js', lead],
  ['intent-workflow-bundle.js', intent],
] as const) {
  writeFileSync(join(outDir, name), code);
  process.stdout.write(`workflow bundle written to ${join(outDir, name)}\n`);
}
