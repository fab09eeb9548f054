// Workflow tests whose timers are minutes to days run on the time-skipping test server: time moves
// on whenever every workflow is waiting, so a 30-minute backoff or a 7-day window takes no real time.
// The server binary is installed into .tools by dev/bootstrap.mjs (npm test does), never downloaded
// here.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { leadrailDataConverter } from '../../temporal/data-converter.js';
import { INDEXED_TYPES } from '../../temporal/search-attributes.js';
import { SEARCH_ATTRIBUTES } from '../../workflows/shared.js';
import { testPayloadKeys } from './payload-keys.js';

const TEST_SERVER = fileURLToPath(
  new URL('../../.tools/temporal-test-server/bin/temporal-test-server', import.meta.url),
);

/** A time-skipping environment with our search attributes, whose client encrypts like every other test's. */
export async function timeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  if (!existsSync(TEST_SERVER))
    throw new Error(`${TEST_SERVER} is missing: run node dev/bootstrap.mjs --temporal-test-server`);
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: TEST_SERVER } },
    client: { dataConverter: leadrailDataConverter(testPayloadKeys()) },
  });
  // The test server implements adding search attributes, not listing them.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      SEARCH_ATTRIBUTES.map((key) => [key.name, INDEXED_TYPES[key.type]!]),
    ),
  });
  return env;
}
