import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { EncryptionCodec, type PayloadKeyring } from '../../temporal/payload-codec.js';

/**
 * Every payload in a history (inputs, results, markers, failures' encoded attributes, summaries) with
 * where it is, except search attributes (indexed by the server, so plain by design) and what the SDK
 * core writes into markers itself: a local activity's type, attempt and timing (its result is sealed),
 * a patch's id.
 */
export function payloadsIn(
  value: unknown,
  path = '',
  found: Array<[string, Payload]> = [],
): Array<[string, Payload]> {
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return found;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) payloadsIn(v, `${path}[${i}]`, found);
    return found;
  }
  const record = value as Record<string, unknown>;
  if (record.data instanceof Uint8Array && record.metadata && typeof record.metadata === 'object') {
    found.push([path, record as Payload]);
    return found;
  }
  for (const [k, v] of Object.entries(record)) {
    const where = `${path}.${k}`;
    if (k === 'searchAttributes' || k === 'upsertWorkflowSearchAttributesEventAttributes') continue;
    if (/markerRecordedEventAttributes\.details\.(data|patch-data)$/.test(where)) continue;
    payloadsIn(v, where, found);
  }
  return found;
}

/** The history's payloads decrypted with `keys`, each as JSON text, with where it is. */
export async function decodedPayloads(
  history: unknown,
  keys: PayloadKeyring,
): Promise<Array<[string, string]>> {
  const located = payloadsIn(history);
  const decoded = await new EncryptionCodec(keys).decode(located.map(([, p]) => p));
  return decoded.map((p, i) => [
    located[i]![0],
    JSON.stringify(defaultPayloadConverter.fromPayload(p)) ?? 'undefined',
  ]);
}
