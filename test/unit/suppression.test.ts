import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fieldTypes } from '../../domain/fields/index.js';
import {
  leadListHashes,
  listCheckDecision,
  listItemHash,
  normaliseListValue,
} from '../../domain/suppression.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('suppression values', () => {
  it('normalises every written form of a US phone to the same E.164 number', () => {
    for (const raw of [
      '5551234567',
      '(555) 123-4567',
      '555.123.4567',
      '1-555-123-4567',
      '+1 555 123 4567',
      ' 555 123 4567 ',
      '555-123-4567 x89',
    ]) {
      expect(normaliseListValue('phone', raw), raw).toEqual({ ok: true, normal: '+15551234567' });
    }
  });

  it('reads a leading + as international, not as a US number', () => {
    expect(normaliseListValue('phone', '+44 20 7946 0958')).toEqual({ ok: true, normal: '+442079460958' });
    expect(normaliseListValue('phone', '+4930123456')).toMatchObject({ ok: true, normal: '+4930123456' });
    expect(normaliseListValue('phone', '12')).toEqual({ ok: false, reason: 'invalid_phone' });
    expect(normaliseListValue('phone', 'call me')).toEqual({ ok: false, reason: 'invalid_phone' });
  });

  it('normalises emails (case, spaces, mailto:) and refuses non-addresses', () => {
    for (const raw of ['Jane.Doe@Example.COM', ' jane.doe@example.com', 'mailto:JANE.DOE@example.com']) {
      expect(normaliseListValue('email', raw), raw).toEqual({ ok: true, normal: 'jane.doe@example.com' });
    }
    expect(normaliseListValue('email', 'jane.doe')).toEqual({ ok: false, reason: 'invalid_email' });
  });

  it('normalises domains from hosts, URLs and addresses', () => {
    for (const raw of [
      'example.com',
      'EXAMPLE.com.',
      'www.example.com',
      'https://www.Example.com/path?q=1',
      'bob@example.com',
    ]) {
      expect(normaliseListValue('domain', raw), raw).toEqual({ ok: true, normal: 'example.com' });
    }
    expect(normaliseListValue('domain', 'localhost')).toEqual({ ok: false, reason: 'invalid_domain' });
    expect(normaliseListValue('domain', '')).toEqual({ ok: false, reason: 'empty' });
  });

  it('stores SHA-256 of the normal form, and takes a 64-hex value as an existing hash', () => {
    expect(listItemHash('email', 'Jane.Doe@Example.com')).toEqual({
      ok: true,
      hash: sha256('jane.doe@example.com'),
    });
    const digest = sha256('+15551234567').toUpperCase();
    expect(listItemHash('phone', digest)).toEqual({ ok: true, hash: digest.toLowerCase() });
  });
});

describe('what a lead offers each list type', () => {
  const normalized = {
    email: 'jane@mail.example.co.uk',
    phone_1: '+15551234567',
    mobile: '+15559876543',
    website: 'https://shop.example.org/x',
    notes: '+15550000000',
  };
  const types = fieldTypes([], Object.keys(normalized));

  it('phone lists see every phone field (not free text)', () => {
    expect(leadListHashes('phone', normalized, types).sort()).toEqual(
      [sha256('+15551234567'), sha256('+15559876543')].sort(),
    );
    expect(leadListHashes('phone', normalized, types, ['mobile'])).toEqual([sha256('+15559876543')]);
  });

  it('domain lists see the email domain, URL hosts and their registrable domains', () => {
    expect(leadListHashes('domain', normalized, types).sort()).toEqual(
      [
        sha256('mail.example.co.uk'),
        sha256('example.co.uk'),
        sha256('shop.example.org'),
        sha256('example.org'),
      ].sort(),
    );
  });

  it('a declared field type decides over the catalogue', () => {
    const declared = fieldTypes([{ name: 'notes', type: 'phone' }], Object.keys(normalized));
    expect(leadListHashes('phone', normalized, declared)).toContain(sha256('+15550000000'));
  });
});

describe('list_check decision', () => {
  const step = {
    id: 'step_1',
    list_ids: ['list_a', 'list_b'],
    action: 'reject' as const,
    reason: 'Do not contact',
  };
  const lists = (hitA: boolean, hitB: boolean) => ({
    lists: [
      { list_id: 'list_a', name: 'A', type: 'phone' as const, hit: hitA },
      { list_id: 'list_b', name: 'B', type: 'email' as const, hit: hitB },
    ],
    missing: [],
  });
  it('passes without hits, rejects or flags with them', () => {
    expect(listCheckDecision(step, lists(false, false))).toEqual({ outcome: 'pass', hits: [], reason: null });
    expect(listCheckDecision(step, lists(false, true))).toEqual({
      outcome: 'reject',
      hits: ['list_b'],
      reason: 'Do not contact',
    });
    expect(listCheckDecision({ ...step, action: 'flag' }, lists(true, true)).outcome).toBe('flag');
  });
});
