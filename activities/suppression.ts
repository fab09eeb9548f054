import type { Pool } from '../db/pool.js';
import { findListHits, findSuppressionListsByIds } from '../db/suppression-lists.js';
import { type FieldDefinition, fieldTypes } from '../domain/fields/index.js';
import type { ListCheckResult } from '../domain/list-check.js';
import { type ListType, leadListProbes } from '../domain/suppression.js';
import { storedLead } from './delivery.js';

export interface ListCheckRequest {
  accountId: string;
  /** The lead whose stored normal values are checked (read here: no value travels in the history). */
  leadId: string;
  listIds: string[];
  /** Limit the fields read (default: every field of the list's type). */
  fields: string[] | null;
  /** The flow's declared fields (they decide each field's type, then the standard catalogue). */
  definitions: FieldDefinition[];
}

// The lookup of a list_check step: hash the lead's values for each list's type and probe the lists
// in one statement. A read, so retrying it is harmless. The answer names lists and fields, never a
// value or a hash.
export function createSuppressionActivities({ pool }: { pool: Pool }) {
  return {
    async checkSuppressionLists(request: ListCheckRequest): Promise<ListCheckResult> {
      const lists = await findSuppressionListsByIds(pool, request.accountId, request.listIds);
      const values = lists.length > 0 ? await storedLead(pool, request.accountId, request.leadId) : {};
      const types = fieldTypes(request.definitions, Object.keys(values));
      // Values are normalised and hashed once per list type, however many lists of that type.
      const byType = new Map<ListType, ReturnType<typeof leadListProbes>>();
      const probesFor = (type: ListType) => {
        let found = byType.get(type);
        if (!found) {
          found = leadListProbes(type, values, types, request.fields);
          byType.set(type, found);
        }
        return found;
      };
      const probes = new Map(lists.map((list) => [list.id, probesFor(list.type)]));
      const hits = await findListHits(
        pool,
        request.accountId,
        lists.map((list) => ({ listId: list.id, hashes: probes.get(list.id)!.map((p) => p.hash) })),
      );
      const found = new Map(lists.map((l) => [l.id, l]));
      return {
        lists: request.listIds.flatMap((id) => {
          const list = found.get(id);
          if (!list) return [];
          const listed = hits.get(id) ?? new Set<string>();
          const fields = [...new Set(probes.get(id)!.flatMap((p) => (listed.has(p.hash) ? [p.field] : [])))];
          return [{ list_id: id, name: list.name, type: list.type, hit: fields.length > 0, fields }];
        }),
        missing: request.listIds.filter((id) => !found.has(id)),
      };
    },
  };
}
