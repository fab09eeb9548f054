import { describe, expect, it } from 'vitest';
import { parsePostalCode } from '../../../domain/fields/index.js';

const none = { zip: null, four: null, fsa: null, ldu: null, district: null, outcode: null, incode: null };

describe('postal_code', () => {
  it.each([
    ['78704', '78704', '78704', null],
    ['  78704  ', '78704', '78704', null],
    ['78704-', '78704', '78704', null],
    ['78704-1234', '78704-1234', '78704', '1234'],
    ['78704   - 1234', '78704-1234', '78704', '1234'],
    ['78704 1234', '78704-1234', '78704', '1234'],
    ['787041234', '78704-1234', '78704', '1234'],
    ['02134', '02134', '02134', null],
  ])('reads the US ZIP %j', (raw, normal, zip, four) => {
    expect(parsePostalCode(raw)).toEqual({
      ...none,
      raw,
      normal,
      valid: true,
      country_code: 'US',
      zip,
      four,
    });
  });

  it('restores the leading zeros a spreadsheet dropped from a numeric ZIP', () => {
    expect(parsePostalCode(2134)).toMatchObject({ normal: '02134', zip: '02134', valid: true });
    expect(parsePostalCode(21341234)).toMatchObject({ normal: '02134-1234', four: '1234' });
  });

  it.each([
    ['q2e 4u7', 'Q2E 4U7', 'Q'],
    ['q2e4u7', 'Q2E 4U7', 'Q'],
    ['q2e      4u7', 'Q2E 4U7', 'Q'],
    ['K1A 0B1', 'K1A 0B1', 'K'],
    ['m5v-3l9', 'M5V 3L9', 'M'],
  ])('reads the Canadian code %j', (raw, normal, district) => {
    expect(parsePostalCode(raw)).toEqual({
      ...none,
      raw,
      normal,
      valid: true,
      country_code: 'CA',
      fsa: normal.slice(0, 3),
      ldu: normal.slice(4),
      district,
    });
  });

  it.each([
    ['A1 1AA', 'A1', '1AA'],
    ['A11 1AA', 'A11', '1AA'],
    ['A1A 1AA', 'A1A', '1AA'],
    ['AA11 1AA', 'AA11', '1AA'],
    ['AA11A 1AA', 'AA11A', '1AA'],
    ['A11AA', 'A1', '1AA'],
    ['A111AA', 'A11', '1AA'],
    ['sw1a 1aa', 'SW1A', '1AA'],
    ['GIR 0AA', 'GIR', '0AA'],
  ])('reads the UK postcode %j', (raw, outcode, incode) => {
    expect(parsePostalCode(raw)).toEqual({
      ...none,
      raw,
      normal: `${outcode} ${incode}`,
      valid: true,
      country_code: 'GB',
      outcode,
      incode,
    });
  });

  it.each(['garbage', '1234', '123456', '7870', 'ABCDE', '1AA', '78704-12', 'Q2E 4U', 'x'.repeat(50)])(
    'refuses %j, keeping it as given',
    (raw) => {
      expect(parsePostalCode(raw)).toEqual({ ...none, raw, normal: raw, valid: false, country_code: null });
    },
  );
});
