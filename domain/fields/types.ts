// Lead field types and the shape of a parsed value. Pure types, no runtime code.
//
// A parser takes any raw input (string, number, boolean, object, null...) and never throws. It
// returns `{ raw, normal, valid, ...components }`:
// - `raw` is the input exactly as received (re-parsing a parsed value keeps the original raw);
// - `normal` is the canonical form when the value is valid. When it is not valid, `normal` is the
//   input as text (trimmed), so nothing the source sent is lost; typed normals (numbers) only
//   appear on valid values. Booleans are the exception, as in LeadConduit: an invalid boolean is
//   `false`, so a rule on it always compares booleans;
// - `valid` says whether the input has the type's format;
// - components are type-specific and are always present (null when unknown), so a rule or a
//   report can rely on the keys.

export const FIELD_TYPES = [
  'string',
  'first_name',
  'last_name',
  'city',
  'street',
  'email',
  'phone',
  'postal_code',
  'state',
  'gender',
  'boolean',
  'number',
  'range',
  'date',
  'dob',
  'time',
  'url',
  'ip',
  'ssn',
  'credential',
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

/** string, first_name, last_name, city: the text, trimmed; invalid only for a non-scalar input. */
export interface StringValue extends ParsedBase<string> {}

/** Maskable types: `masked` says whether the value was masked (before storage, or by the source). */
export interface MaskableValue {
  masked: boolean;
}

/** A secret such as a password or an API token the source passes on. Sensitive: masked when stored. */
export interface CredentialValue extends ParsedBase<string>, MaskableValue {}

/** A US Social Security number. Sensitive: masked when stored and in every answer. */
export interface SsnValue extends ParsedBase<string>, MaskableValue {
  first_three: string | null;
  middle_two: string | null;
  last_four: string | null;
}

export interface StreetValue extends ParsedBase<string> {
  /** The house number, e.g. `4203` or `12B`. */
  number: string | null;
  /** The rest: `Guadalupe St`. */
  name: string | null;
}

export interface GenderValue extends ParsedBase<string> {
  /** `M`, `F` or `O`. */
  abbr: 'M' | 'F' | 'O' | null;
}

export interface TimeValue extends ParsedBase<string> {
  /** Milliseconds since the epoch (UTC). */
  epoch_ms: number | null;
}

export interface EmailValue extends ParsedBase<string> {
  /** Local part, before the `@`. */
  user: string | null;
  /** Everything after the `@`. */
  domain: string | null;
  /** The domain without its public suffix (`mail.example` for `mail.example.co.uk`). */
  host: string | null;
  /** The public suffix from the Public Suffix List: `com`, `co.uk`. */
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
  /** The area code (national destination code): `512` in the US, `30` for Berlin. */
  area: string | null;
  /** NANP only: the 3-digit exchange and 4-digit line. */
  exchange: string | null;
  line: string | null;
  /** The subscriber number: the national number without its area code (`7891111`). */
  number: string | null;
  extension: string | null;
  /** ISO 3166-1 alpha-2 region, e.g. `US`, `GB`. */
  country_code: string | null;
  /** E.g. `1`, `44`. */
  country_calling_code: number | null;
  is_tollfree: boolean;
  type: PhoneLineType | null;
  /** Where `type` came from: the source's h/w/m/c hint, or the numbering-plan metadata. */
  type_source: 'hint' | 'metadata' | null;
  /** The source sent the number with digits hidden by `*` (`1-(512) *** ****`). */
  masked: boolean;
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
  /** Full name, e.g. `Texas`; for a value not in the table, the value itself. */
  name: string | null;
  country_code: 'US' | 'CA' | null;
  /** A US state, DC, territory, military code or Canadian province (`valid` is true for any text). */
  is_known: boolean;
}

export interface BooleanValue extends ParsedBase<boolean> {}

export interface NumberValue extends ParsedBase<number | string> {}

export interface RangeValue extends ParsedBase<string> {
  min: number | null;
  /** Null for open-ended ranges such as `65+`. */
  max: number | null;
  /** Average of min and max (2 dp); null for open-ended ranges. */
  avg: number | null;
  /** The average truncated to a whole number (a single value is its own mid); null for open-ended ranges. */
  mid: number | null;
}

export interface DateValue extends ParsedBase<string> {
  year: number | null;
  month: number | null;
  day: number | null;
}

export interface DobValue extends DateValue {
  /** Years between the date and `now` (UTC calendar), with one decimal, floored: 29.9 the day before a 30th birthday. */
  age: number | null;
}

export interface UrlValue extends ParsedBase<string> {
  /** Without the colon: `http`, `https`. */
  protocol: string | null;
  /** Host name and port, as in the URL (`example.com:8080`). */
  host: string | null;
  port: number | null;
  path: string | null;
  /** Without the leading `?`; null when empty. */
  query: string | null;
  /** With the leading `#` (`#results`); null when empty. */
  hash: string | null;
}

export interface IpValue extends ParsedBase<string> {
  is_ipv4: boolean;
  is_ipv6: boolean;
  /** The IPv6 form: the address itself, or for IPv4 the IPv4-mapped address `::ffff:c633:5aa1`. */
  ipv6_format: string | null;
  /** The IPv4 form: the address itself, or the address inside an IPv4-mapped IPv6 one. */
  ipv4_format: string | null;
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
  first_name: StringValue;
  last_name: StringValue;
  city: StringValue;
  street: StreetValue;
  gender: GenderValue;
  time: TimeValue;
  ssn: SsnValue;
  credential: CredentialValue;
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
