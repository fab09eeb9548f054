import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  celExpression,
  codePoints,
  dateTime,
  emailAddress,
  fullDate,
  httpUrl,
  ianaTimeZone,
  integer,
  parseDate,
  parseDateTime,
  text,
} from '../../lib/schema.js';
import { z } from '../../lib/zod.js';

// lib/schema.ts builds request schemas whose OpenAPI rendering must state exactly what they enforce.
// Each property compares the enforced rule with what the document says, against an oracle that is not
// the code under test: String#trim, the WHATWG URL parser, JavaScript's Date, the JSON Schema keywords.

/** The JSON Schema a zod schema renders to in the API's document. */
function documented(schema: z.ZodType): Record<string, unknown> {
  const registry = new OpenAPIRegistry();
  registry.register('S', z.object({ s: schema }));
  const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
  });
  // biome-ignore lint/suspicious/noExplicitAny: reading one property of the generated document
  return (doc.components!.schemas!.S as any).properties.s;
}

const textish = fc.string({
  unit: fc.constantFrom('a', 'é', '😀', ' ', '\t', '\u00a0', '\ufeff', '\u2028', 'x'),
  maxLength: 12,
});

describe('text(): lengths in code points, trimming stated as a pattern', () => {
  it('counts characters as JSON Schema does (an emoji is one), enforcing maxLength and minLength', () => {
    const schema = text({ min: 2, max: 3 });
    expect(documented(schema)).toMatchObject({ type: 'string', minLength: 2, maxLength: 3 });
    expect(schema.safeParse('😀😀😀').success).toBe(true); // 6 UTF-16 units, 3 characters
    expect(schema.safeParse('😀😀😀😀').success).toBe(false);
    expect(schema.safeParse('😀').success).toBe(false);
    fc.assert(
      fc.property(textish, (s) => {
        expect(schema.safeParse(s).success).toBe([...s].length >= 2 && [...s].length <= 3);
      }),
    );
    expect(codePoints('a😀')).toBe(2);
  });

  it('with trim, the documented pattern matches exactly what String#trim leaves long enough', () => {
    for (const min of [1, 3]) {
      const schema = text({ min, max: 12, trim: true });
      const pattern = new RegExp(documented(schema).pattern as string, 'u');
      fc.assert(
        fc.property(textish, (s) => {
          const enforced = schema.safeParse(s).success;
          const byTrim = [...s.trim()].length >= min;
          expect(enforced).toBe(byTrim);
          // What the document says: maxLength, minLength and the pattern together.
          expect(pattern.test(s) && [...s].length >= min && [...s].length <= 12).toBe(byTrim);
        }),
      );
    }
  });
});

describe('formats the document names or spells out', () => {
  it('integer(): 2^53 - 1 is the documented and enforced maximum by default', () => {
    expect(documented(integer(0))).toMatchObject({ type: 'integer', minimum: 0, maximum: 2 ** 53 - 1 });
    expect(integer(0).safeParse(2 ** 53 - 1).success).toBe(true);
    expect(integer(0).safeParse(2 ** 53).success).toBe(false);
  });

  it('httpUrl(): every URL the documented pattern admits is one fetch can call, and nothing else passes', () => {
    const schema = httpUrl();
    const doc = documented(schema);
    expect(doc).toMatchObject({ type: 'string', format: 'uri', maxLength: 2000 });
    const pattern = new RegExp(doc.pattern as string);
    fc.assert(
      // fast-check draws from the pattern without its lookaheads (the xn-- exclusion); the full
      // pattern filters what it drew.
      fc.property(
        fc.stringMatching(new RegExp(pattern.source.replaceAll('(?![Xx][Nn]--)', '')), { size: 'small' }),
        (url) => {
          fc.pre(url.length <= 2000 && pattern.test(url));
          const parsed = new URL(url);
          expect(['http:', 'https:']).toContain(parsed.protocol);
          expect(schema.safeParse(url).success).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        expect(schema.safeParse(url).success).toBe(pattern.test(url));
      }),
    );
    for (const refused of [
      'ftp://x.com',
      'https://a.999',
      'https://x.com/a b',
      'http://[:::]/',
      'https://a:65536',
    ])
      expect(schema.safeParse(refused).success, refused).toBe(false);
    for (const taken of [
      'http://127.0.0.1:4000/leads',
      'https://user:pw@buyer.example.com/l?a=1#f',
      'http://[::1]/',
    ])
      expect(schema.safeParse(taken).success, taken).toBe(true);
  });

  it('emailAddress(): the document carries the enforced pattern', () => {
    const schema = emailAddress();
    const doc = documented(schema);
    expect(doc).toMatchObject({ format: 'email', maxLength: 254 });
    const pattern = new RegExp(doc.pattern as string);
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        expect(schema.safeParse(email).success).toBe(pattern.test(email) && email.length <= 254);
      }),
    );
    expect(schema.safeParse('').success).toBe(false);
    expect(schema.safeParse('a@b').success).toBe(false);
    expect(schema.safeParse('x@label-.com').success).toBe(false);
    expect(schema.safeParse("o'brien@example.co.uk").success).toBe(true);
  });

  it('dateTime() and fullDate(): RFC 3339, read as the instant JavaScript reads', () => {
    expect(documented(dateTime())).toMatchObject({ type: 'string', format: 'date-time' });
    expect(documented(fullDate())).toMatchObject({ type: 'string', format: 'date' });
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        (instant, offsetMinutes) => {
          const local = new Date(instant.getTime() + offsetMinutes * 60_000);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const text = `${local.toISOString().slice(0, 23)}${offset}`;
          fc.pre(/^\d{4}-/.test(text));
          expect(parseDateTime(text)?.getTime()).toBe(instant.getTime());
          expect(parseDateTime(text.replace('T', 't'))?.getTime()).toBe(instant.getTime());
          expect(dateTime().safeParse(text).success).toBe(true);
        },
      ),
    );
    expect(parseDateTime('0050-06-01T00:00:00Z')?.toISOString()).toBe('0050-06-01T00:00:00.000Z');
    for (const refused of [
      '2024-02-30T00:00:00Z',
      '2024-01-01T24:00:00Z',
      '2024-01-01T00:00Z',
      '2024-01-01T00:00:00+24:00',
      '2024-01-01',
    ])
      expect(parseDateTime(refused), refused).toBeNull();
    expect(parseDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseDate('2023-02-29')).toBeNull();
  });

  it('names the formats JSON Schema cannot spell out, with a description', () => {
    expect(documented(celExpression('Leads matching it'))).toMatchObject({
      format: 'cel-expression',
      maxLength: 2000,
      description: expect.stringContaining('CEL'),
    });
    expect(documented(ianaTimeZone())).toMatchObject({
      format: 'iana-time-zone',
      description: expect.any(String),
    });
    expect(ianaTimeZone().safeParse('Australia/Lord_Howe').success).toBe(true);
    expect(ianaTimeZone().safeParse('Mars/Olympus_Mons').success).toBe(false);
  });
});
