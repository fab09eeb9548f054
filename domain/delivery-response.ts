// How a buyer's HTTP answer becomes a delivery outcome. Pure: given the status, content type and
// body text, decide success/failure, the reason, the price paid and the buyer's reference.
//   5xx                        -> error (the caller retries it)
//   4xx                        -> failure (a definite decline; not retried)
//   2xx with outcome_path      -> success iff the value at the path is one of success_values
//   2xx with outcome_term      -> success iff the body matches the case-insensitive regex (RE2)
//   2xx otherwise              -> success
// The price is read from price_path on success, else the recipient's fixed sale price, else 0.
import { RE2JS } from 're2js';
import type { ResponseParsing } from './flow.js';

export interface InterpretedResponse {
  outcome: 'success' | 'failure' | 'error';
  reason: string | null;
  price: number;
  reference: string | null;
}

export function interpretResponse(
  rules: ResponseParsing,
  salePrice: number | null,
  response: { status: number; contentType: string | null; body: string },
): InterpretedResponse {
  const { read } = readAnswer(response);
  const reason = textOf(read(rules.reason_path));
  const reference = textOf(read(rules.reference_path));

  if (response.status >= 500) {
    return {
      outcome: 'error',
      reason: reason ?? `Recipient answered HTTP ${response.status}`,
      price: 0,
      reference,
    };
  }
  if (response.status >= 300) {
    const what = response.status >= 400 ? 'declined with' : 'answered';
    return {
      outcome: 'failure',
      reason: reason ?? `Recipient ${what} HTTP ${response.status}`,
      price: 0,
      reference,
    };
  }

  let success = true;
  if (rules.outcome_path) {
    const value = textOf(read(rules.outcome_path));
    const accepted = rules.success_values.map((v) => v.toLowerCase());
    success = value !== null && accepted.includes(value.toLowerCase());
  } else if (rules.outcome_term) {
    success = safeRegex(rules.outcome_term)?.matcher(response.body).find() ?? false;
  }
  if (!success)
    return { outcome: 'failure', reason: reason ?? 'Recipient did not accept the lead', price: 0, reference };

  const pathPrice = Number(read(rules.price_path));
  const price =
    rules.price_path && Number.isFinite(pathPrice) && pathPrice >= 0 ? pathPrice : (salePrice ?? 0);
  return { outcome: 'success', reason, price: Math.round(price * 10_000) / 10_000, reference };
}

/**
 * A buyer's answer (a delivery's or a ping's) as JSON, when it says or looks like JSON and parses
 * (else undefined), and `read(path)`: the value at a path into it, undefined without JSON or path.
 */
export function readAnswer(response: { contentType: string | null; body: string }): {
  json: unknown;
  read: (path: string | null) => unknown;
} {
  const json = parseJson(response.body, response.contentType);
  return { json, read: (path) => (path && json !== undefined ? valueAt(json, path) : undefined) };
}

function parseJson(body: string, contentType: string | null): unknown {
  const looksJson = contentType?.includes('json') || /^\s*[[{]/.test(body);
  if (!looksJson) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** `a.b.0.c` style path into parsed JSON; undefined when any segment is missing. */
function valueAt(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const segment of path.split('.').filter(Boolean)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Reasons and references are short texts: a path at an object, or a long value, is not echoed whole. */
export const MAX_TEXT_LENGTH = 500;

/**
 * A value read from an answer as a short text: a list of plain values joined (sorted), an object not
 * at all, a text longer than `max` cut to end in '…'.
 */
export function textOf(value: unknown, max = MAX_TEXT_LENGTH): string | null {
  if (value === undefined || value === null) return null;
  let text: string;
  if (Array.isArray(value)) {
    if (value.some((v) => typeof v === 'object' && v !== null)) return null;
    text = value.map(String).sort().join(', ');
  } else if (typeof value === 'object') {
    return null;
  } else {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** RE2 (linear time): a buyer's answer can never make the worker backtrack for ever. */
function safeRegex(pattern: string): RE2JS | null {
  try {
    return RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch {
    return null; // an invalid term never matches: the delivery counts as a failure
  }
}

/** Whether `outcome_term` can be used (checked when a recipient is saved). */
export function isValidOutcomeTerm(pattern: string): boolean {
  return safeRegex(pattern) !== null;
}
