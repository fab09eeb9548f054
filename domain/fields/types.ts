// Lead field types and the shape of a parsed value. Pure types, no runtime code.
//
// A parser takes any raw input (string, number, boolean, object, null...) and never throws. It
// returns `{ raw, normal, valid, ...components }`:
// - `raw` is the input exactly as received (re-parsing a parsed value keeps the original raw);
// - `normal` is the canonical form when the value is valid. When it is not valid, `normal` is the
//   input as text (trimmed), so nothing the source sent is lost; typed normals (numbers, booleans)
//   only appear on valid values;
// - `valid` says whether the input has the type's format;
// - components are type-specific and are always present (null when unknown), so a rule or a
//   report can rely on the keys.

export const FIELD_TYPES = [
  'string',
  'email',
  'phone',
  'postal_code',
  'state',
  'boolean',
  'number',
  'range',
  'date',
  'dob',
  'url',
  'ip',
  'trustedform_url',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldDefinition {
  name: string;
  type: FieldType;
  /** Absent or blank values are reported as `missing_required`. */
  required?: boolean;
  /** A present value that fails its type's format check is reported as `invalid_format`. */
  require_valid?: boolean;
}

export interface ParseOptions {
  /** The reference time for time-relative components (dob `age`). Required: parsers never read the clock. */
  now: Date;
}

interface ParsedBase<N> {
  raw: unknown;
  normal: N;
  valid: boolean;
}

export interface StringValue extends ParsedBase<string> {}

export interface EmailValue extends ParsedBase<string> {
  /** Local part, before the `@`. */
  user: string | null;
  /** Everything after the `@`. */
  domain: string | null;
  /** The domain without its last label (`mail.example` for `mail.example.com`). */
  host: string | null;
  /** The last label of the domain (no public-suffix list: `uk` for `example.co.uk`). */
  tld: string | null;
  is_free: boolean;
  is_disposable: boolean;
  /** A role account (admin@, info@, sales@...) rather than a person. */
  is_role: boolean;
}

/** Line type from libphonenumber's metadata, or from a trailing h/w/m/c hint (home/work/mobile). */
export type PhoneLineType =
  | 'mobile'
  | 'fixed_line'
  | 'fixed_line_or_mobile'
  | 'toll_free'
  | 'premium_rate'
  | 'shared_cost'
  | 'voip'
  | 'personal_number'
  | 'pager'
  | 'uan'
  | 'voicemail'
  | 'home'
  | 'work';

export interface PhoneValue extends ParsedBase<string> {
  /** libphonenumber's length check only (true for well-formed but unassigned numbers such as 555-123-4567). */
  is_possible: boolean;
  /** NANP only: 3-digit area code, exchange and 4-digit line. */
  area: string | null;
  exchange: string | null;
  line: string | null;
  /** NANP: the 7-digit local number (exchange + line); elsewhere the national significant number. */
  number: string | null;
  extension: string | null;
  /** ISO 3166-1 alpha-2 region, e.g. `US`, `GB`. */
  country_code: string | null;
  /** E.g. `1`, `44`. */
  country_calling_code: string | null;
  is_tollfree: boolean;
  type: PhoneLineType | null;
  /** Where `type` came from: the source's h/w/m/c hint, or the numbering-plan metadata. */
  type_source: 'hint' | 'metadata' | null;
  /** The normal form with every digit but the last four replaced by `*`. */
  masked: string | null;
}

export interface PostalCodeValue extends ParsedBase<string> {
  country_code: 'US' | 'CA' | 'GB' | null;
  /** US */
  zip: string | null;
  four: string | null;
  /** CA: forward sortation area, local delivery unit, and the district letter (first letter). */
  fsa: string | null;
  ldu: string | null;
  district: string | null;
  /** GB */
  outcode: string | null;
  incode: string | null;
}

export interface StateValue extends ParsedBase<string> {
  /** Full name, e.g. `Texas`. */
  name: string | null;
  country_code: 'US' | 'CA' | null;
}

export interface BooleanValue extends ParsedBase<boolean | string> {}

export interface NumberValue extends ParsedBase<number | string> {}

export interface RangeValue extends ParsedBase<string> {
  min: number | null;
  /** Null for open-ended ranges such as `65+`. */
  max: number | null;
  /** Average of min and max (2 dp); min for open-ended ranges. */
  avg: number | null;
  /** Floor of the average. */
  mid: number | null;
}

export interface DateValue extends ParsedBase<string> {
  year: number | null;
  month: number | null;
  day: number | null;
}

export interface DobValue extends DateValue {
  /** Whole years between the date and `now` (UTC calendar). */
  age: number | null;
}

export interface UrlValue extends ParsedBase<string> {
  /** Without the colon: `http`, `https`. */
  protocol: string | null;
  host: string | null;
  port: number | null;
  path: string | null;
  /** Without the leading `?`; null when empty. */
  query: string | null;
  /** Without the leading `#`; null when empty. */
  hash: string | null;
}

export interface IpValue extends ParsedBase<string> {
  is_ipv4: boolean;
  is_ipv6: boolean;
  /** ipaddr.js range name: `unicast`, `private`, `loopback`, `linkLocal`, `reserved`, ... */
  range: string | null;
  /** True for a globally routable unicast address. */
  is_public: boolean;
}

export interface TrustedFormUrlValue extends ParsedBase<string> {
  cert_id: string | null;
  /** `web` for the 40-hex web certificate ids, the only kind recognised offline. */
  type: 'web' | null;
  /** `cert.trustedform.com` or `ping.trustedform.com`. */
  host: string | null;
  /** Unknown offline (the certificate must be fetched to know its age): always null here. */
  age_in_days: number | null;
}

export interface ParsedValueByType {
  string: StringValue;
  email: EmailValue;
  phone: PhoneValue;
  postal_code: PostalCodeValue;
  state: StateValue;
  boolean: BooleanValue;
  number: NumberValue;
  range: RangeValue;
  date: DateValue;
  dob: DobValue;
  url: UrlValue;
  ip: IpValue;
  trustedform_url: TrustedFormUrlValue;
}

export type ParsedValue = ParsedValueByType[FieldType];
