import { describe, expect, it } from 'vitest';
import { interpretResponse, isValidOutcomeTerm, MAX_TEXT_LENGTH } from '../../domain/delivery-response.js';
import { ResponseParsingSchema } from '../../domain/flow.js';

const rules = (over: Record<string, unknown> = {}) => ResponseParsingSchema.parse(over);
const json = (status: number, body: unknown) => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(body),
});

describe('interpreting a buyer response', () => {
  it('maps 5xx to error (retried), 3xx/4xx to a failure, 2xx to success', () => {
    expect(interpretResponse(rules(), null, json(503, {}))).toMatchObject({ outcome: 'error' });
    expect(interpretResponse(rules(), null, json(422, {}))).toMatchObject({
      outcome: 'failure',
      reason: 'Recipient declined with HTTP 422',
    });
    expect(interpretResponse(rules(), 7, json(200, {}))).toEqual({
      outcome: 'success',
      reason: null,
      price: 7,
      reference: null,
    });
  });

  it('reads outcome, reason, price and reference by path', () => {
    const r = rules({
      outcome_path: 'result.status',
      reason_path: 'result.message',
      price_path: 'result.price',
      reference_path: 'id',
    });
    expect(
      interpretResponse(r, null, json(200, { id: 42, result: { status: 'OK', price: 12.345678 } })),
    ).toEqual({
      outcome: 'success',
      reason: null,
      price: 12.3457,
      reference: '42',
    });
    expect(
      interpretResponse(r, null, json(200, { result: { status: 'rejected', message: 'Duplicate lead' } })),
    ).toMatchObject({ outcome: 'failure', reason: 'Duplicate lead', price: 0 });
  });

  it('never echoes a whole body: a path at an object gives no text, long values are cut', () => {
    const r = rules({ reason_path: '.', reference_path: 'ref' });
    const answer = interpretResponse(r, null, json(400, { secret: 'internal', ref: 'x'.repeat(5000) }));
    expect(answer.reason).toBe('Recipient declined with HTTP 400');
    expect(answer.reference).toHaveLength(MAX_TEXT_LENGTH);
  });

  it('matches outcome_term case-insensitively with RE2, in linear time on a crafted body', () => {
    const r = rules({ outcome_term: 'accepted' });
    expect(
      interpretResponse(r, null, { status: 200, contentType: 'text/plain', body: 'Lead ACCEPTED' }),
    ).toMatchObject({
      outcome: 'success',
    });
    // Backtracking RegExp would never return on this (2^80 paths); RE2 answers at once.
    const evil = rules({ outcome_term: '^(a+)+$' });
    const body = `${'a'.repeat(80)}!`;
    expect(interpretResponse(evil, null, { status: 200, contentType: 'text/plain', body })).toMatchObject({
      outcome: 'failure',
    });
  });

  it('refuses a term RE2 cannot run when the recipient is saved', () => {
    expect(isValidOutcomeTerm('ok|accepted')).toBe(true);
    expect(isValidOutcomeTerm('(a)\\1')).toBe(false);
    expect(ResponseParsingSchema.safeParse({ outcome_term: '(?<=x)y' }).success).toBe(false);
  });
});
