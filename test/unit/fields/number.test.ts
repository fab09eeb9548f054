import { describe, expect, it } from 'vitest';
import { parseBoolean, parseNumber, parseRange } from '../../../domain/fields/index.js';

describe('number', () => {
  it.each([
    ['11', 11],
    [11, 11],
    ['1.111', 1.111],
    ['-11', -11],
    ['-1.111', -1.111],
    ['1,100', 1100],
    ['$1100', 1100],
    ['-$1100', -1100],
    ['$1100 per month', 1100],
    ['  1100 ', 1100],
    ['55000 USD', 55000],
    ['12.5%', 12.5],
    ['50k', 50000],
    ['$1.5K', 1500],
    ['.5', 0.5],
    ['-0', 0],
  ])('reads %j as %d', (raw, normal) => {
    expect(parseNumber(raw)).toEqual({ raw, normal, valid: true });
  });

  it.each(['derp', '', '  ', '1.2.3', '1-2', '-', '.', '1,100 - 2,000'])(
    'refuses %j, keeping its text',
    (raw) => {
      const value = parseNumber(raw);
      expect(value).toMatchObject({ raw, valid: false });
      expect(typeof value.normal).toBe('string');
    },
  );

  it('refuses non-numbers of other kinds', () => {
    expect(parseNumber(true).valid).toBe(false);
    expect(parseNumber([1]).valid).toBe(false);
    expect(parseNumber({ foo: 'bar' }).valid).toBe(false);
    expect(parseNumber(Number.NaN).valid).toBe(false);
    expect(parseNumber(Number.POSITIVE_INFINITY).valid).toBe(false);
  });
});

describe('range', () => {
  const range = (raw: unknown) => parseRange(raw);

  it.each([
    ['1 - 10', '1-10', 1, 10, 5.5, 5],
    ['1 to 10', '1-10', 1, 10, 5.5, 5],
    ['1     to      10', '1-10', 1, 10, 5.5, 5],
    ['1 10', '1-10', 1, 10, 5.5, 5],
    ['      1 to 10', '1-10', 1, 10, 5.5, 5],
    ['1 to 10     ', '1-10', 1, 10, 5.5, 5],
    ['18-24', '18-24', 18, 24, 21, 21],
    ['$1 to $10', '1-10', 1, 10, 5.5, 5],
    ['$1,000 to $10,000', '1000-10000', 1000, 10000, 5500, 5500],
    ['$50,000 - $75,000', '50000-75000', 50000, 75000, 62500, 62500],
    ['50k-75k', '50000-75000', 50000, 75000, 62500, 62500],
    ['999.95 to 10000.95', '999.95-10000.95', 999.95, 10000.95, 5500.45, 5500],
    ['-8 - 100.5', '-8-100.5', -8, 100.5, 46.25, 46],
    ['-10 - -5', '-10--5', -10, -5, -7.5, -7],
    ['24-18', '18-24', 18, 24, 21, 21],
  ])('reads %j as a bounded range', (raw, normal, min, max, avg, mid) => {
    expect(range(raw)).toEqual({ raw, normal, valid: true, min, max, avg, mid });
  });

  it.each([
    ['10+', 10],
    ['10.5+', 10.5],
    ['-10+', -10],
    ['65+ years', 65],
    ['$100,000+', 100000],
  ])('reads %j as an open range with no max, avg or mid', (raw, min) => {
    expect(range(raw)).toEqual({ raw, normal: `${min}+`, valid: true, min, max: null, avg: null, mid: null });
  });

  it.each([
    ['10', 10],
    [10, 10],
    ['5.5', 5.5],
    [5.5, 5.5],
    ['-10', -10],
    ['0', 0],
    ['$30', 30],
  ])('reads a single value %j as a range of one', (raw, value) => {
    expect(range(raw)).toEqual({
      raw,
      normal: String(value),
      valid: true,
      min: value,
      max: value,
      avg: value,
      mid: value,
    });
  });

  it('reads ISO dates and times as epoch milliseconds', () => {
    expect(range('2015-07-25')).toMatchObject({
      normal: '1437782400000',
      min: 1437782400000,
      max: 1437782400000,
    });
    expect(range('1969-07-25')).toMatchObject({ min: -13824000000 });
    expect(range('2015-07-25T01:59:32.021Z')).toMatchObject({ min: 1437789572021 });
    expect(range('2015-07-01 - 2015-07-25')).toMatchObject({
      normal: '1435708800000-1437782400000',
      min: 1435708800000,
      max: 1437782400000,
      avg: 1436745600000,
    });
    expect(range('2015-07-01 - 2015-07-25 - 2015-07-30')).toMatchObject({ max: 1437782400000 });
  });

  it.each(['asdf', '', 'to', '+', 'ten to twenty'])('refuses %j', (raw) => {
    expect(range(raw)).toEqual({
      raw,
      normal: raw,
      valid: false,
      min: null,
      max: null,
      avg: null,
      mid: null,
    });
  });

  it('refuses booleans and objects', () => {
    expect(range(true).valid).toBe(false);
    expect(range({ min: 1 }).valid).toBe(false);
  });
});

describe('boolean', () => {
  it.each([true, 'true', 't', 'T', 'yes', 'YES', 'y', 'Y', '1', 1, ' Yes! '])('reads %j as true', (raw) => {
    expect(parseBoolean(raw)).toEqual({ raw, normal: true, valid: true });
  });

  it.each([false, 'false', 'f', 'no', 'N', 'n', '0', 0, 'No.'])('reads %j as false', (raw) => {
    expect(parseBoolean(raw)).toEqual({ raw, normal: false, valid: true });
  });

  it.each(['maybe', '2', 2, 'yesno', '', { a: 1 }])(
    'reads anything else (%j) as false and invalid',
    (raw) => {
      expect(parseBoolean(raw)).toEqual({ raw, normal: false, valid: false });
    },
  );
});
