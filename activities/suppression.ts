import type { Pool } from '../db/pool.js';
import { findListHits, findSuppressionListsByIds } from '../db/suppression-lists.js';
import { type FieldDefinition, fieldTypes } from '../domain/fields/index.js';
import { type ListCheckResult, leadListHashes } from '../domain/suppression.js';

export interface ListCheckRequest {
  accountId: string;
  listIds: string[];
  /** Limit the fields read (default: every field of the list's type). */
  fields: string[] | null;
  /** The flow's declared fields (they decide each field's type, then the standard catalogue). */
  definitions: FieldDefinition[];
  /** The lead's normal values. */
  normalized: Record<string, unknown>;
}

// The lookup of a list_check step: hash the lead's values for each list's type and probe the lists.
// A read, so retrying it is harmless; it runs as a local activity.
export function createSuppressionActivities({ pool }: { pool: Pool }) {
  return {
    async checkSuppressionLists(request: ListCheckRequest): Promise<ListCheckResult> {
      const lists = await findSuppressionListsByIds(pool, request.accountId, request.listIds);
      const types = fieldTypes(request.definitions, Object.keys(request.normalized));
      const checks = lists.map((list) => ({
        listId: list.id,
        hashes: leadListHashes(list.type, request.normalized, types, request.fields),
      }));
      const hits = await findListHits(pool, request.accountId, checks);
      const found = new Set(lists.map((l) => l.id));
      return {
        lists: lists.map((l) => ({ list_id: l.id, name: l.name, type: l.type, hit: hits.has(l.id) })),
        missing: request.listIds.filter((id) => !found.has(id)),
      };
    },
  };
}
