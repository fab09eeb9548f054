import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIELD_TYPES,
  inferFieldType,
  maskSensitiveInput,
  normalizeLead,
  parseField,
  STANDARD_FIELDS,
  storableValues,
} from '../../../domain/fields/index.js';

const now = new Date('2024-06-15T12:00:00Z');
const CERT = 'https://cert.trustedform.com/0123456789abcdef0123456789abcdef01234567';

// Inputs no parser may throw on.
const GARBAGE: unknown[] = [
  null,
  undefined,
  {},
  { a: 1 },
  [],
  ['5551234567'],
  Object.create(null),
  {
    toString() {
      throw new Error('boom');
    },
  },
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  10n,
  Symbol('x'),
  () => 1,
  new Date(Number.NaN),
  true,
  '',
  '   ',
  '\u0000\u202e',
  '*'.repeat(40),
  '1'.repeat(5000),
  'x'.repeat(10_000),
  '9'.repeat(400),
  '----++++....',
  '+',
];

describe('every type', () => {
  it('never throws on garbage, keeps the raw input, and reports objects as invalid', () => {
    for (const type of FIELD_TYPES) {
      for (const raw of GARBAGE) {
        const value = parseField(type, raw, { now });
        expect(value.raw).toBe(raw);
        expect(typeof value.valid).toBe('boolean');
        if (typeof raw === 'object' && raw !== null && !(raw instanceof Date))
          expect(value.valid, type).toBe(false);
      }
    }
  });

  it('never throws on any input (property test over strings, numbers and JSON values)', () => {
    const input = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: fc.constantFrom(...'0123456789()-+ .*xX/:#[]$,kKtoTZhmwc@'), maxLength: 40 }),
      fc.double(),
      fc.integer(),
      fc.jsonValue({ maxDepth: 2 }),
      fc.date({ noInvalidDate: false }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...FIELD_TYPES), input, (type, raw) => {
        const value = parseField(type, raw, { now });
        expect(typeof value.valid).toBe('boolean');
        expect(value.raw).toBe(raw);
        // What is answered must survive JSON.
        expect(() => JSON.stringify(value)).not.toThrow();
      }),
      { numRuns: 3000, seed: 12 },
    );
  });

  it('turns a plain object into "[object Object]", invalid (a boolean into false, invalid)', () => {
    for (const type of FIELD_TYPES) {
      const expected = type === 'boolean' ? false : '[object Object]';
      expect(parseField(type, { a: 1 }, { now })).toMatchObject({ normal: expected, valid: false });
    }
  });

  it('keeps the original raw when re-parsing a parsed value', () => {
    const first = parseField('string', ' (212) 555-0123 ', { now });
    const again = parseField('phone', first, { now });
    expect(again.raw).toBe(' (212) 555-0123 ');
    expect(again).toMatchObject({ normal: '+12125550123', valid: true });
    expect(parseField('date', parseField('date', 'Mon Jun 02 2014', { now }), { now })).toMatchObject({
      raw: 'Mon Jun 02 2014',
      normal: '2014-06-02',
    });
  });
});

describe('standard field catalogue', () => {
  it.each([
    ['email', 'email'],
    ['Email_Address', 'email'],
    ['phone', 'phone'],
    ['phone_1', 'phone'],
    ['phone_7', 'phone'],
    ['mobile_phone', 'phone'],
    ['alt_phone', 'phone'],
    ['first_name', 'first_name'],
    ['last_name', 'last_name'],
    ['address_1', 'street'],
    ['address', 'street'],
    ['address_2', 'string'],
    ['city', 'city'],
    ['state', 'state'],
    ['postal_code', 'postal_code'],
    ['zip', 'postal_code'],
    ['country', 'string'],
    ['dob', 'dob'],
    ['date_of_birth', 'dob'],
    ['gender', 'gender'],
    ['ssn', 'ssn'],
    ['ip_address', 'ip'],
    ['income', 'number'],
    ['annual_income', 'number'],
    ['trustedform_cert_url', 'trustedform_url'],
    ['xxTrustedFormCertUrl', 'trustedform_url'],
    ['landing_page_url', 'url'],
    ['opt_in', 'boolean'],
    ['submitted_at', 'time'],
    ['password', 'credential'],
    ['custom_field_12345', 'string'],
  ])('types %s as %s', (name, type) => {
    expect(inferFieldType(name)).toBe(type);
  });

  it('names each standard field once, with a type the parsers know', () => {
    const names = STANDARD_FIELDS.flatMap((f) => [f.name, ...(f.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
    for (const field of STANDARD_FIELDS) expect(FIELD_TYPES).toContain(field.type);
  });
});

describe('normalizeLead', () => {
  it('reports the API reference errors: invalid email format and missing phone', () => {
    const result = normalizeLead(
      [
        { name: 'email', type: 'email', required: true, require_valid: true },
        { name: 'phone', type: 'phone', required: true },
      ],
      { email: 'john.doe@', first_name: 'John' },
      now,
    );
    expect(result.errors).toEqual([
      { field: 'email', code: 'invalid_format', message: 'Email format is invalid' },
      { field: 'phone', code: 'missing_required', message: 'Phone is required' },
    ]);
    expect(result.values.email).toMatchObject({ raw: 'john.doe@', valid: false });
    expect(result.values.first_name).toEqual({ raw: 'John', normal: 'John', valid: true });
    expect(result.values.phone).toBeUndefined();
  });

  it('types undeclared fields from the catalogue and leaves blanks out', () => {
    const result = normalizeLead(
      [{ name: 'income', type: 'number' }],
      { income: '$55,000 per year', phone: '2125550123', note: '  ', gender: 'F' },
      now,
    );
    expect(result.values.income).toEqual({ raw: '$55,000 per year', normal: 55000, valid: true });
    expect(result.values.phone).toMatchObject({ raw: '2125550123', normal: '+12125550123', valid: true });
    expect(result.values.gender).toEqual({ raw: 'F', normal: 'female', valid: true, abbr: 'F' });
    expect(result.values).not.toHaveProperty('note');
    expect(result.definitions).toEqual([
      { name: 'income', type: 'number' },
      { name: 'phone', type: 'phone' },
      { name: 'note', type: 'string' },
      { name: 'gender', type: 'gender' },
    ]);
    expect(result.errors).toEqual([]);
  });

  it('lets a flow override a standard field type', () => {
    const result = normalizeLead([{ name: 'phone', type: 'string' }], { phone: '(212) 555-0123' }, now);
    expect(result.values.phone).toEqual({ raw: '(212) 555-0123', normal: '(212) 555-0123', valid: true });
  });

  it('parses every standard field without the flow declaring any', () => {
    const result = normalizeLead(
      [],
      {
        email: 'A@Gmail.com',
        phone_1: '(212) 555-0123',
        zip: '90210',
        dob: '12/31/1990',
        income: '$55,000',
        trustedform_cert_url: CERT,
        ip_address: '8.8.8.8',
        first_name: 'John',
        address_1: '4203 Guadalupe St',
        ssn: '123-45-6789',
      },
      now,
    );
    expect(result.values.email?.normal).toBe('a@gmail.com');
    expect(result.values.phone_1?.normal).toBe('+12125550123');
    expect(result.values.zip).toMatchObject({ zip: '90210' });
    expect(result.values.dob).toMatchObject({ age: 33.4 });
    expect(result.values.income?.normal).toBe(55000);
    expect(result.values.trustedform_cert_url).toMatchObject({ valid: true, type: 'web' });
    expect(result.values.ip_address).toMatchObject({ is_ipv4: true, ipv6_format: '::ffff:808:808' });
    expect(result.values.first_name?.normal).toBe('John');
    expect(result.values.address_1).toMatchObject({ number: '4203', name: 'Guadalupe St' });
    expect(result.values.ssn).toMatchObject({ normal: '123456789', last_four: '6789' });
  });

  it('does not report invalid values unless require_valid is set, nor blank optional fields', () => {
    const result = normalizeLead(
      [
        { name: 'email', type: 'email' },
        { name: 'phone', type: 'phone', require_valid: true },
        { name: 'dob', type: 'dob', require_valid: true },
      ],
      { email: 'nope', phone: '', dob: '2/30/1990' },
      now,
    );
    expect(result.errors).toEqual([
      { field: 'dob', code: 'invalid_format', message: 'Dob format is invalid' },
    ]);
    expect(result.values.email?.valid).toBe(false);
  });

  it('treats a declared field with an unknown type as a string rather than failing', () => {
    const result = normalizeLead([{ name: 'x', type: 'nonsense' as never }], { x: ' y ' }, now);
    expect(result.values.x).toEqual({ raw: ' y ', normal: 'y', valid: true });
  });
});

describe('sensitive fields', () => {
  it('masks SSNs and credentials in what is stored, whatever the field is called', () => {
    const fields = [{ name: 'tax_id', type: 'ssn' as const }];
    const lead = { ssn: '123-45-6789', tax_id: '223456789', password: 'hunter2', email: 'a@example.com' };
    expect(maskSensitiveInput(fields, lead)).toEqual({
      ssn: '***-**-****',
      tax_id: '*********',
      password: '*******',
      email: 'a@example.com',
    });
    const { values, definitions } = normalizeLead(fields, lead, now);
    const stored = storableValues(definitions, values);
    expect(stored.ssn).toMatchObject({
      normal: '*********',
      raw: '***-**-****',
      last_four: '****',
      masked: true,
      valid: true,
    });
    expect(stored.tax_id).toMatchObject({ normal: '*********', masked: true });
    expect(stored.password).toMatchObject({ normal: '*******', masked: true });
    expect(stored.email).toBe(values.email);
    expect(JSON.stringify(stored)).not.toMatch(/6789|hunter2|23456/);
    // The real values stay in memory for rules and deliveries.
    expect(values.ssn?.normal).toBe('123456789');
  });

  it('does not mask a field the flow declares as another type', () => {
    expect(maskSensitiveInput([{ name: 'ssn', type: 'string' }], { ssn: 'n/a' })).toEqual({ ssn: 'n/a' });
  });
});
