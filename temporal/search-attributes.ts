import { SearchAttributeType } from '@temporalio/common';
import proto from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../workflows/shared.js';

// @temporalio/proto is CommonJS without static named exports.
const { temporal } = proto;
type OperatorService = proto.temporal.api.operatorservice.v1.OperatorService;

/** Temporal's indexed value type of each search attribute type we use. */
export const INDEXED_TYPES: Record<string, proto.temporal.api.enums.v1.IndexedValueType> = {
  [SearchAttributeType.KEYWORD]: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.TEXT]: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  [SearchAttributeType.KEYWORD_LIST]: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/**
 * How long a newly registered attribute takes to reach every Temporal service: their namespace caches
 * refresh every 2 s by default (`system.namespaceCacheRefreshInterval`), and the production config keeps
 * those caches (deploy/temporal-dynamicconfig.yaml), so a start or upsert naming the attribute earlier
 * could be refused by a service that has not seen it yet.
 */
export const SEARCH_ATTRIBUTE_SETTLE_MS = 5000;

/**
 * Registers any of our custom search attributes the namespace lacks, then waits until the services
 * know them (`settleMs`). Idempotent; lets the worker start against a fresh Postgres-backed Temporal
 * cluster without a manual `temporal operator` step.
 */
export async function ensureSearchAttributes(
  connection: { operatorService: OperatorService },
  namespace: string,
  settleMs = SEARCH_ATTRIBUTE_SETTLE_MS,
): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const known = new Set(Object.keys(existing.customAttributes ?? {}));
  const missing = SEARCH_ATTRIBUTES.filter((key) => !known.has(key.name));
  if (missing.length === 0) return [];
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map((key) => [key.name, INDEXED_TYPES[key.type]!])),
  });
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return missing.map((key) => key.name);
}
