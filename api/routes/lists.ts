import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { CsvError, parse } from 'csv-parse';
import { type Pool, withTransaction } from '../../db/pool.js';
import {
  addListItems,
  applyUploadStage,
  deleteSuppressionList,
  findSuppressionList,
  insertSuppressionList,
  listedHashes,
  listSuppressionLists,
  openUploadStage,
  removeListItems,
  type SuppressionListRow,
  stagedHashLine,
  updateSuppressionList,
} from '../../db/suppression-lists.js';
import { LIST_TYPES, type ListType, listItemHash } from '../../domain/suppression.js';
import { text } from '../../lib/schema.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { ApiError, notFound } from '../errors.js';
import { errorResponses, jsonResponse } from '../middleware/responses.js';

// Suppression lists: values are normalised for the list's type and only their SHA-256 is stored
// (domain/suppression.ts). Answers never echo a value back, only counts and positions.

export const MAX_ITEMS_PER_REQUEST = 10_000;
/** Rows per COPY chunk of an upload: large enough to amortise a write, small enough to stream. */
const COPY_CHUNK_ROWS = 2_000;
/** Invalid rows reported by position in an answer (all are counted). */
const MAX_REPORTED_INVALID = 100;

export const SuppressionListSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(LIST_TYPES),
    description: z.string().nullable(),
    item_count: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('SuppressionList');

const ListInputSchema = z
  .object({
    name: text({ min: 1, max: 200, trim: true }),
    type: z.enum(LIST_TYPES).describe('How values are normalised: phone (E.164), email, domain'),
    description: text({ max: 2000 }).nullable().default(null),
  })
  .openapi('SuppressionListInput');

const ListUpdateSchema = z
  .object({
    name: text({ min: 1, max: 200, trim: true }).optional(),
    description: text({ max: 2000 }).nullable().optional(),
  })
  .strict()
  // A PATCH that changes nothing (or sends no body) is a client's mistake, not a silent 200.
  .refine((v) => Object.keys(v).length > 0, { message: 'Give name or description to change' })
  .openapi('SuppressionListUpdate', { minProperties: 1 });

const ItemsInputSchema = z
  .object({
    values: z
      .array(text({ max: 1000 }))
      .min(1)
      .max(MAX_ITEMS_PER_REQUEST)
      .describe(
        'Raw values (normalised for the list type, then hashed) or SHA-256 hex digests of normal forms',
      ),
  })
  .openapi('SuppressionItemsInput');

const InvalidItemSchema = z.object({
  position: z.number().int().describe('0-based index in `values`, or the 1-based CSV line'),
  code: z.string().describe('empty, invalid_phone, invalid_email or invalid_domain'),
});

const ItemsResultSchema = z
  .object({
    list_id: z.string(),
    received: z.number().int(),
    added: z.number().int().optional(),
    already_listed: z.number().int().optional(),
    removed: z.number().int().optional(),
    not_listed: z.number().int().optional(),
    invalid: z.number().int(),
    invalid_items: z.array(InvalidItemSchema).describe(`The first ${MAX_REPORTED_INVALID} invalid values`),
    item_count: z.number().int(),
    duration_ms: z.number().int().optional(),
  })
  .openapi('SuppressionItemsResult');

const LookupResultSchema = z
  .object({
    list_id: z.string(),
    results: z.array(z.object({ position: z.number().int(), listed: z.boolean().nullable() })),
  })
  .openapi('SuppressionLookupResult');

const ListIdParam = z.object({
  list_id: z.string().openapi({ param: { name: 'list_id', in: 'path' } }),
});

const UploadQuery = z.object({
  action: z.enum(['add', 'remove']).default('add').describe('Add the values (default) or remove them'),
  column: text({ min: 1, max: 200 })
    .optional()
    .describe('Header name of the column holding the values (default: the first column)'),
});

export function listView(row: SuppressionListRow): z.infer<typeof SuppressionListSchema> {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    description: row.description,
    item_count: Number(row.item_count),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

const HEADER_WORDS = new Set([
  'value',
  'values',
  'phone',
  'phone_number',
  'email',
  'email_address',
  'domain',
  'hash',
  'sha256',
]);

/** Hashes values of a list type, collecting invalid positions. */
function hashValues(type: ListType, values: readonly string[]) {
  const hashes: string[] = [];
  const invalid: Array<{ position: number; code: string }> = [];
  let invalidCount = 0;
  values.forEach((value, position) => {
    const hashed = listItemHash(type, value);
    if (hashed.ok) hashes.push(hashed.hash);
    else {
      invalidCount++;
      if (invalid.length < MAX_REPORTED_INVALID) invalid.push({ position, code: hashed.reason });
    }
  });
  return { hashes: [...new Set(hashes)], invalid, invalidCount };
}

/**
 * Streams a CSV body into a list in one transaction (all or nothing): csv-parse reads the rows, each
 * value is normalised and hashed, and the hashes stream by COPY into a staging table with
 * backpressure (stream.pipeline), then one statement applies them to the list (db/suppression-lists.ts).
 * A malformed CSV aborts the COPY and answers 422 `invalid_csv` at its line; nothing is kept.
 */
async function uploadCsv(
  pool: Pool,
  list: SuppressionListRow,
  body: ReadableStream<Uint8Array>,
  options: z.infer<typeof UploadQuery>,
) {
  const started = performance.now();
  return withTransaction(pool, async (tx) => {
    const locked = await findSuppressionList(tx, list.account_id, list.id, { forUpdate: true });
    if (!locked) throw notFound('List');
    let line = 0;
    let received = 0;
    let invalidCount = 0;
    const invalid: Array<{ position: number; code: string }> = [];
    /** The COPY text of each row's hash, a few thousand rows per chunk. */
    async function* hashLines(records: AsyncIterable<string[]>) {
      let column = 0;
      let chunk = '';
      let rows = 0;
      for await (const record of records) {
        line++;
        if (line === 1) {
          const first = (record[0] ?? '').toLowerCase();
          if (options.column !== undefined) {
            column = record.indexOf(options.column);
            if (column < 0) {
              throw new ApiError(400, 'validation_failed', 'Request validation failed', [
                {
                  field: 'column',
                  code: 'not_found',
                  message: `No column named ${options.column} in the header`,
                },
              ]);
            }
            continue;
          }
          if (HEADER_WORDS.has(first) || first === list.type) continue;
        }
        received++;
        const hashed = listItemHash(list.type, record[column] ?? '');
        if (hashed.ok) {
          chunk += stagedHashLine(hashed.hash);
          if (++rows === COPY_CHUNK_ROWS) {
            yield chunk;
            chunk = '';
            rows = 0;
          }
        } else {
          invalidCount++;
          if (invalid.length < MAX_REPORTED_INVALID) invalid.push({ position: line, code: hashed.reason });
        }
      }
      if (chunk !== '') yield chunk;
    }
    const stage = await openUploadStage(tx);
    try {
      await pipeline(
        Readable.fromWeb(body as NodeReadableStream<Uint8Array>),
        parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }),
        hashLines,
        stage,
      );
    } catch (err) {
      if (err instanceof ApiError) throw err;
      if (!(err instanceof CsvError)) throw err;
      const at = Number(err.lines ?? line + 1);
      throw new ApiError(422, 'invalid_csv', `Malformed CSV at line ${at}; nothing was uploaded`, [
        { field: 'body', code: 'invalid_csv', message: err.message, line: at },
      ]);
    }
    const { changed, itemCount } = await applyUploadStage(tx, locked, options.action);
    return {
      list_id: list.id,
      received,
      ...(options.action === 'add'
        ? { added: changed, already_listed: received - invalidCount - changed }
        : { removed: changed, not_listed: received - invalidCount - changed }),
      invalid: invalidCount,
      invalid_items: invalid,
      item_count: itemCount,
      duration_ms: Math.round(performance.now() - started),
    };
  });
}

export function listsRouter({ pool }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        summary: 'Create a suppression list',
        description:
          'A do-not-contact list, existing customers, blocked domains. Checked by `list_check` flow steps.',
        tags: ['Suppression lists'],
        middleware: [requireScope('flows:write')],
        request: { body: { required: true, content: { 'application/json': { schema: ListInputSchema } } } },
        responses: { 201: jsonResponse('Created', SuppressionListSchema), ...errorResponses(400, 413, 415) },
      }),
      async (c) => {
        const row = await insertSuppressionList(pool, c.var.auth.accountId, c.req.valid('json'));
        return c.json(listView(row), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        summary: 'List suppression lists',
        tags: ['Suppression lists'],
        middleware: [requireScope('flows:read')],
        responses: {
          200: jsonResponse(
            'Suppression lists',
            z.object({ lists: z.array(SuppressionListSchema) }).openapi('SuppressionListList'),
          ),
          ...errorResponses(),
        },
      }),
      async (c) => {
        const rows = await listSuppressionLists(pool, c.var.auth.accountId);
        return c.json({ lists: rows.map(listView) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{list_id}',
        summary: 'Get a suppression list',
        tags: ['Suppression lists'],
        middleware: [requireScope('flows:read')],
        request: { params: ListIdParam },
        responses: { 200: jsonResponse('Suppression list', SuppressionListSchema), ...errorResponses(404) },
      }),
      async (c) => {
        const row = await findSuppressionList(pool, c.var.auth.accountId, c.req.valid('param').list_id);
        if (!row) throw notFound('List');
        return c.json(listView(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{list_id}',
        summary: 'Rename or redescribe a suppression list',
        description: 'The type cannot change: the items were normalised for it.',
        tags: ['Suppression lists'],
        middleware: [requireScope('flows:write')],
        request: {
          params: ListIdParam,
          body: { required: true, content: { 'application/json': { schema: ListUpdateSchema } } },
        },
        responses: {
          200: jsonResponse('Updated', SuppressionListSchema),
          ...errorResponses(400, 404, 413, 415),
        },
      }),
      async (c) => {
        const row = await updateSuppressionList(
          pool,
          c.var.auth.accountId,
          c.req.valid('param').list_id,
          c.req.valid('json'),
        );
        if (!row) throw notFound('List');
        return c.json(listView(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{list_id}',
        summary: 'Delete a suppression list and its items',
        description:
          'Refused with 409 `conflict` (details[0].flows) while the current version of a flow checks it.',
        tags: ['Suppression lists'],
        middleware: [requireScope('flows:write')],
        request: { params: ListIdParam },
        responses: { 200: jsonResponse('Deleted', SuppressionListSchema), ...errorResponses(404, 409) },
      }),
      async (c) => {
        const { accountId } = c.var.auth;
        const result = await withTransaction(pool, (tx) =>
          deleteSuppressionList(tx, accountId, c.req.valid('param').list_id),
        );
        if (!result) throw notFound('List');
        if ('usedBy' in result) {
          throw new ApiError(409, 'conflict', 'The list is checked by flows; remove it from them first', {
            flows: result.usedBy,
          });
        }
        return c.json(listView(result.deleted), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{list_id}/items',
        summary: 'Add values to a suppression list',
        description:
          `At most ${MAX_ITEMS_PER_REQUEST} values; each is normalised for the list type and stored as its ` +
          'SHA-256 only. Invalid values are counted and reported by position; the others are added.',
        tags: ['Suppression lists'],
        middleware: [requireScope('flows:write')],
        request: {
          params: ListIdParam,
          body: { required: true, content: { 'application/json': { schema: ItemsInputSchema } } },
        },
        responses: {
          200: jsonResponse('Added', ItemsResultSchema),
          ...errorResponses(400, 404, 413, 415),
        },
      }),
      async (c) => {
        const { values } = c.req.valid('json');
        const result = await changeItems(
          pool,
          c.var.auth.accountId,
          c.req.valid('param').list_id,
          values,
          'add',
        );
        return c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{list_id}/items/remove',
        summary: 'Remove values from a suppression list',
        tags: ['Suppression lists'],
        middleware: [requireScope('flows:write')],
        request: {
          params: ListIdParam,
          body: { required: true, content: { 'application/json': { schema: ItemsInputSchema } } },
        },
        responses: {
          200: jsonResponse('Removed', ItemsResultSchema),
          ...errorResponses(400, 404, 413, 415),
        },
      }),
      async (c) => {
        const { values } = c.req.valid('json');
        const result = await changeItems(
          pool,
          c.var.auth.accountId,
          c.req.valid('param').list_id,
          values,
          'remove',
        );
        return c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{list_id}/lookup',
        summary: 'Check values against a suppression list',
        description: 'Answers, per value, whether it is listed (null for a value that cannot be normalised).',
        tags: ['Suppression lists'],
        middleware: [requireScope('flows:read')],
        request: {
          params: ListIdParam,
          body: { required: true, content: { 'application/json': { schema: ItemsInputSchema } } },
        },
        responses: { 200: jsonResponse('Lookup', LookupResultSchema), ...errorResponses(400, 404, 413, 415) },
      }),
      async (c) => {
        const list = await findSuppressionList(pool, c.var.auth.accountId, c.req.valid('param').list_id);
        if (!list) throw notFound('List');
        const hashed = c.req.valid('json').values.map((v) => listItemHash(list.type, v));
        const listed = await listedHashes(
          pool,
          list,
          hashed.flatMap((h) => (h.ok ? [h.hash] : [])),
        );
        return c.json(
          {
            list_id: list.id,
            results: hashed.map((h, position) => ({ position, listed: h.ok ? listed.has(h.hash) : null })),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{list_id}/uploads',
        summary: 'Upload a CSV of values (add or remove)',
        description:
          'Body `text/csv`: one value per row in the first column (or the column named by `column`); a ' +
          'first row that is a header (value, phone, email, domain, hash, ...) is skipped. Streams up to ' +
          '256 MiB in one transaction: a malformed CSV answers 422 `invalid_csv` with its line and nothing ' +
          'is kept. Invalid values are counted and reported by line; the rest are applied.',
        tags: ['Suppression lists'],
        middleware: [requireScope('flows:write')],
        request: {
          params: ListIdParam,
          query: UploadQuery,
          body: {
            required: true,
            content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) } },
          },
        },
        responses: {
          200: jsonResponse('Uploaded', ItemsResultSchema),
          ...errorResponses(400, 404, 413, 415, 422),
        },
      }),
      async (c) => {
        const list = await findSuppressionList(pool, c.var.auth.accountId, c.req.valid('param').list_id);
        if (!list) throw notFound('List');
        const body = c.req.raw.body;
        if (!body) {
          throw new ApiError(400, 'validation_failed', 'Request validation failed', [
            { field: 'body', code: 'missing_required', message: 'A CSV body is required' },
          ]);
        }
        return c.json(await uploadCsv(pool, list, body, c.req.valid('query')), 200);
      },
    );
}

async function changeItems(
  pool: Pool,
  accountId: string,
  listId: string,
  values: readonly string[],
  action: 'add' | 'remove',
): Promise<z.infer<typeof ItemsResultSchema>> {
  return withTransaction(pool, async (tx) => {
    const list = await findSuppressionList(tx, accountId, listId, { forUpdate: true });
    if (!list) throw notFound('List');
    const { hashes, invalid, invalidCount } = hashValues(list.type, values);
    const { changed, itemCount } =
      action === 'add' ? await addListItems(tx, list, hashes) : await removeListItems(tx, list, hashes);
    const valid = values.length - invalidCount;
    return {
      list_id: list.id,
      received: values.length,
      ...(action === 'add'
        ? { added: changed, already_listed: valid - changed }
        : { removed: changed, not_listed: valid - changed }),
      invalid: invalidCount,
      invalid_items: invalid,
      item_count: itemCount,
    };
  });
}
