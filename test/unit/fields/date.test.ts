import { describe, expect, it } from 'vitest';
import { parseDate, parseDob, parseTime } from '../../../domain/fields/index.js';

describe('date', () => {
  it.each([
    'Mon Jun 02 2014',
    'Jun 02 2014',
    'June 2, 2014',
    'June 2nd 2014',
    '06/02/2014',
    '6/2/2014',
    '6/2/14',
    '6.2.2014',
    '2014-06-02',
    '2014/06/02',
    '06-02-2014',
    '06022014',
    '20140602',
    '2014-06-02T23:59:59Z',
    '06/02/2014 6:27:33 PM',
  ])('reads %j month first as 2 June 2014', (raw) => {
    expect(parseDate(raw)).toEqual({ raw, normal: '2014-06-02', valid: true, year: 2014, month: 6, day: 2 });
  });

  it.each([
    'Fri 18 July 2014',
    '18 July 2014',
    '18 Jul 2014',
    '18/07/2014',
    '18/7/2014',
    '18/7/14',
    '2014-18-07',
    '18-07-2014',
    '18072014',
    '20141807',
  ])('reads %j day first when month first is impossible: 18 July 2014', (raw) => {
    expect(parseDate(raw)).toMatchObject({
      normal: '2014-07-18',
      valid: true,
      year: 2014,
      month: 7,
      day: 18,
    });
  });

  it('reads an ambiguous date month first', () => {
    expect(parseDate('02/03/1990').normal).toBe('1990-02-03');
    expect(parseDate('2014-02-03').normal).toBe('2014-02-03');
  });

  it('puts two-digit years 00-68 in the 2000s and 69-99 in the 1900s', () => {
    expect(parseDate('1/2/68').normal).toBe('2068-01-02');
    expect(parseDate('1/2/69').normal).toBe('1969-01-02');
    expect(parseDate('12/31/99').normal).toBe('1999-12-31');
  });

  it('reads a JavaScript Date in UTC', () => {
    expect(parseDate(new Date('2014-06-02T23:30:00Z')).normal).toBe('2014-06-02');
  });

  it.each([
    '2/30/1990',
    '13/13/2014',
    '2014-13-13',
    '00/00/2000',
    '99999999',
    'garbage',
    '1990',
    '12/31',
    '2/29/2023',
  ])('refuses what is not a calendar date: %j', (raw) => {
    expect(parseDate(raw)).toEqual({ raw, normal: raw, valid: false, year: null, month: null, day: null });
  });

  it('accepts 29 February in leap years only', () => {
    expect(parseDate('2/29/2024').valid).toBe(true);
    expect(parseDate('2/29/1900').valid).toBe(false);
    expect(parseDate('2/29/2000').valid).toBe(true);
  });
});

describe('dob', () => {
  const now = new Date('2022-06-02T12:00:00Z');

  it('gives the age in years with one decimal, floored', () => {
    expect(parseDob('06/02/1992', { now })).toMatchObject({
      normal: '1992-06-02',
      valid: true,
      age: 30,
      year: 1992,
    });
    // The day before the 30th birthday: 29 and most of a year, shown as 29.9.
    expect(parseDob('1992-06-03', { now }).age).toBe(29.9);
    // 37 days after a birthday is just over a tenth of a year.
    expect(parseDob('1992-04-26', { now }).age).toBe(30.1);
    // 36 days after is just under.
    expect(parseDob('1992-04-27', { now }).age).toBe(30);
    // Half a year on (182 of 365 days): .4, floored.
    expect(parseDob('1991-12-02', { now }).age).toBe(30.4);
  });

  it('gives a child under one an age below one', () => {
    expect(parseDob('2021-06-03', { now }).age).toBe(0.9);
    expect(parseDob('2022-06-02', { now }).age).toBe(0);
  });

  it.each([
    ['06/02/1992', '1992-06-02', 30],
    ['6/3/1992', '1992-06-03', 29.9],
    ['Jun 02 1992', '1992-06-02', 30],
    ['06021992', '1992-06-02', 30],
    ['19920602', '1992-06-02', 30],
    ['2/6/1992', '1992-02-06', 30.3],
    ['13/1/1992', '1992-01-13', 30.3],
    ['1992-31-12', '1992-12-31', 29.4],
    ['12/31/92', '1992-12-31', 29.4],
  ])('reads %j as %s, aged %d on 2 June 2022', (raw, normal, age) => {
    expect(parseDob(raw, { now })).toMatchObject({ raw, normal, valid: true, age });
  });

  it('reads the same formats as dates', () => {
    expect(parseDob('Mon Jun 02 2014', { now })).toMatchObject({ normal: '2014-06-02', age: 8, year: 2014 });
    expect(parseDob('18/7/1980', { now })).toMatchObject({ normal: '1980-07-18', age: 41.8 });
    expect(parseDob('19800718', { now })).toMatchObject({ normal: '1980-07-18' });
  });

  it('reads a two-digit year that would be in the future a century earlier', () => {
    expect(parseDob('6/2/50', { now })).toMatchObject({ normal: '1950-06-02', valid: true, age: 72 });
    expect(parseDob('6/2/14', { now })).toMatchObject({ normal: '2014-06-02', valid: true, age: 8 });
  });

  it('counts a 29 February birthday from 1 March in other years', () => {
    const march = new Date('2021-03-01T00:00:00Z');
    expect(parseDob('2000-02-29', { now: march }).age).toBe(21);
    expect(parseDob('2000-02-29', { now: new Date('2021-02-28T00:00:00Z') }).age).toBe(20.9);
  });

  it('refuses dates of birth in the future or more than 130 years ago', () => {
    expect(parseDob('2023-01-01', { now })).toMatchObject({ valid: false, age: null });
    expect(parseDob('1850-01-01', { now })).toMatchObject({ valid: false });
    expect(parseDob('garbage', { now })).toMatchObject({
      valid: false,
      normal: 'garbage',
      age: null,
      year: null,
    });
  });

  it('refuses everything when the reference time is not a date', () => {
    expect(parseDob('1990-01-01', { now: new Date(Number.NaN) })).toMatchObject({ valid: false, age: null });
  });
});

describe('time', () => {
  const now = new Date('2024-01-10T08:00:00Z');

  it.each([
    'Sat Jun 14 2014 13:27:33 GMT-0500 (CDT)',
    '06/14/2014 6:27:33 PM',
    '2014-06-14T18:27:33Z',
    '2014-06-14T18:27:33.000Z',
    '2014-06-14T13:27:33-05:00',
  ])('reads %j as 2014-06-14T18:27:33.000Z', (raw) => {
    expect(parseTime(raw, { now })).toEqual({
      raw,
      normal: '2014-06-14T18:27:33.000Z',
      valid: true,
      epoch_ms: Date.UTC(2014, 5, 14, 18, 27, 33),
    });
  });

  it('keeps milliseconds, drops finer fractions', () => {
    expect(parseTime('2014-06-14T18:27:33.123Z', { now }).normal).toBe('2014-06-14T18:27:33.123Z');
    expect(parseTime('2014-06-14T18:27:33.12345Z', { now }).normal).toBe('2014-06-14T18:27:33.000Z');
  });

  it('reads relative times from the reference time, in UTC', () => {
    expect(parseTime('tomorrow 3pm', { now }).normal).toBe('2024-01-11T15:00:00.000Z');
  });

  it('reads a JavaScript Date as it is', () => {
    const at = new Date(Date.UTC(2015, 10, 6, 11, 47, 42));
    expect(parseTime(at, { now })).toMatchObject({ valid: true, normal: '2015-11-06T11:47:42.000Z' });
  });

  it('refuses text with no time in it', () => {
    expect(parseTime('garbage', { now })).toEqual({
      raw: 'garbage',
      normal: 'garbage',
      valid: false,
      epoch_ms: null,
    });
    expect(parseTime(42, { now }).valid).toBe(false);
  });
});
