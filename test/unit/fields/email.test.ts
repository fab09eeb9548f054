import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../../domain/fields/index.js';

describe('email', () => {
  it('lowercases, trims and splits an address', () => {
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
  });

  it('splits the domain at its public suffix', () => {
    expect(parseEmail('jane@mail.acme-corp.co.uk')).toMatchObject({
      valid: true,
      domain: 'mail.acme-corp.co.uk',
      host: 'mail.acme-corp',
      tld: 'co.uk',
      is_free: false,
    });
    expect(parseEmail('a@example.com.au')).toMatchObject({ host: 'example', tld: 'com.au' });
  });

  it.each([
    ['someone@gmail.com', { is_free: true, is_disposable: false }],
    ['someone@yahoo.com', { is_free: true }],
    ['throwaway@mailinator.com', { is_disposable: true }],
    ['x@sub.mailinator.com', { is_disposable: true }],
    ['ceo@acme-widgets.com', { is_free: false, is_disposable: false, is_role: false }],
    ['info@acme-widgets.com', { is_role: true }],
    ['Sales+leads@acme-widgets.com', { is_role: true }],
  ])('flags free, disposable and role addresses: %s', (raw, flags) => {
    expect(parseEmail(raw)).toMatchObject({ valid: true, ...flags });
  });

  it.each([
    ['user+hola@domain.com', 'user+hola@domain.com'],
    ['john @ gmail.com', 'john@gmail.com'],
    ['p. j. butter@gmail.com', 'p.j.butter@gmail.com'],
    ['peace_carols@hotmail. Co', 'peace_carols@hotmail.co'],
    ['mailto:john@gmail.com', 'john@gmail.com'],
  ])('accepts sub-addressing and stray whitespace: %j', (raw, normal) => {
    expect(parseEmail(raw)).toMatchObject({ raw, valid: true, normal });
  });

  it.each([
    'john',
    'Asdf',
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
    'hello@//gmail.xn--om.3ia',
    `${'x'.repeat(65)}@example.com`,
  ])('refuses a malformed address, with no components: %j', (raw) => {
    expect(parseEmail(raw)).toMatchObject({
      raw,
      valid: false,
      user: null,
      domain: null,
      host: null,
      tld: null,
      is_free: false,
      is_disposable: false,
    });
  });

  it('refuses numbers and keeps the text of an invalid address as its normal form', () => {
    expect(parseEmail(12345)).toMatchObject({ valid: false, normal: '12345' });
    expect(parseEmail('Bad@@X.com')).toMatchObject({ normal: 'bad@@x.com', valid: false });
  });
});
