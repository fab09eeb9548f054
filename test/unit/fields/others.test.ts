import { describe, expect, it } from 'vitest';
import {
  maskParsedValue,
  parseCredential,
  parseGender,
  parseIp,
  parseSsn,
  parseState,
  parseStreet,
  parseString,
  parseTrustedFormUrl,
  parseUrl,
} from '../../../domain/fields/index.js';

const CERT = 'https://cert.trustedform.com/0123456789abcdef0123456789abcdef01234567';

describe('string, first_name, last_name, city', () => {
  it('trims text and refuses only non-scalars', () => {
    expect(parseString('  John ')).toEqual({ raw: '  John ', normal: 'John', valid: true });
    expect(parseString(42)).toEqual({ raw: 42, normal: '42', valid: true });
    expect(parseString({ foo: 42 })).toEqual({ raw: { foo: 42 }, normal: '[object Object]', valid: false });
  });
});

describe('state', () => {
  it.each([
    ['TX', 'TX', 'Texas', 'US'],
    ['tx', 'TX', 'Texas', 'US'],
    ['texas', 'TX', 'Texas', 'US'],
    [' New  York ', 'NY', 'New York', 'US'],
    ['Québec', 'QC', 'Quebec', 'CA'],
    ['ON', 'ON', 'Ontario', 'CA'],
    ['Washington DC', 'DC', 'District of Columbia', 'US'],
    ['PW', 'PW', 'Palau', 'US'],
  ])('maps %j to its code and name', (raw, normal, name, country) => {
    expect(parseState(raw)).toEqual({
      raw,
      normal,
      valid: true,
      name,
      country_code: country,
      is_known: true,
    });
  });

  it.each(['DX', 'Dexus', 'DEXUS NEXUS', 'Île-de-France'])(
    'keeps %j as given: valid, but not known',
    (raw) => {
      expect(parseState(raw)).toEqual({
        raw,
        normal: raw,
        valid: true,
        name: raw,
        country_code: null,
        is_known: false,
      });
    },
  );

  it('refuses non-scalars', () => {
    expect(parseState({ foo: 42 })).toMatchObject({ valid: false, is_known: false, name: null });
  });
});

describe('street', () => {
  it.each([
    ['4203 Guadalupe St', '4203', 'Guadalupe St'],
    [' 4203  Guadalupe St ', '4203', 'Guadalupe St'],
    ['00283 Ondricka Street', '00283', 'Ondricka Street'],
    ['12B Baker Street', '12B', 'Baker Street'],
    ['N6W23001 Bluemound Rd', 'N6W23001', 'Bluemound Rd'],
  ])('splits %j into number and name', (raw, number, name) => {
    expect(parseStreet(raw)).toEqual({ raw, normal: `${number} ${name}`, valid: true, number, name });
  });

  it.each(['Asdf', 'Main Street', '4203', ''])('refuses %j', (raw) => {
    expect(parseStreet(raw)).toMatchObject({ raw, valid: false, number: null, name: null });
  });
});

describe('gender', () => {
  it.each([
    ['male', 'male', 'M'],
    ['M', 'male', 'M'],
    ['   m', 'male', 'M'],
    ['FEMALE', 'female', 'F'],
    ['f', 'female', 'F'],
    ['Woman', 'female', 'F'],
    ['other', 'other', 'O'],
    ['O', 'other', 'O'],
    ['Non-binary', 'other', 'O'],
  ])('reads %j', (raw, normal, abbr) => {
    expect(parseGender(raw)).toEqual({ raw, normal, valid: true, abbr });
  });

  it('refuses anything else, keeping it as given', () => {
    expect(parseGender('robot')).toEqual({ raw: 'robot', normal: 'robot', valid: false, abbr: null });
  });
});

describe('ssn', () => {
  it.each(['123456789', '123-45-6789', '123 45 6789', '123.45.6789', ' 123-45-6789 '])('reads %j', (raw) => {
    expect(parseSsn(raw)).toEqual({
      raw,
      normal: '123456789',
      valid: true,
      masked: false,
      first_three: '123',
      middle_two: '45',
      last_four: '6789',
    });
  });

  it.each(['000-12-3456', '666-12-3456', '912-34-5678', '123-00-4567', '123-45-0000'])(
    'refuses numbers the SSA never issues: %s',
    (raw) => {
      expect(parseSsn(raw).valid).toBe(false);
    },
  );

  it.each(['abcd', '12345678', '1234567890', 'donkey 123456789', { foo: 42 }])('refuses %j', (raw) => {
    expect(parseSsn(raw)).toMatchObject({ valid: false, masked: false, first_three: null, last_four: null });
  });

  it('reads an already masked SSN as valid and masked', () => {
    expect(parseSsn('***-**-****')).toMatchObject({
      valid: true,
      masked: true,
      normal: '*********',
      last_four: '****',
    });
  });

  it('masks every character of an SSN for storage, keeping validity and the separators of the raw input', () => {
    expect(maskParsedValue('ssn', parseSsn('123-45-6789'))).toEqual({
      raw: '***-**-****',
      normal: '*********',
      valid: true,
      masked: true,
      first_three: '***',
      middle_two: '**',
      last_four: '****',
    });
  });
});

describe('credential', () => {
  it('accepts any text and masks all of it for storage', () => {
    const value = parseCredential('sekret-pazzward');
    expect(value).toEqual({ raw: 'sekret-pazzward', normal: 'sekret-pazzward', valid: true, masked: false });
    expect(maskParsedValue('credential', value)).toEqual({
      raw: '***************',
      normal: '***************',
      valid: true,
      masked: true,
    });
  });

  it('leaves the values of other types alone', () => {
    const value = parseString('hello');
    expect(maskParsedValue('string', value)).toBe(value);
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
      hash: '#top',
    });
    expect(parseUrl('    HTTPS://Google.com:8443/search?q=hi#results     ')).toMatchObject({
      valid: true,
      normal: 'https://google.com:8443/search?q=hi#results',
      host: 'google.com:8443',
      port: 8443,
    });
    expect(parseUrl('http://192.168.1.10/form').valid).toBe(true);
    expect(parseUrl('http://localhost:3000').valid).toBe(true);
  });

  it.each([
    'ftp://example.com',
    'not a url',
    'http://',
    'justaword',
    'donkey://google.com',
    'mailto:a@b.com',
    42,
  ])('refuses %j', (raw) => {
    expect(parseUrl(raw).valid).toBe(false);
  });
});

describe('ip', () => {
  it.each([
    '198.51.90.161',
    '198.51.90.161/32',
    'http://198.51.90.161:32',
    'http://198.51.90.161',
    '    198. 51. 90. 161     ',
    '    http://198.51.90.161     ',
    '198.51.90.161/extra_path',
  ])('reads the IPv4 address in %j, with its IPv4-mapped IPv6 form', (raw) => {
    expect(parseIp(raw)).toEqual({
      raw,
      normal: '198.51.90.161',
      valid: true,
      is_ipv4: true,
      is_ipv6: false,
      ipv6_format: '::ffff:c633:5aa1',
      ipv4_format: '198.51.90.161',
      range: 'unicast',
      is_public: true,
    });
  });

  it.each([
    '[8faa:230d:52ab:98f3:a2ea:7735:a7b8:72e9]',
    '8faa:230d:52ab:98f3:a2ea:7735:a7b8:72e9',
    '    http://[8faa:    230d:52ab:98f3:a2ea:    7735:a7b8:72e9]     ',
    'http://[8faa:230d:52ab:98f3:a2ea:7735:a7b8:72e9]:32',
    '8faa:230d:52ab:98f3:a2ea:7735:a7b8:72e9/64',
    '8faa:230d:52ab:98f3:a2ea:7735:a7b8:72e9:32',
    'http://8faa:230d:52ab:98f3:a2ea:7735:a7b8:72e9/extra_path',
  ])('reads the IPv6 address in %j', (raw) => {
    expect(parseIp(raw)).toMatchObject({
      raw,
      normal: '8faa:230d:52ab:98f3:a2ea:7735:a7b8:72e9',
      valid: true,
      is_ipv4: false,
      is_ipv6: true,
      ipv6_format: '8faa:230d:52ab:98f3:a2ea:7735:a7b8:72e9',
      ipv4_format: null,
    });
  });

  it('compresses IPv6 and reads the IPv4 inside a mapped address', () => {
    expect(parseIp('[0000:0000:0000:0000:0000:0000:0000:0001]')).toMatchObject({
      normal: '::1',
      range: 'loopback',
    });
    expect(parseIp('[ffff::186.25.192.233]').normal).toBe('ffff::ba19:c0e9');
    expect(parseIp('[::ffff:186.25.192.233]')).toMatchObject({
      normal: '::ffff:ba19:c0e9',
      ipv4_format: '186.25.192.233',
      is_public: true,
    });
    expect(parseIp('::ffff:10.0.0.1')).toMatchObject({
      ipv4_format: '10.0.0.1',
      range: 'private',
      is_public: false,
    });
  });

  it.each([
    '',
    'https://google.com',
    'https://',
    'donkey://google.com',
    'fe80:2030:31:24',
    '256.4.5.6',
    '56FE::2159:5BBC::6594',
    '::GG',
    '127.1',
    '010.1.1.1',
  ])('refuses %j, keeping it as given', (raw) => {
    expect(parseIp(raw)).toMatchObject({ raw, valid: false, normal: raw.trim(), ipv6_format: null });
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
    });
  });

  it.each([
    'http://cert.trustedform.com/0123456789abcdef0123456789abcdef01234567',
    'https://cert.trustedform.evil.com/0123456789abcdef0123456789abcdef01234567',
    'https://cert.trustedform.com/0123456789abcdef',
    'https://cert.trustedform.com/',
    '0123456789abcdef0123456789abcdef01234567',
  ])('refuses %j', (raw) => {
    expect(parseTrustedFormUrl(raw).valid).toBe(false);
  });
});
