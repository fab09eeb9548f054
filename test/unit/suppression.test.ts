import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fieldTypes } from '../../domain/fields/index.js';
import { listCheckDecision, suppressionReason } from '../../domain/list-check.js';
import { leadListProbes, listItemHash, normaliseListValue } from '../../domain/suppression.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// The distinct hashes a lead's values give for a list type (what the probe looks up).
const leadListHashes = (...args: Parameters<typeof leadListProbes>) => [
  ...new Set(leadListProbes(...args).map((p) => p.hash)),
];

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

  it('spells an internationalised domain one way (punycode), whatever form or case it comes in', () => {
    for (const raw of [
      'bücher.de',
      'BÜCHER.DE',
      'https://www.Bücher.de/x',
      'xn--bcher-kva.de',
      'jo@XN--BCHER-KVA.de',
    ]) {
      expect(normaliseListValue('domain', raw), raw).toEqual({ ok: true, normal: 'xn--bcher-kva.de' });
    }
  });

  it('spells an email address at an internationalised domain one way', () => {
    for (const raw of ['Jo@Bücher.de', 'jo@xn--bcher-kva.de', 'JO@XN--BCHER-KVA.DE']) {
      expect(normaliseListValue('email', raw), raw).toEqual({ ok: true, normal: 'jo@xn--bcher-kva.de' });
    }
  });

  it('keeps plus-addressed emails distinct: a+x@b.com is not a@b.com', () => {
    expect(normaliseListValue('email', 'A+News@B.com')).toEqual({ ok: true, normal: 'a+news@b.com' });
    expect(normaliseListValue('email', 'a@b.com')).toEqual({ ok: true, normal: 'a@b.com' });
  });

  it('takes international numbers written with + (UK +44) as E.164', () => {
    for (const raw of ['+44 20 7946 0958', '+442079460958', '+44 (0)20 7946 0958']) {
      expect(normaliseListValue('phone', raw), raw).toEqual({ ok: true, normal: '+442079460958' });
    }
  });

  it('takes the 00 international prefix as + (the same parse as a lead phone field)', () => {
    for (const raw of ['0044 20 7946 0958', '00442079460958', '00 44 (0)20 7946 0958']) {
      expect(normaliseListValue('phone', raw), raw).toEqual({ ok: true, normal: '+442079460958' });
    }
    expect(normaliseListValue('phone', '001 555 123 4567')).toEqual({ ok: true, normal: '+15551234567' });
    expect(listItemHash('phone', '0044 20 7946 0958')).toEqual({ ok: true, hash: sha256('+442079460958') });
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
  const step = { id: 'step_1', list_ids: ['list_a', 'list_b'], action: 'reject' as const };
  const lists = (hitA: boolean, hitB: boolean) => ({
    // The lookup may answer in any order; the decision follows the step's.
    lists: [
      {
        list_id: 'list_b',
        name: 'Customers',
        type: 'email' as const,
        hit: hitB,
        fields: hitB ? ['email'] : [],
      },
      {
        list_id: 'list_a',
        name: 'Do not call',
        type: 'phone' as const,
        hit: hitA,
        fields: hitA ? ['phone'] : [],
      },
    ],
    missing: [],
  });

  it('passes without a hit, recording every list checked', () => {
    const decision = listCheckDecision(step, lists(false, false));
    expect(decision.outcome).toBe('pass');
    expect(decision.reason).toBeNull();
    expect(decision.record).toMatchObject({ step_id: 'step_1', result: 'pass', flagged: false });
    expect(decision.record.lists.map((l) => l.list_id)).toEqual(['list_a', 'list_b']);
  });

  it('rejects on a hit with a reason naming the list and field', () => {
    const decision = listCheckDecision(step, lists(false, true));
    expect(decision.outcome).toBe('reject');
    expect(decision.reason).toBe('On suppression list "Customers" (email)');
    expect(decision.hits.map((l) => l.list_id)).toEqual(['list_b']);
    expect(decision.record).toMatchObject({ result: 'reject', flagged: false });
  });

  it('flags instead when the step says so, naming every list hit in step order', () => {
    const decision = listCheckDecision({ ...step, action: 'flag' }, lists(true, true));
    expect(decision.outcome).toBe('flag');
    expect(decision.record).toMatchObject({ result: 'flag', flagged: true });
    expect(decision.reason).toBe('On suppression lists "Do not call" (phone), "Customers" (email)');
  });

  it('reports lists that no longer exist and counts them as misses', () => {
    const decision = listCheckDecision(step, {
      lists: [{ list_id: 'list_a', name: 'A', type: 'phone', hit: false, fields: [] }],
      missing: ['list_b'],
    });
    expect(decision.outcome).toBe('pass');
    expect(decision.record.missing).toEqual(['list_b']);
  });

  it('a reason holds names only', () => {
    expect(suppressionReason([{ list_id: 'l', name: 'DNC', type: 'phone', hit: true, fields: [] }])).toBe(
      'On suppression list "DNC"',
    );
  });
});

describe('which field offered a value', () => {
  it('keeps the field of each probe, and reads a named field as the list type', () => {
    const values = { email: 'jane@example.com', contact: '(555) 123-4567' };
    const types = fieldTypes([], Object.keys(values));
    expect(leadListProbes('phone', values, types)).toEqual([]);
    expect(leadListProbes('phone', values, types, ['contact'])).toEqual([
      { field: 'contact', hash: sha256('+15551234567') },
    ]);
    expect(leadListProbes('domain', values, types)).toEqual([
      { field: 'email', hash: sha256('example.com') },
    ]);
  });
});
