// The standard field catalogue: the lead fields every lead source sends under well-known names,
// each with its type, so a flow gets them parsed without declaring them. A flow's own `fields`
// come first: declaring `phone` as `string`, or a field of its own, overrides or adds to these.
// Names follow LeadConduit's standard fields (phone_1, address_1, postal_code, dob, ...), plus the
// spellings sources commonly use for them (zip, date_of_birth, ...). Pure data; no imports beyond
// types, so the workflow bundle could use it.

import type { FieldType } from './types.js';

export interface StandardField {
  name: string;
  type: FieldType;
  description: string;
  /** Other names sources use for the same field; they get the same type. */
  aliases?: readonly string[];
}

export const STANDARD_FIELDS: readonly StandardField[] = [
  { name: 'first_name', type: 'first_name', description: 'First name', aliases: ['firstname', 'fname'] },
  {
    name: 'last_name',
    type: 'last_name',
    description: 'Last name',
    aliases: ['lastname', 'lname', 'surname'],
  },
  { name: 'email', type: 'email', description: 'Email address', aliases: ['email_address'] },
  {
    name: 'phone_1',
    type: 'phone',
    description: 'Primary phone',
    aliases: ['phone', 'phone_number', 'primary_phone'],
  },
  { name: 'phone_2', type: 'phone', description: 'Secondary phone', aliases: ['secondary_phone'] },
  { name: 'phone_3', type: 'phone', description: 'Third phone' },
  {
    name: 'mobile_phone',
    type: 'phone',
    description: 'Mobile phone',
    aliases: ['cell_phone', 'mobile', 'cell'],
  },
  { name: 'home_phone', type: 'phone', description: 'Home phone' },
  { name: 'work_phone', type: 'phone', description: 'Work phone' },
  {
    name: 'address_1',
    type: 'street',
    description: 'Street address, first line (house number and street)',
    aliases: ['address', 'address1', 'street', 'street_address'],
  },
  { name: 'address_2', type: 'string', description: 'Street address, second line', aliases: ['address2'] },
  { name: 'city', type: 'city', description: 'City' },
  { name: 'state', type: 'state', description: 'State or province', aliases: ['province', 'state_province'] },
  {
    name: 'postal_code',
    type: 'postal_code',
    description: 'US ZIP (or ZIP+4), Canadian or UK postal code',
    aliases: ['zip', 'zip_code', 'zipcode', 'postcode'],
  },
  { name: 'country', type: 'string', description: 'Country' },
  {
    name: 'dob',
    type: 'dob',
    description: 'Date of birth',
    aliases: ['date_of_birth', 'birth_date', 'birthdate'],
  },
  { name: 'gender', type: 'gender', description: 'Gender', aliases: ['sex'] },
  {
    name: 'ssn',
    type: 'ssn',
    description: 'US Social Security number (masked when stored)',
    aliases: ['social_security_number'],
  },
  { name: 'ip_address', type: 'ip', description: "The consumer's IP address", aliases: ['ip'] },
  { name: 'user_agent', type: 'string', description: "The consumer's browser user agent" },
  {
    name: 'income',
    type: 'number',
    description: 'Income',
    aliases: ['annual_income', 'household_income', 'monthly_income'],
  },
  { name: 'age', type: 'number', description: 'Age in years' },
  { name: 'loan_amount', type: 'number', description: 'Loan amount requested' },
  {
    name: 'trustedform_cert_url',
    type: 'trustedform_url',
    description: 'TrustedForm certificate URL',
    aliases: ['trusted_form_cert_url', 'xxtrustedformcerturl'],
  },
  {
    name: 'leadid_token',
    type: 'string',
    description: 'Jornaya LeadiD token',
    aliases: ['universal_leadid'],
  },
  {
    name: 'landing_page_url',
    type: 'url',
    description: 'The page the lead was captured on',
    aliases: ['url', 'website', 'website_url', 'referring_url', 'page_url'],
  },
  { name: 'company', type: 'string', description: 'Company name', aliases: ['company_name'] },
  { name: 'comments', type: 'string', description: 'Free-text comments' },
  {
    name: 'opt_in',
    type: 'boolean',
    description: 'Marketing consent given',
    aliases: ['tcpa_consent', 'consent'],
  },
  { name: 'is_test', type: 'boolean', description: 'The source marks the lead as a test' },
  {
    name: 'submitted_at',
    type: 'time',
    description: 'When the source captured the lead',
    aliases: ['timestamp'],
  },
  {
    name: 'password',
    type: 'credential',
    description: 'A credential passed on to a recipient (masked when stored)',
  },
];

const BY_NAME: ReadonlyMap<string, StandardField> = new Map(
  STANDARD_FIELDS.flatMap((field) =>
    [field.name, ...(field.aliases ?? [])].map((name) => [name, field] as const),
  ),
);

/** The catalogue entry for a field name (case and surrounding space ignored), if it is a standard one. */
export function standardField(name: string): StandardField | undefined {
  const key = name.trim().toLowerCase();
  const known = BY_NAME.get(key);
  if (known) return known;
  // Numbered and prefixed variants: phone_4, alt_phone, email_2, secondary_email.
  if (/^phone_?\d+$/.test(key) || /_phone(?:_\d+)?$/.test(key)) return BY_NAME.get('phone_1');
  if (/^email_?\d+$/.test(key) || /_email$/.test(key)) return BY_NAME.get('email');
  return undefined;
}

/** The type a field gets when the flow does not declare it: its catalogue type, else `string`. */
export function inferFieldType(name: string): FieldType {
  return standardField(name)?.type ?? 'string';
}
