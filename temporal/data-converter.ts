import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import { EncryptionCodec, type PayloadKeyring } from './payload-codec.js';

/** Module with the `failureConverter` export: workers require() it and bundles include it. */
export const FAILURE_CONVERTER_PATH = fileURLToPath(new URL('./failure-converter.cjs', import.meta.url));

/**
 * The data converter of every Temporal client, worker and replayer Leadrail builds: payloads encrypted
 * with the keyring, failure messages encoded so they are encrypted too.
 */
export function leadrailDataConverter(keys: PayloadKeyring): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keys)], failureConverterPath: FAILURE_CONVERTER_PATH };
}
