import { describe, expect, it } from 'vitest';
import type { CriteriaContext, CriteriaProgram } from '../../domain/criteria.js';
import {
  compileCriteria,
  criteriaContext,
  evaluateCriteria,
  isValidTimeZone,
  positionAt,
  submissionContext,
} from '../../domain/criteria.js';
import type { FieldDefinition } from '../../domain/fields/index.js';
import { normalizeLead } from '../../domain/fields/index.js';

// Saturday 15 June 2024, 12:00 UTC = 07:00 in Chicago (CDT).
const submittedAt = new Date('2024-06-15T12:00:00Z');

function compile(expression: string): CriteriaProgram {
  const result = compileCriteria(expression);
  if (!result.ok) throw new Error(`expected ${expression} to compile: ${result.error.message}`);
  return result.program;
}

function contextFor(
  lead: Record<string, unknown>,
  fields: FieldDefinition[] = [],
  extra: Partial<Parameters<typeof criteriaContext>[1]> = {},
): CriteriaContext {
  const { values } = normalizeLead(fields, lead, submittedAt);
  return criteriaContext(values, { submittedAt, timeZone: 'America/Chicago', ...extra });
}

function run(expression: string, lead: Record<string, unknown>, fields: FieldDefinition[] = []) {
  return evaluateCriteria(compile(expression), contextFor(lead, fields));
}

const EXAMPLE = 'lead.age >= 21 && lead.income >= 50000';

describe('compileCriteria', () => {
  it('compiles the API reference example', () => {
    const result = compileCriteria(EXAMPLE);
    expect(result.ok).toBe(true);
  });

  it('points at the end of an incomplete expression', () => {
    expect(compileCriteria('lead.age >=')).toEqual({
      ok: false,
      error: { message: 'Unexpected token: EOF', position: { line: 1, column: 12 } },
    });
  });

  it('points at a bad character on a later line', () => {
    const result = compileCriteria('lead.age >= 21 &&\n  lead.income >== 50000');
    expect(result).toEqual({
      ok: false,
      error: { message: 'Unexpected character: =', position: { line: 2, column: 17 } },
    });
  });

  it('rejects unknown variables with their position', () => {
    const result = compileCriteria('lead.age >= 21 && age >= 21');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toBe('Unknown variable: age');
      expect(result.error.position).toEqual({ line: 1, column: 19 });
    }
  });

  it('rejects type errors and non-boolean expressions', () => {
    const typeError = compileCriteria('1 + "a" == 2');
    expect(typeError.ok).toBe(false);
    if (!typeError.ok) expect(typeError.error.message).toMatch(/no such overload/);

    const notBoolean = compileCriteria('1 + 2');
    expect(notBoolean).toEqual({
      ok: false,
      error: { message: 'criteria must be a boolean expression, got int', position: { line: 1, column: 1 } },
    });
  });

  it('rejects unbalanced parentheses, JavaScript and oversized input', () => {
    for (const expression of [
      '(lead.age > 1',
      'lead.age > 1)',
      'lead.age = 21',
      'process.exit(1)',
      'x => x',
    ]) {
      expect(compileCriteria(expression).ok, expression).toBe(false);
    }
    expect(compileCriteria('true && '.repeat(2_000).concat('true'))).toMatchObject({
      ok: false,
      error: { message: 'criteria must be at most 10000 characters' },
    });
  });

  it('accepts an empty expression, which always passes', () => {
    const program = compile('   ');
    expect(evaluateCriteria(program, contextFor({}))).toEqual({ pass: true });
  });
});

describe('evaluateCriteria', () => {
  it('runs the API reference example with numbers parsed from strings', () => {
    const fields: FieldDefinition[] = [
      { name: 'age', type: 'number' },
      { name: 'income', type: 'number' },
    ];
    expect(run(EXAMPLE, { age: '35', income: '$55,000' }, fields)).toEqual({ pass: true });
    expect(run(EXAMPLE, { age: 35, income: '$49,999.99' }, fields)).toEqual({
      pass: false,
      reason: 'not met: lead.income >= 50000',
    });
    expect(run(EXAMPLE, { age: '20', income: '55000' }, fields)).toEqual({
      pass: false,
      reason: 'not met: lead.age >= 21',
    });
  });

  it('infers the number types from the names when the flow declares no fields', () => {
    expect(run(EXAMPLE, { age: '21', income: '50,000' })).toEqual({ pass: true });
  });

  it('fails with a clear reason when a field is missing', () => {
    expect(run(EXAMPLE, { income: '55000' })).toEqual({ pass: false, reason: 'lead.age is missing' });
    expect(run(EXAMPLE, { age: '30', income: '  ' })).toEqual({
      pass: false,
      reason: 'lead.income is missing',
    });
    expect(run('parsed.phone.is_tollfree', {})).toEqual({ pass: false, reason: 'parsed.phone is missing' });
  });

  it('lets has() make a field optional', () => {
    expect(run('!has(lead.age) || lead.age >= 21', {})).toEqual({ pass: true });
    expect(run('!has(lead.age) || lead.age >= 21', { age: 18 })).toEqual({
      pass: false,
      reason: 'not met: !has(lead.age) || lead.age >= 21',
    });
  });

  it('exposes the age of a date of birth as lead.age', () => {
    expect(run('lead.age >= 21', { dob: '12/31/1990' })).toEqual({ pass: true });
    expect(run('lead.age >= 21', { date_of_birth: '2010-01-01' })).toEqual({
      pass: false,
      reason: 'not met: lead.age >= 21',
    });
    // An explicit age wins over the one computed from the date of birth.
    expect(run('lead.age == 40', { age: '40', dob: '12/31/1990' })).toEqual({ pass: true });
  });

  it('reports a value of the wrong type instead of throwing', () => {
    const result = run('lead.income >= 50000', { income: 'lots' });
    expect(result.pass).toBe(false);
    expect(result.reason).toMatch(/^cannot evaluate lead\.income >= 50000: no such overload/);
  });

  it('reports a non-boolean result', () => {
    expect(run('lead.age', { age: 30 })).toEqual({
      pass: false,
      reason: 'criteria did not produce a boolean (got 30)',
    });
  });

  it('mixes int and double in arithmetic and comparisons', () => {
    expect(run('lead.income / 12 > 4000', { income: '$55,000' })).toEqual({ pass: true });
    expect(run('lead.income * 2 == 110000', { income: '55000' })).toEqual({ pass: true });
    expect(run('lead.age in [21, 22, 23]', { age: '22' })).toEqual({ pass: true });
  });

  it('exposes parsed components', () => {
    const lead = {
      email: 'Info@Mailinator.com',
      phone: '1-800-555-0199',
      postal_code: '90210-1234',
      state: 'california',
      opt_in: 'yes',
    };
    expect(run('parsed.email.domain == "mailinator.com" && parsed.email.is_disposable', lead)).toEqual({
      pass: true,
    });
    expect(run('parsed.email.is_role && parsed.email.valid', lead)).toEqual({ pass: true });
    expect(run('parsed.phone.is_tollfree && parsed.phone.area == "800"', lead)).toEqual({ pass: true });
    expect(run('parsed.postal_code.zip == "90210" && parsed.postal_code.four == "1234"', lead)).toEqual({
      pass: true,
    });
    expect(run('lead.state == "CA" && parsed.state.name == "California"', lead)).toEqual({ pass: true });
    expect(run('lead.opt_in == true', lead)).toEqual({ pass: true });
    expect(run('lead.email == "info@mailinator.com"', lead)).toEqual({ pass: true });
  });

  it('compares strings exactly, with equalsIgnoreCase and lowerAscii for free text', () => {
    const lead = { city: 'Austin' };
    expect(run('lead.city == "austin"', lead).pass).toBe(false);
    expect(run('lead.city.equalsIgnoreCase("AUSTIN")', lead)).toEqual({ pass: true });
    expect(run('lead.city.lowerAscii() in ["austin", "dallas"]', lead)).toEqual({ pass: true });
  });

  it('uses the source and campaign given, else the lead fields', () => {
    const program = compile('source == "website_form" && campaign == "summer_2024"');
    expect(
      evaluateCriteria(program, contextFor({ source: 'website_form', campaign: 'summer_2024' })),
    ).toEqual({
      pass: true,
    });
    expect(
      evaluateCriteria(program, contextFor({}, [], { source: 'website_form', campaign: 'summer_2024' })),
    ).toEqual({ pass: true });
    expect(evaluateCriteria(program, contextFor({})).pass).toBe(false);
    expect(
      evaluateCriteria(compile('source.name == "Web"'), contextFor({}, [], { source: { name: 'Web' } })),
    ).toEqual({
      pass: true,
    });
  });

  it('evaluates day-parting in the flow time zone', () => {
    const weekday = compile('submission.day_of_week in ["Saturday", "Sunday"] || submission.hour < 8');
    expect(evaluateCriteria(weekday, contextFor({}))).toEqual({ pass: true });
    const businessHours = compile('submission.hour >= 9 && submission.hour < 17');
    expect(evaluateCriteria(businessHours, contextFor({}))).toEqual({
      pass: false,
      reason: 'not met: submission.hour >= 9',
    });
    expect(evaluateCriteria(businessHours, contextFor({}, [], { timeZone: 'Europe/London' }))).toEqual({
      pass: true,
    });
    const timestamp = compile('submission.timestamp >= timestamp("2024-06-15T00:00:00Z")');
    expect(evaluateCriteria(timestamp, contextFor({}))).toEqual({ pass: true });
  });

  it('is deterministic: same program and context, same answer', () => {
    const program = compile(EXAMPLE);
    const context = contextFor({ age: 30, income: 60000 });
    const answers = new Set(
      Array.from({ length: 5 }, () => JSON.stringify(evaluateCriteria(program, context))),
    );
    expect([...answers]).toEqual(['{"pass":true}']);
  });
});

describe('criteriaContext', () => {
  it('maps normal values and components, leaving raw inputs out', () => {
    const context = contextFor({ age: '35', email: 'A@B.com', opt_in: 'n' });
    expect(context.lead).toEqual({ age: 35, email: 'a@b.com', opt_in: false });
    expect(context.parsed.email).toMatchObject({
      normal: 'a@b.com',
      valid: true,
      domain: 'b.com',
      tld: 'com',
    });
    expect(context.parsed.email).not.toHaveProperty('raw');
    expect(context.source).toBeNull();
  });

  it('computes the submission fields in the time zone', () => {
    expect(submissionContext(submittedAt, 'America/Chicago')).toEqual({
      timestamp: submittedAt,
      date: '2024-06-15',
      hour: 7,
      minute: 0,
      day_of_week: 'Saturday',
      time_zone: 'America/Chicago',
    });
    expect(submissionContext(new Date('2024-06-16T03:30:00Z'), 'America/Los_Angeles')).toMatchObject({
      date: '2024-06-15',
      hour: 20,
      minute: 30,
      day_of_week: 'Saturday',
    });
    expect(submissionContext(new Date('2024-06-16T23:00:00Z'), 'Asia/Tokyo')).toMatchObject({
      date: '2024-06-17',
      hour: 8,
      day_of_week: 'Monday',
    });
  });

  it('refuses an unknown time zone or an invalid date', () => {
    expect(isValidTimeZone('America/Chicago')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(() => submissionContext(submittedAt, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => submissionContext(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});

describe('positionAt', () => {
  it('gives 1-based line and column', () => {
    expect(positionAt('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('regular expressions run on RE2', () => {
  // 60 'a's then '!': JavaScript's backtracking RegExp needs ~2^60 steps for ^(a+)+$ (it would never
  // return); RE2 answers at once. If evaluation ever went back to RegExp this test would hang and fail.
  const crafted = `${'a'.repeat(60)}!`;

  it('answers catastrophic-backtracking patterns on a crafted value', () => {
    expect(run('lead.name.matches("^(a+)+$")', { name: crafted })).toMatchObject({ pass: false });
    expect(run('lead.name.matches("^(a|aa)+$")', { name: crafted })).toMatchObject({ pass: false });
    expect(run('lead.name.matches("^(a+)+!$")', { name: crafted })).toEqual({ pass: true });
  });

  it('runs on RE2 whatever the receiver looks like: bracketed, an expression, a comment before the dot', () => {
    for (const expression of [
      '(lead.name).matches("^(a+)+$")',
      '(lead.name + "").matches("^(a+)+$")',
      'lead.name // note\n  .matches("^(a+)+$")',
      '((lead.name)) . matches ( "^(a+)+$" )',
    ])
      expect(run(expression, { name: crafted }), expression).toMatchObject({ pass: false });
  });

  it('refuses a matches call it cannot move to RE2 rather than run it on RegExp', () => {
    const result = compileCriteria('lead.name.matches // why\n("^(a+)+$")');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/matches/);
  });

  it('keeps CEL matches semantics: a match anywhere unless anchored, RE2 syntax', () => {
    expect(run('lead.city.matches("ust")', { city: 'Austin' })).toEqual({ pass: true });
    expect(run('lead.city.matches("^ust")', { city: 'Austin' })).toMatchObject({ pass: false });
    expect(run('lead.city.matches("(?i)^austin$")', { city: 'AUSTIN' })).toEqual({ pass: true });
    expect(run('lead.age >= 21 && lead.city.matches("^A")', { age: 30, city: 'Austin' })).toEqual({
      pass: true,
    });
    // The reason names the user's own conjunct, not the rewritten call.
    expect(run('lead.age >= 21 && lead.city.matches("^Z")', { age: 30, city: 'Austin' })).toEqual({
      pass: false,
      reason: 'not met: lead.city.matches("^Z")',
    });
  });

  it('refuses a literal pattern RE2 cannot run (backreference, lookahead) when the flow is saved', () => {
    const back = compileCriteria('lead.age >= 21 && lead.name.matches("(a)\\\\1")');
    expect(back.ok).toBe(false);
    expect(!back.ok && back.error.message).toMatch(/RE2 syntax/);
    expect(!back.ok && back.error.position).toEqual({ line: 1, column: 37 });
    expect(compileCriteria('lead.name.matches("a(?=b)")').ok).toBe(false);
  });
});
