import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../../domain/fields/index.js';

// Expectations are written from the behaviour (libphonenumber's numbering plans, the NANP layout),
// never computed with the parser.
describe('phone', () => {
  it('splits a US number into area, exchange, line and subscriber number', () => {
    expect(parsePhone('5127891111')).toEqual({
      raw: '5127891111',
      normal: '+15127891111',
      valid: true,
      is_possible: true,
      area: '512',
      exchange: '789',
      line: '1111',
      number: '7891111',
      extension: null,
      country_code: 'US',
      country_calling_code: 1,
      is_tollfree: false,
      type: 'fixed_line_or_mobile',
      type_source: 'metadata',
      masked: false,
    });
  });

  it.each([
    ['512 789-1111', '+15127891111'],
    ['(512) 789-1111', '+15127891111'],
    ['1 (512) 789-1111', '+15127891111'],
    ['+1 512.789.1111', '+15127891111'],
    [' 5127891111 ', '+15127891111'],
    [5127891111, '+15127891111'],
  ])('reads the written forms of one US number: %j', (raw, normal) => {
    expect(parsePhone(raw)).toMatchObject({ raw, normal, valid: true, area: '512', line: '1111' });
  });

  it.each([
    ['5127891111x123', '123'],
    ['5127891111 x43', '43'],
    ['512-789-1111 x 44', '44'],
    ['512-789-1111 ext. 7', '7'],
  ])('keeps the extension in the normal form and as a component: %s', (raw, extension) => {
    expect(parsePhone(raw)).toMatchObject({
      valid: true,
      extension,
      normal: `+15127891111x${extension}`,
      number: '7891111',
    });
  });

  it.each([
    ['5127891111h', 'home'],
    ['5127891111 h', 'home'],
    ['5127891111(h)', 'home'],
    ['5127891111 (W)', 'work'],
    ['5127891111m', 'mobile'],
    ['5127891111c', 'mobile'],
  ])('takes a trailing h/w/m/c hint as the line type: %s', (raw, type) => {
    expect(parsePhone(raw)).toMatchObject({
      raw,
      valid: true,
      normal: '+15127891111',
      type,
      type_source: 'hint',
    });
  });

  it('keeps the hint of a number too short to be one', () => {
    expect(parsePhone('1111m')).toMatchObject({ valid: false, type: 'mobile', area: null });
  });

  it('keeps masked numbers valid, with the hidden digits hidden everywhere', () => {
    expect(parsePhone('1-(512) *** ****')).toMatchObject({
      valid: true,
      masked: true,
      normal: '+1512*******',
      area: '512',
      exchange: '***',
      line: '****',
      number: '*******',
      country_code: 'US',
      country_calling_code: 1,
      type: null,
      is_tollfree: false,
    });
    expect(parsePhone('1-(5*2) *** **11')).toMatchObject({
      valid: true,
      masked: true,
      area: '5*2',
      line: '**11',
      number: '*****11',
    });
    expect(parsePhone('**********')).toMatchObject({ valid: true, masked: true, area: '***', line: '****' });
    expect(parsePhone('1-(512) *** **** x**')).toMatchObject({
      masked: true,
      extension: '**',
      number: '*******',
    });
    expect(parsePhone('1-(512) *** **** x42')).toMatchObject({ masked: true, extension: '42' });
  });

  it('refuses a masked number of the wrong length', () => {
    expect(parsePhone('***')).toMatchObject({ valid: false, masked: false, area: null });
  });

  it('gives international numbers their area code and subscriber number', () => {
    expect(parsePhone('+49 30 22610')).toMatchObject({
      valid: true,
      normal: '+493022610',
      area: '30',
      number: '22610',
      exchange: null,
      line: null,
      country_code: 'DE',
      country_calling_code: 49,
    });
    expect(parsePhone('+44 20 7946 0958')).toMatchObject({
      area: '20',
      number: '79460958',
      country_code: 'GB',
    });
    expect(parsePhone('+82-2-2184-7000')).toMatchObject({ area: '2', country_code: 'KR', valid: true });
  });

  it.each([
    ['+44 1484 519892', 'GB'],
    ['+7 495 287 20 00', 'RU'],
    ['+20226140000', 'EG'],
    ['+33 1 42 68 53 00', 'FR'],
  ])('knows the country of %s', (raw, country) => {
    expect(parsePhone(raw)).toMatchObject({ valid: true, country_code: country });
  });

  // 00 is the international prefix most of the world dials (011 is North America's): 0044 is +44.
  it.each([
    ['0044 20 7946 0958', '+442079460958', 'GB', '20'],
    ['00 44 20 7946 0958', '+442079460958', 'GB', '20'],
    ['00 44 (0)20 7946 0958', '+442079460958', 'GB', '20'],
    ['0049 30 22610', '+493022610', 'DE', '30'],
    ['0033 1 42 68 53 00', '+33142685300', 'FR', '1'],
    ['001 512 789 1111', '+15127891111', 'US', '512'],
    ['011 44 20 7946 0958', '+442079460958', 'GB', '20'],
  ])('reads the 00 (and 011) international prefix as +: %s', (raw, normal, country, area) => {
    expect(parsePhone(raw)).toMatchObject({ raw, normal, valid: true, country_code: country, area });
  });

  it('keeps the extension, hint and mask of a number written with 00', () => {
    expect(parsePhone('0044 20 7946 0958 x12')).toMatchObject({
      normal: '+442079460958x12',
      extension: '12',
    });
    expect(parsePhone('0044 20 7946 0958 (m)')).toMatchObject({ normal: '+442079460958', type: 'mobile' });
    expect(parsePhone('0044 20 **** ****')).toMatchObject({
      normal: '+4420********',
      masked: true,
      valid: true,
    });
  });

  it('does not take a single leading 0 (a national trunk prefix) or a bare 00 as international', () => {
    for (const raw of ['020 7946 0958', '00', '0044', '+0044 20 7946 0958']) {
      expect(parsePhone(raw), raw).toMatchObject({ valid: false, country_code: null, normal: raw });
    }
  });

  it('flags toll-free numbers, 833 included', () => {
    expect(parsePhone('8775551212')).toMatchObject({
      valid: true,
      is_tollfree: true,
      area: '877',
      type: 'toll_free',
    });
    expect(parsePhone('833-555-1212')).toMatchObject({ is_tollfree: true });
    expect(parsePhone('5127891111').is_tollfree).toBe(false);
  });

  it('reports a well-formed number in an unassigned range as possible but invalid', () => {
    expect(parsePhone('(555) 123-4567')).toMatchObject({
      valid: false,
      is_possible: true,
      normal: '+15551234567',
      area: '555',
      type: null,
    });
  });

  it.each([
    'donkey kong',
    '964523331',
    '12345',
    'call me maybe 5127891111',
    '1-800-FLOWERS',
    '',
    '5'.repeat(200),
  ])('refuses what is not a phone number: %j', (raw) => {
    expect(parsePhone(raw)).toMatchObject({
      raw,
      valid: false,
      area: null,
      number: null,
      country_code: null,
    });
  });

  it('keeps the text of an invalid value as its normal form', () => {
    expect(parsePhone(' donkey kong ').normal).toBe('donkey kong');
  });
});
