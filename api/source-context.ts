import type { AuthenticatedKey } from '../db/accounts.js';
import type { Queryable } from '../db/pool.js';
import { findSource, type SourceRow } from '../db/sources.js';
import { ApiError } from './errors.js';

/**
 * The source a submission or ping comes from: a source key's own source (a `source_id` naming another
 * is refused), else the `source_id` the body names (it must be one of the flow's sources), else none.
 * A disabled source answers 403 `source_disabled`.
 */
export async function resolveSource(
  db: Queryable,
  auth: AuthenticatedKey,
  flowId: string,
  requested: string | null | undefined,
): Promise<SourceRow | null> {
  const keySource = auth.source;
  if (keySource && requested && requested !== keySource.id) {
    throw new ApiError(403, 'forbidden', 'This key submits as its own source only', {
      field: 'source_id',
      source_id: keySource.id,
    });
  }
  const id = keySource?.id ?? requested ?? null;
  if (!id) return null;
  const source = await findSource(db, auth.accountId, flowId, id);
  if (!source) {
    throw new ApiError(404, 'not_found', `Source ${id} not found in flow ${flowId}`, [
      { field: 'source_id', code: 'not_found', message: 'No such source in this flow' },
    ]);
  }
  if (!source.enabled) {
    throw new ApiError(403, 'source_disabled', `Source ${source.id} is disabled and sends no leads or pings`);
  }
  return source;
}
