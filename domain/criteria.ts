// Acceptance criteria: CEL (Common Expression Language) expressions over a lead, such as
// `lead.age >= 21 && lead.income >= 50000`. Pure and deterministic: no I/O, no clock (the
// submission time and time zone are parameters), never `eval`.
//
// Library: `@marcbachmann/cel-js` (MIT, zero dependencies, ~300 kB). Compared with `@bufbuild/cel`
// (Apache-2.0, also maintained): cel-js accepts plain JS objects as CEL maps (bufbuild wants `Map`s
// or protobuf messages and pulls in @bufbuild/protobuf, cel-spec and re2, ~11 MB), its parse errors
// point at the offending character with a clear message ("Unexpected token: EOF" at the end of
// `lead.age >=`, where bufbuild reports "found & but expecting end of input" at the `&&`), and its
// evaluation errors carry the AST node and its source range, which is how a missing field is
// reported by name. It also has an `Environment` with declared variables, so unknown variables and
// type errors are caught when the expression is saved, not when a lead arrives.
//
// The evaluation context (see `criteriaContext`):
//   lead        field -> normal value (numbers as numbers, booleans as booleans, strings as
//               strings; `lead.age` from a date of birth when the lead has no `age`)
//   parsed      field -> all components, e.g. parsed.email.domain, parsed.phone.is_tollfree,
//               parsed.email.valid (the raw input is not included)
//   source, campaign
//   submission  { timestamp, date, hour, minute, day_of_week, time_zone } in the flow's time zone
//
// Semantics worth knowing:
// - A missing field does not throw out of `evaluateCriteria`: the criteria fail with the reason
//   "lead.age is missing". Use `has(lead.age)` to make a field optional.
// - Numbers from leads are CEL doubles. CEL does not mix int and double in arithmetic, so
//   `lead.income / 12 > 4000` would be a type error; this environment adds double/int mixes of
//   + - * / (a deliberate extension). Comparisons across int and double are standard CEL.
// - Case: CEL compares strings exactly, and its `==` cannot be overridden. LeadConduit compares
//   case-insensitively. Rather than rewrite expressions, we rely on normalisation (state codes are
//   upper case, emails lower case, booleans are booleans, postal codes upper case) and offer
//   `a.equalsIgnoreCase(b)` plus CEL's `lowerAscii()`/`upperAscii()` for free text, e.g.
//   `lead.city.lowerAscii() in ["austin", "dallas"]`.
// - An empty expression always passes (as an empty rule set does in LeadConduit).
// - Regular expressions (`matches`) run on RE2 (the `re2js` port: linear time, CEL's own regex
//   dialect), not on JavaScript's backtracking RegExp, where a pattern like `^(a+)+$` on a
//   crafted value would hold the worker for hours. Each `matches` call is rewritten to the
//   RE2-backed `re2Matches` before evaluation; a literal pattern RE2 cannot compile (e.g. a
//   backreference) is refused when the flow is saved.

import type { ASTNode, ParseResult } from '@marcbachmann/cel-js';
import { Environment } from '@marcbachmann/cel-js';
import { RE2JS } from 're2js';
import type { ParsedValue } from './fields/index.js';

export const MAX_CRITERIA_LENGTH = 10_000;

export interface CriteriaPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export interface CriteriaProgram {
  readonly expression: string;
  /** @internal compiled CEL, or null for an empty expression (always passes). */
  readonly compiled: ParseResult | null;
  /** @internal the top-level `&&` operands, used to say which one failed. */
  readonly conjuncts: ReadonlyArray<{ source: string; compiled: ParseResult }>;
}

export type CompileResult =
  | { ok: true; program: CriteriaProgram }
  | { ok: false; error: { message: string; position?: CriteriaPosition } };

export interface CriteriaResult {
  pass: boolean;
  /** Why the criteria did not pass. */
  reason?: string;
}

const environment = new Environment({ limits: { maxAstNodes: 5_000, maxDepth: 100 } })
  .registerVariable('lead', 'map<string, dyn>', { description: 'Lead field -> normal value' })
  .registerVariable('parsed', 'map<string, dyn>', { description: 'Lead field -> parsed components' })
  .registerVariable('source', 'dyn', { description: 'The lead source' })
  .registerVariable('campaign', 'dyn', { description: 'The lead campaign' })
  .registerVariable('submission', 'map<string, dyn>', {
    description: 'Submission time in the flow time zone',
  })
  .registerFunction(
    'string.equalsIgnoreCase(string): bool',
    (a: string, b: string) => equalsIgnoreCase(a, b),
    {
      description: 'Case-insensitive string equality',
    },
  )
  .registerFunction('string.re2Matches(string): bool', (text: string, pattern: string) =>
    re2(pattern).matcher(text).find(),
  );

const re2Cache = new Map<string, RE2JS>();
/** Compiled RE2 patterns, kept for the next lead (a flow's patterns are few and fixed). */
function re2(pattern: string): RE2JS {
  let compiled = re2Cache.get(pattern);
  if (!compiled) {
    compiled = RE2JS.compile(pattern);
    if (re2Cache.size >= 1_000) re2Cache.clear();
    re2Cache.set(pattern, compiled);
  }
  return compiled;
}

/** Where each `x.matches(p)` call names its function, and the patterns it is given. */
function regexCalls(ast: ASTNode, source: string): { nameOffsets: number[]; patterns: ASTNode[] } {
  const nameOffsets: number[] = [];
  const patterns: ASTNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (typeof value !== 'object' || value === null || !('op' in value)) return;
    const node = value as ASTNode & { args: unknown };
    const args = node.args as unknown[];
    if (node.op === 'rcall' && args[0] === 'matches') {
      // receiver.matches(pattern): the name is the last `matches(` between the receiver's end and the
      // pattern (closing brackets, spaces or comments may sit in between).
      const receiver = args[1] as ASTNode;
      const callArgs = (args[2] as ASTNode[]) ?? [];
      const between = source.slice(receiver.end, callArgs[0]?.start ?? node.end);
      const names = [...between.matchAll(/\bmatches\s*\(/g)];
      const last = names.at(-1);
      if (last?.index !== undefined) nameOffsets.push(receiver.end + last.index);
      patterns.push(...callArgs);
    }
    visit(args);
  };
  visit(ast);
  return { nameOffsets, patterns };
}

/**
 * Parses `source` for evaluation, with every `matches` call running on RE2. Throws if a call could not
 * be rewritten: criteria never run a tenant's pattern on the backtracking engine.
 */
function parseForEvaluation(source: string): ParseResult {
  const parsed = environment.parse(source);
  const { nameOffsets, patterns } = regexCalls(parsed.ast, source);
  if (patterns.length === 0) return parsed;
  let rewritten = source;
  for (const offset of [...nameOffsets].sort((a, b) => b - a)) {
    rewritten = `${rewritten.slice(0, offset)}re2Matches${rewritten.slice(offset + 'matches'.length)}`;
  }
  const result = environment.parse(rewritten);
  if (regexCalls(result.ast, rewritten).patterns.length > 0) {
    throw new Error('Write `matches` as value.matches("pattern") without a comment between its parts');
  }
  return result;
}
for (const op of ['+', '-', '*', '/'] as const) {
  const apply = arithmetic(op);
  environment.registerOperator(`double ${op} int`, (a: number, b: bigint) => apply(a, Number(b)));
  environment.registerOperator(`int ${op} double`, (a: bigint, b: number) => apply(Number(a), b));
}

function arithmetic(op: '+' | '-' | '*' | '/'): (a: number, b: number) => number {
  switch (op) {
    case '+':
      return (a, b) => a + b;
    case '-':
      return (a, b) => a - b;
    case '*':
      return (a, b) => a * b;
    case '/':
      return (a, b) => a / b;
  }
}

/** Locale-independent (Unicode default case mapping), so the result never depends on the host's locale. */
function equalsIgnoreCase(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Line and column (1-based) of a character offset in `text`. */
export function positionAt(text: string, offset: number): CriteriaPosition {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

interface CelErrorLike {
  summary?: unknown;
  message?: unknown;
  code?: unknown;
  node?: { pos?: unknown; start?: unknown; end?: unknown; input?: unknown };
}

function describeError(error: unknown): { message: string; offset?: number; code?: string; source?: string } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as CelErrorLike;
  const summary = typeof e.summary === 'string' ? e.summary : undefined;
  const firstLine = typeof e.message === 'string' ? e.message.split('\n')[0] : undefined;
  const node = e.node;
  const offset = typeof node?.pos === 'number' ? node.pos : undefined;
  const source =
    typeof node?.input === 'string' && typeof node.start === 'number' && typeof node.end === 'number'
      ? node.input.slice(node.start, node.end).replace(/\s+/g, ' ').trim()
      : undefined;
  return {
    message: summary ?? firstLine ?? String(error),
    ...(offset === undefined ? {} : { offset }),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(source ? { source } : {}),
  };
}

function compileError(expression: string, error: unknown): CompileResult {
  const { message, offset } = describeError(error);
  return {
    ok: false,
    error: { message, ...(offset === undefined ? {} : { position: positionAt(expression, offset) }) },
  };
}

/**
 * Parses and type-checks an expression. Fails with a message and the line/column of the error for
 * syntax errors, unknown variables (only lead, parsed, source, campaign, submission exist), type
 * errors, and expressions that cannot produce a boolean.
 */
export function compileCriteria(expression: string): CompileResult {
  if (typeof expression !== 'string') return { ok: false, error: { message: 'criteria must be a string' } };
  if (expression.length > MAX_CRITERIA_LENGTH) {
    return { ok: false, error: { message: `criteria must be at most ${MAX_CRITERIA_LENGTH} characters` } };
  }
  if (expression.trim() === '') return { ok: true, program: { expression, compiled: null, conjuncts: [] } };

  let compiled: ParseResult;
  try {
    compiled = environment.parse(expression);
  } catch (error) {
    return compileError(expression, error);
  }
  let checked: ReturnType<ParseResult['check']>;
  try {
    checked = compiled.check();
  } catch (error) {
    return compileError(expression, error);
  }
  if (!checked.valid) return compileError(expression, checked.error);
  if (checked.type !== 'bool' && checked.type !== 'dyn') {
    return {
      ok: false,
      error: {
        message: `criteria must be a boolean expression, got ${checked.type}`,
        position: { line: 1, column: 1 },
      },
    };
  }

  for (const pattern of regexCalls(compiled.ast, expression).patterns) {
    if (pattern.op !== 'value' || typeof pattern.args !== 'string') continue; // checked when it runs
    try {
      re2(pattern.args);
    } catch (error) {
      return {
        ok: false,
        error: {
          message: `Regular expression not supported (RE2 syntax, no backreferences or lookaround): ${
            error instanceof Error ? error.message : String(error)
          }`,
          position: positionAt(expression, pattern.start),
        },
      };
    }
  }

  let evaluated: ParseResult;
  try {
    evaluated = parseForEvaluation(expression);
  } catch (error) {
    return compileError(expression, error);
  }
  const conjuncts: Array<{ source: string; compiled: ParseResult }> = [];
  for (const node of topLevelConjuncts(compiled.ast)) {
    const source = expression.slice(node.start, node.end);
    try {
      conjuncts.push({ source: source.replace(/\s+/g, ' ').trim(), compiled: parseForEvaluation(source) });
    } catch {
      // A conjunct that can't stand alone (it shouldn't happen) just isn't used for the reason.
    }
  }
  return { ok: true, program: { expression, compiled: evaluated, conjuncts } };
}

function topLevelConjuncts(node: ASTNode): ASTNode[] {
  if (node.op !== '&&') return [];
  const [left, right] = node.args;
  const leftParts = topLevelConjuncts(left);
  const rightParts = topLevelConjuncts(right);
  return [...(leftParts.length ? leftParts : [left]), ...(rightParts.length ? rightParts : [right])];
}

/**
 * Runs compiled criteria against a context from `criteriaContext`. Never throws: a missing field,
 * a type mismatch or a non-boolean result makes the criteria fail with a reason. When the
 * expression is a chain of `&&`, the reason names the first operand that is not met.
 */
export function evaluateCriteria(program: CriteriaProgram, context: CriteriaContext): CriteriaResult {
  if (program.compiled === null) return { pass: true };
  let result: unknown;
  try {
    result = program.compiled(context as unknown as Record<string, unknown>);
  } catch (error) {
    return { pass: false, reason: evaluationFailure(error) };
  }
  if (result === true) return { pass: true };
  if (result !== false)
    return { pass: false, reason: `criteria did not produce a boolean (got ${describe(result)})` };

  for (const conjunct of program.conjuncts) {
    try {
      if (conjunct.compiled(context as unknown as Record<string, unknown>) !== true) {
        return { pass: false, reason: `not met: ${conjunct.source}` };
      }
    } catch (error) {
      return { pass: false, reason: evaluationFailure(error) };
    }
  }
  return { pass: false, reason: `not met: ${program.expression.replace(/\s+/g, ' ').trim()}` };
}

function evaluationFailure(error: unknown): string {
  const { message, code, source } = describeError(error);
  if (code === 'no_such_key' && source) return `${source} is missing`;
  return source ? `cannot evaluate ${source}: ${message}` : `cannot evaluate criteria: ${message}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'bigint') return `${value}`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : 'a map';
}

// ---------------------------------------------------------------------------------------------
// Context

/** A CEL-safe value: no undefined, functions or class instances other than Date. */
export type CelValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | Date
  | CelValue[]
  | { [key: string]: CelValue };

export interface SubmissionContext {
  /** The submission instant. */
  timestamp: Date;
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  /** Local hour, 0-23. */
  hour: number;
  minute: number;
  /** English day name in the flow's time zone, e.g. `Saturday`. */
  day_of_week: string;
  time_zone: string;
}

export interface CriteriaContext {
  lead: Record<string, CelValue>;
  parsed: Record<string, Record<string, CelValue>>;
  source: CelValue;
  campaign: CelValue;
  submission: SubmissionContext;
}

export interface CriteriaExtra {
  /** When the lead was submitted. */
  submittedAt: Date;
  /** The flow's IANA time zone, e.g. `America/Chicago`. */
  timeZone: string;
  /** Defaults to the lead's own `source` field, else null. */
  source?: unknown;
  /** Defaults to the lead's own `campaign` field, else null. */
  campaign?: unknown;
}

/** Builds the evaluation context. Throws a RangeError for an unknown time zone or an invalid date. */
export function criteriaContext(
  values: Readonly<Record<string, ParsedValue>>,
  extra: CriteriaExtra,
): CriteriaContext {
  const lead: Record<string, CelValue> = {};
  const parsed: Record<string, Record<string, CelValue>> = {};
  for (const [field, value] of Object.entries(values)) {
    lead[field] = toCel(value.normal);
    const components: Record<string, CelValue> = {};
    for (const [key, component] of Object.entries(value)) {
      if (key !== 'raw' && component !== undefined) components[key] = toCel(component);
    }
    parsed[field] = components;
  }
  if (!('age' in lead)) {
    const age = dobAge(values);
    if (age !== null) lead.age = age;
  }
  return {
    lead,
    parsed,
    source: toCel(extra.source !== undefined ? extra.source : (values.source?.normal ?? null)),
    campaign: toCel(extra.campaign !== undefined ? extra.campaign : (values.campaign?.normal ?? null)),
    submission: submissionContext(extra.submittedAt, extra.timeZone),
  };
}

/** The age of the first valid date of birth (`dob`, `date_of_birth`, then any other dob-typed value). */
function dobAge(values: Readonly<Record<string, ParsedValue>>): number | null {
  const names = ['dob', 'date_of_birth', ...Object.keys(values)];
  for (const name of names) {
    const value = values[name] as (ParsedValue & { age?: unknown }) | undefined;
    if (value?.valid && 'age' in value && typeof value.age === 'number') return value.age;
  }
  return null;
}

function toCel(value: unknown, depth = 0): CelValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'bigint':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'object':
      break;
    default:
      return null;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (depth > 10) return null;
  if (Array.isArray(value)) return value.map((item) => toCel(item, depth + 1));
  const out: Record<string, CelValue> = {};
  try {
    for (const [key, item] of Object.entries(value))
      if (item !== undefined) out[key] = toCel(item, depth + 1);
  } catch {
    return null;
  }
  return out;
}

const WEEKDAYS: Readonly<Record<string, string>> = {
  Sun: 'Sunday',
  Mon: 'Monday',
  Tue: 'Tuesday',
  Wed: 'Wednesday',
  Thu: 'Thursday',
  Fri: 'Friday',
  Sat: 'Saturday',
};

// Building an Intl.DateTimeFormat costs far more than formatting with one (it showed in the worker's
// profile, twice per lead): one per time zone, kept. Only zones the runtime knows are kept, so the map is
// bounded by the IANA database.
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat | null {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        weekday: 'short',
      });
    } catch {
      return null;
    }
    zoneFormats.set(timeZone, format);
  }
  return format;
}

/** True when `timeZone` is an IANA zone this runtime knows (for validating flow settings). */
export function isValidTimeZone(timeZone: string): boolean {
  return zoneFormat(timeZone) !== null;
}

/** Local date, hour, minute and day of the week of `at` in `timeZone`, via Intl.DateTimeFormat. */
export function submissionContext(at: Date, timeZone: string): SubmissionContext {
  if (Number.isNaN(at.getTime())) throw new RangeError('submission time is not a valid date');
  const format = zoneFormat(timeZone);
  if (!format) throw new RangeError(`unknown time zone: ${timeZone}`);
  const parts = format.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    timestamp: at,
    date: `${part('year')}-${part('month')}-${part('day')}`,
    hour: Number(part('hour')),
    minute: Number(part('minute')),
    day_of_week: WEEKDAYS[part('weekday')] ?? part('weekday'),
    time_zone: timeZone,
  };
}
