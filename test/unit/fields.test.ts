import { describe, expect, it } from 'vitest';
import {
  FIELD_TYPES,
  inferFieldType,
  normalizeLead,
  parseBoolean,
  parseDate,
  parseDob,
  parseEmail,
  parseField,
  parseIp,
  parseNumber,
  parsePhone,
  parsePostalCode,
  parseRange,
  parseState,
  parseString,
  parseTrustedFormUrl,
  parseUrl,
} from '../../domain/fields/index.js';

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
  Symbol('x'),
  () => 1,
  new Date(Number.NaN),
  true,
  '',
  '   ',
  '\u0000\u202e',
  'x'.repeat(10_000),
];

describe('every type', () => {
  it('never throws and reports garbage as invalid with raw kept', () => {
    for (const type of FIELD_TYPES) {
      for (const raw of GARBAGE) {
        const value = parseField(type, raw, { now });
        expect(value.raw).toBe(raw);
        expect(typeof value.valid).toBe('boolean');
        if (typeof raw === 'object' && raw !== null && !(raw instanceof Date))
          expect(value.valid).toBe(false);
      }
    }
  });

  it('turns a plain object into "[object Object]", invalid', () => {
    for (const type of FIELD_TYPES) {
      expect(parseField(type, { a: 1 }, { now })).toMatchObject({ normal: '[object Object]', valid: false });
    }
  });

  it('keeps the original raw when re-parsing a parsed value', () => {
    const first = parseField('string', ' (212) 555-0123 ', { now });
    const again = parseField('phone', first, { now });
    expect(again.raw).toBe(' (212) 555-0123 ');
    expect(again).toMatchObject({ normal: '+12125550123', valid: true });
  });
});

describe('string', () => {
  it('trims', () => {
    expect(parseString('  John ')).toEqual({ raw: '  John ', normal: 'John', valid: true });
    expect(parseString(42)).toEqual({ raw: 42, normal: '42', valid: true });
  });
});

describe('phone', () => {
  it('parses a US number with an extension', () => {
    expect(parsePhone('(212) 555-0123 x12')).toEqual({
      raw: '(212) 555-0123 x12',
      normal: '+12125550123',
      valid: true,
      is_possible: true,
      area: '212',
      exchange: '555',
      line: '0123',
      number: '5550123',
      extension: '12',
      country_code: 'US',
      country_calling_code: '1',
      is_tollfree: false,
      type: 'fixed_line_or_mobile',
      type_source: 'metadata',
      masked: '+*******0123',
    });
  });

  it('reports "555-123-4567" style numbers as possible but invalid (no such area code)', () => {
    const phone = parsePhone('(555) 123-4567 x12');
    expect(phone).toMatchObject({
      normal: '+15551234567',
      valid: false,
      is_possible: true,
      area: '555',
      exchange: '123',
      line: '4567',
      extension: '12',
      type: null,
    });
  });

  it('parses an international number', () => {
    expect(parsePhone('+44 20 7946 0958')).toMatchObject({
      normal: '+442079460958',
      valid: true,
      country_code: 'GB',
      country_calling_code: '44',
      area: null,
      exchange: null,
      line: null,
      number: '2079460958',
      type: 'fixed_line',
      is_tollfree: false,
    });
  });

  it('recognises toll-free numbers', () => {
    for (const raw of ['1-800-555-0199', '8885550100', '+1 (866) 555-0123']) {
      expect(parsePhone(raw)).toMatchObject({ valid: true, is_tollfree: true, type: 'toll_free' });
    }
  });

  it('takes a trailing h/w/m/c hint as the line type', () => {
    expect(parsePhone('2125550123m')).toMatchObject({
      normal: '+12125550123',
      valid: true,
      type: 'mobile',
      type_source: 'hint',
    });
    expect(parsePhone('212-555-0123 h')).toMatchObject({ type: 'home', type_source: 'hint' });
    expect(parsePhone('2125550123W')).toMatchObject({ type: 'work' });
    expect(parsePhone('2125550123c')).toMatchObject({ type: 'mobile' });
  });

  it('accepts numbers, a leading 1 and an "ext." extension', () => {
    expect(parsePhone(2125550123)).toMatchObject({ normal: '+12125550123', valid: true });
    expect(parsePhone('1 212 555 0123')).toMatchObject({ normal: '+12125550123', valid: true });
    expect(parsePhone('212.555.0123 ext. 99')).toMatchObject({ valid: true, extension: '99' });
  });

  it('rejects non-numbers', () => {
    for (const raw of ['garbage', '123', 'call me 2125550123 tomorrow', '1-800-FLOWERS', '', true]) {
      expect(parsePhone(raw)).toMatchObject({ valid: false, area: null, type: null, masked: null });
    }
    expect(parsePhone('garbage').normal).toBe('garbage');
  });
});

describe('email', () => {
  it('normalises and splits an address', () => {
    expect(parseEmail('  John.Doe@Example.COM ')).toEqual({
      raw: '  John.Doe@Example.COM ',
      normal: 'john.doe@example.com',
      valid: true,
      user: 'john.doe',
      domain: 'example.com',
      host: 'example',
      tld: 'com',
      is_free: true, // example.com is on the email-providers list
      is_disposable: false,
      is_role: false,
    });
    expect(parseEmail('jane@mail.acme-corp.co.uk')).toMatchObject({
      valid: true,
      domain: 'mail.acme-corp.co.uk',
      host: 'mail.acme-corp.co',
      tld: 'uk',
      is_free: false,
    });
  });

  it('flags free, disposable and role addresses', () => {
    expect(parseEmail('someone@gmail.com')).toMatchObject({
      valid: true,
      is_free: true,
      is_disposable: false,
    });
    expect(parseEmail('someone@yahoo.com')).toMatchObject({ is_free: true });
    expect(parseEmail('throwaway@mailinator.com')).toMatchObject({ valid: true, is_disposable: true });
    expect(parseEmail('x@sub.mailinator.com')).toMatchObject({ is_disposable: true });
    expect(parseEmail('ceo@acme-widgets.com')).toMatchObject({
      is_free: false,
      is_disposable: false,
      is_role: false,
    });
    expect(parseEmail('info@acme-widgets.com')).toMatchObject({ valid: true, is_role: true });
    expect(parseEmail('Sales+leads@acme-widgets.com')).toMatchObject({ is_role: true });
    expect(parseEmail('admin@acme-widgets.com').is_role).toBe(true);
  });

  it('accepts sub-addressing and removes inner whitespace', () => {
    expect(parseEmail('user+tag@gmail.com')).toMatchObject({ valid: true, user: 'user+tag' });
    expect(parseEmail('john @ gmail.com')).toMatchObject({ valid: true, normal: 'john@gmail.com' });
    expect(parseEmail('mailto:john@gmail.com')).toMatchObject({ valid: true, normal: 'john@gmail.com' });
  });

  it('rejects malformed addresses', () => {
    for (const raw of [
      'john',
      'john@',
      '@gmail.com',
      'a@b',
      'a@b.c',
      'bad@@x.com',
      'a..b@example.com',
      '.a@example.com',
      'a@-example.com',
      'a@example..com',
      'a@example.com.',
      'John <john@example.com>',
      '"quoted"@example.com',
      'a@[127.0.0.1]',
      'a@example.123',
      `${'x'.repeat(65)}@example.com`,
      12345,
    ]) {
      expect(parseEmail(raw).valid, String(raw)).toBe(false);
    }
    expect(parseEmail('bad@@x.com')).toMatchObject({ normal: 'bad@@x.com', valid: false });
  });
});

describe('postal_code', () => {
  it('parses US ZIP and ZIP+4', () => {
    expect(parsePostalCode('90210')).toMatchObject({
      normal: '90210',
      valid: true,
      country_code: 'US',
      zip: '90210',
      four: null,
    });
    expect(parsePostalCode('90210-1234')).toEqual({
      raw: '90210-1234',
      normal: '90210-1234',
      valid: true,
      country_code: 'US',
      zip: '90210',
      four: '1234',
      fsa: null,
      ldu: null,
      district: null,
      outcode: null,
      incode: null,
    });
    expect(parsePostalCode('902101234')).toMatchObject({ normal: '90210-1234', zip: '90210', four: '1234' });
    expect(parsePostalCode(90210)).toMatchObject({ normal: '90210', valid: true });
    expect(parsePostalCode(2134)).toMatchObject({ normal: '02134', valid: true, zip: '02134' });
  });

  it('parses Canadian codes', () => {
    expect(parsePostalCode('K1A 0B6')).toMatchObject({
      normal: 'K1A 0B6',
      valid: true,
      country_code: 'CA',
      fsa: 'K1A',
      ldu: '0B6',
      district: 'K',
    });
    expect(parsePostalCode('k1a0b6')).toMatchObject({ normal: 'K1A 0B6', valid: true });
  });

  it('parses UK postcodes', () => {
    expect(parsePostalCode('SW1A 1AA')).toMatchObject({
      normal: 'SW1A 1AA',
      valid: true,
      country_code: 'GB',
      outcode: 'SW1A',
      incode: '1AA',
    });
    expect(parsePostalCode('ec1a1bb')).toMatchObject({ normal: 'EC1A 1BB', valid: true });
    expect(parsePostalCode('M1 1AE')).toMatchObject({ outcode: 'M1', incode: '1AE' });
    expect(parsePostalCode('GIR 0AA')).toMatchObject({ valid: true, outcode: 'GIR' });
  });

  it('rejects everything else', () => {
    for (const raw of [
      '9021',
      '902100',
      '90210-12',
      'D1A 0B6',
      'K1A 0B',
      'ABC',
      'SW1A 1CI',
      '12345-67890',
      90210.5,
    ]) {
      expect(parsePostalCode(raw), String(raw)).toMatchObject({
        valid: false,
        country_code: null,
        zip: null,
      });
    }
  });
});

describe('state', () => {
  it('maps codes and names to the code', () => {
    expect(parseState('tx')).toEqual({
      raw: 'tx',
      normal: 'TX',
      valid: true,
      name: 'Texas',
      country_code: 'US',
    });
    expect(parseState('New York')).toMatchObject({ normal: 'NY', name: 'New York' });
    expect(parseState(' new   hampshire ')).toMatchObject({ normal: 'NH' });
    expect(parseState('Québec')).toMatchObject({ normal: 'QC', country_code: 'CA' });
    expect(parseState('ON')).toMatchObject({ normal: 'ON', name: 'Ontario', country_code: 'CA' });
    expect(parseState('D.C.')).toMatchObject({ normal: 'DC' });
    expect(parseState('Washington DC')).toMatchObject({ normal: 'DC' });
    expect(parseState('PR')).toMatchObject({ normal: 'PR', name: 'Puerto Rico' });
    expect(parseState('AE')).toMatchObject({ normal: 'AE', valid: true });
  });

  it('keeps unknown states as given, invalid', () => {
    expect(parseState('Texass')).toEqual({
      raw: 'Texass',
      normal: 'Texass',
      valid: false,
      name: null,
      country_code: null,
    });
    expect(parseState('ZZ').valid).toBe(false);
    expect(parseState(12).valid).toBe(false);
  });
});

describe('boolean', () => {
  it('reads the usual spellings', () => {
    for (const raw of ['y', 'Yes', 'TRUE', 't', '1', 1, true])
      expect(parseBoolean(raw), String(raw)).toMatchObject({ normal: true, valid: true });
    for (const raw of ['n', 'NO', 'false', 'F', '0', 0, false])
      expect(parseBoolean(raw), String(raw)).toMatchObject({ normal: false, valid: true });
  });

  it('rejects anything else', () => {
    for (const raw of ['maybe', 'on', '2', 2, 'yes please'])
      expect(parseBoolean(raw).valid, String(raw)).toBe(false);
    expect(parseBoolean('maybe').normal).toBe('maybe');
  });
});

describe('number', () => {
  it('strips currency and separators', () => {
    expect(parseNumber('$50,000')).toEqual({ raw: '$50,000', normal: 50000, valid: true });
    expect(parseNumber('55000 USD').normal).toBe(55000);
    expect(parseNumber(' -3.5 ').normal).toBe(-3.5);
    expect(parseNumber('12.5%').normal).toBe(12.5);
    expect(parseNumber('£1,234.50').normal).toBe(1234.5);
    expect(parseNumber(42)).toEqual({ raw: 42, normal: 42, valid: true });
    expect(parseNumber('.5').normal).toBe(0.5);
  });

  it('rejects non-numbers instead of guessing', () => {
    for (const raw of ['abc', '50k', '1.2.3', '-', '', Number.NaN, Number.POSITIVE_INFINITY, true, '1e5']) {
      expect(parseNumber(raw).valid, String(raw)).toBe(false);
    }
    expect(parseNumber('50k')).toEqual({ raw: '50k', normal: '50k', valid: false });
  });
});

describe('range', () => {
  it('parses bounded ranges', () => {
    expect(parseRange('18-24')).toEqual({
      raw: '18-24',
      normal: '18-24',
      valid: true,
      min: 18,
      max: 24,
      avg: 21,
      mid: 21,
    });
    expect(parseRange('25 to 34')).toMatchObject({ normal: '25-34', min: 25, max: 34, avg: 29.5, mid: 29 });
    expect(parseRange('$50,000 - $75,000')).toMatchObject({ normal: '50000-75000', avg: 62500 });
    expect(parseRange('1.5-2.25')).toMatchObject({ avg: 1.88, mid: 1 });
    expect(parseRange('30')).toMatchObject({ normal: '30', min: 30, max: 30, avg: 30, mid: 30 });
  });

  it('parses open-ended ranges', () => {
    expect(parseRange('65+')).toEqual({
      raw: '65+',
      normal: '65+',
      valid: true,
      min: 65,
      max: null,
      avg: 65,
      mid: 65,
    });
  });

  it('rejects malformed ranges', () => {
    for (const raw of ['24-18', 'a-b', '-', '+', 'young', '-5', true]) {
      expect(parseRange(raw), String(raw)).toMatchObject({ valid: false, min: null, max: null });
    }
  });
});

describe('date', () => {
  it('reads US dates first', () => {
    expect(parseDate('12/31/1990')).toEqual({
      raw: '12/31/1990',
      normal: '1990-12-31',
      valid: true,
      year: 1990,
      month: 12,
      day: 31,
    });
    expect(parseDate('2/3/1990')).toMatchObject({ normal: '1990-02-03' });
    expect(parseDate('02-03-1990')).toMatchObject({ normal: '1990-02-03' });
  });

  it('falls back to day/month/year only when the US reading is impossible', () => {
    expect(parseDate('31/12/1990')).toMatchObject({ normal: '1990-12-31', valid: true });
  });

  it('reads ISO dates and Date objects', () => {
    expect(parseDate('1990-12-31')).toMatchObject({ normal: '1990-12-31', valid: true });
    expect(parseDate('1990-12-31T23:30:00Z')).toMatchObject({ normal: '1990-12-31' });
    expect(parseDate(new Date('1990-12-31T00:00:00Z'))).toMatchObject({ normal: '1990-12-31', valid: true });
  });

  it('rejects impossible and ambiguous dates', () => {
    for (const raw of [
      '2/30/1990',
      '2/29/1990',
      '13/13/1990',
      '1990-02-30',
      '12/31/90',
      'yesterday',
      '19901231',
      19901231,
    ]) {
      expect(parseDate(raw), String(raw)).toMatchObject({ valid: false, year: null });
    }
    expect(parseDate('2/29/1992').valid).toBe(true);
    expect(parseDate('2/30/1990').normal).toBe('2/30/1990');
  });
});

describe('dob', () => {
  it('adds the age in whole years at the given time', () => {
    expect(parseDob('12/31/1990', { now })).toMatchObject({ normal: '1990-12-31', valid: true, age: 33 });
    expect(parseDob('1990-06-15', { now }).age).toBe(34); // birthday today
    expect(parseDob('1990-06-16', { now }).age).toBe(33); // tomorrow
    expect(parseDob('2000-02-29', { now: new Date('2021-02-28T12:00:00Z') }).age).toBe(20);
    expect(parseDob('2000-02-29', { now: new Date('2021-03-01T12:00:00Z') }).age).toBe(21);
  });

  it('rejects future and implausible dates of birth', () => {
    expect(parseDob('2030-01-01', { now })).toMatchObject({ valid: false, age: null });
    expect(parseDob('1850-01-01', { now })).toMatchObject({ valid: false, age: 174 });
    expect(parseDob('2/30/1990', { now })).toMatchObject({ valid: false, age: null });
  });
});

describe('url', () => {
  it('adds http:// and splits the parts', () => {
    expect(parseUrl('example.com/path?q=1#top')).toEqual({
      raw: 'example.com/path?q=1#top',
      normal: 'http://example.com/path?q=1#top',
      valid: true,
      protocol: 'http',
      host: 'example.com',
      port: null,
      path: '/path',
      query: 'q=1',
      hash: 'top',
    });
    expect(parseUrl('https://Shop.Example.co.uk:8443/')).toMatchObject({
      valid: true,
      protocol: 'https',
      host: 'shop.example.co.uk',
      port: 8443,
      path: '/',
      query: null,
      hash: null,
    });
    expect(parseUrl('http://192.168.1.10/form').valid).toBe(true);
    expect(parseUrl('http://localhost:3000').valid).toBe(true);
  });

  it('rejects non-web and malformed URLs', () => {
    for (const raw of [
      'ftp://example.com',
      'not a url',
      'http://',
      'justaword',
      'mailto:a@b.com',
      'http://exa mple.com',
      42,
    ]) {
      expect(parseUrl(raw).valid, String(raw)).toBe(false);
    }
  });
});

describe('ip', () => {
  it('parses IPv4 and IPv6', () => {
    expect(parseIp('8.8.8.8')).toEqual({
      raw: '8.8.8.8',
      normal: '8.8.8.8',
      valid: true,
      is_ipv4: true,
      is_ipv6: false,
      range: 'unicast',
      is_public: true,
    });
    expect(parseIp('2001:4860:4860:0000:0000:0000:0000:8888')).toMatchObject({
      normal: '2001:4860:4860::8888',
      valid: true,
      is_ipv6: true,
      is_public: true,
    });
    expect(parseIp('[::1]')).toMatchObject({ valid: true, range: 'loopback', is_public: false });
    expect(parseIp('192.168.0.1')).toMatchObject({ valid: true, range: 'private', is_public: false });
  });

  it('rejects malformed addresses', () => {
    for (const raw of ['256.1.1.1', '1.2.3', '127.1', '0x7f.0.0.1', 'abc', '1.2.3.4.5', ':::', 16909060]) {
      expect(parseIp(raw).valid, String(raw)).toBe(false);
    }
  });
});

describe('trustedform_url', () => {
  it('accepts a web certificate URL', () => {
    expect(parseTrustedFormUrl(CERT)).toEqual({
      raw: CERT,
      normal: CERT,
      valid: true,
      cert_id: '0123456789abcdef0123456789abcdef01234567',
      type: 'web',
      host: 'cert.trustedform.com',
      age_in_days: null,
    });
    expect(
      parseTrustedFormUrl('https://ping.trustedform.com/0123456789ABCDEF0123456789abcdef01234567'),
    ).toMatchObject({
      valid: true,
      normal: 'https://ping.trustedform.com/0123456789abcdef0123456789abcdef01234567',
      host: 'ping.trustedform.com',
    });
  });

  it('rejects other hosts, plain http and malformed ids', () => {
    for (const raw of [
      'http://cert.trustedform.com/0123456789abcdef0123456789abcdef01234567',
      'https://cert.trustedform.evil.com/0123456789abcdef0123456789abcdef01234567',
      'https://cert.trustedform.com/0123456789abcdef',
      'https://cert.trustedform.com/zz23456789abcdef0123456789abcdef01234567',
      'https://cert.trustedform.com/',
      '0123456789abcdef0123456789abcdef01234567',
    ]) {
      expect(parseTrustedFormUrl(raw).valid, raw).toBe(false);
    }
    expect(parseTrustedFormUrl('https://cert.trustedform.com/0123456789abcdef')).toMatchObject({
      cert_id: '0123456789abcdef',
      type: null,
    });
  });
});

describe('inferFieldType', () => {
  it('knows the common field names', () => {
    expect(inferFieldType('email')).toBe('email');
    expect(inferFieldType('phone')).toBe('phone');
    expect(inferFieldType('phone_1')).toBe('phone');
    expect(inferFieldType('mobile_phone')).toBe('phone');
    expect(inferFieldType('postal_code')).toBe('postal_code');
    expect(inferFieldType('zip')).toBe('postal_code');
    expect(inferFieldType('state')).toBe('state');
    expect(inferFieldType('dob')).toBe('dob');
    expect(inferFieldType('date_of_birth')).toBe('dob');
    expect(inferFieldType('age')).toBe('number');
    expect(inferFieldType('income')).toBe('number');
    expect(inferFieldType('trustedform_cert_url')).toBe('trustedform_url');
    expect(inferFieldType('ip_address')).toBe('ip');
    expect(inferFieldType('url')).toBe('url');
    expect(inferFieldType('website')).toBe('url');
    expect(inferFieldType('first_name')).toBe('string');
    expect(inferFieldType('custom_field_12345')).toBe('string');
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

  it('types undeclared fields by their names and leaves blanks out', () => {
    const result = normalizeLead(
      [{ name: 'income', type: 'number' }],
      { income: '$55,000', phone: '2125550123', note: '  ' },
      now,
    );
    expect(result.values.income).toEqual({ raw: '$55,000', normal: 55000, valid: true });
    expect(result.values.phone).toMatchObject({ raw: '2125550123', normal: '+12125550123', valid: true });
    expect(result.values).not.toHaveProperty('note');
    expect(result.definitions).toEqual([
      { name: 'income', type: 'number' },
      { name: 'phone', type: 'phone' },
      { name: 'note', type: 'string' },
    ]);
    expect(result.errors).toEqual([]);
  });

  it('infers types from names when the flow declares no fields', () => {
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
      },
      now,
    );
    expect(result.values.email?.normal).toBe('a@gmail.com');
    expect(result.values.phone_1?.normal).toBe('+12125550123');
    expect(result.values.zip).toMatchObject({ zip: '90210' });
    expect(result.values.dob).toMatchObject({ age: 33 });
    expect(result.values.income?.normal).toBe(55000);
    expect(result.values.trustedform_cert_url).toMatchObject({ valid: true, type: 'web' });
    expect(result.values.ip_address).toMatchObject({ is_ipv4: true });
    expect(result.values.first_name?.normal).toBe('John');
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
