import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../../domain/fields/types.js';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// Issue 12 end to end: a flow declaring a field of every type, a lead through the real API, Temporal
// workflow and Postgres, and its parsed values read back: every field as {normal, raw, valid,
// ...components}, SSNs masked in everything stored or answered, the buyer given the real value.
const CERT = 'https://cert.trustedform.com/0123456789abcdef0123456789abcdef01234567';

// One field per type, named after it, with what a real source sends.
const SENT: Record<(typeof FIELD_TYPES)[number], unknown> = {
  string: 'website_form',
  first_name: ' John ',
  last_name: 'Doe',
  city: 'Austin',
  street: '4203 Guadalupe St',
  email: ' John.Doe@Example.com ',
  phone: '512-789-1111 (h)',
  postal_code: '78704 1234',
  state: 'texas',
  gender: 'M',
  boolean: 'Yes',
  number: '$1100 per month',
  range: '1 10',
  date: '6/2/14',
  dob: '18/7/1980',
  time: '06/14/2014 6:27:33 PM',
  url: 'example.com/landing?utm=x',
  ip: 'http://198.51.90.161:8080',
  ssn: '287-65-4320',
  credential: 'hunter2',
  trustedform_url: CERT,
};

describe('field types through the API', () => {
  let stack: TestStack;
  let buyer: Awaited<ReturnType<typeof startRecipient>>;
  let key: string;
  let flowId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    buyer = await startRecipient();
    ({ key } = await stack.createAccount());
    const created = await stack.call('POST', '/flows', key, {
      name: 'Every field type',
      fields: FIELD_TYPES.map((type) => ({ name: `my_${type}`, type })),
      steps: [{ type: 'delivery', recipient: { name: 'Buyer', config: { url: buyer.url } } }],
    });
    expect(created.status).toBe(201);
    flowId = created.json.id;
  });

  afterAll(async () => {
    await buyer?.close();
    await stack?.stop();
  });

  it('answers every field with its normal value, raw input, validity and components', async () => {
    const lead = Object.fromEntries(Object.entries(SENT).map(([type, value]) => [`my_${type}`, value]));
    const res = await stack.call('POST', `/flows/${flowId}/leads`, key, { lead });
    expect(res.status).toBe(201);
    expect(res.json.status).toBe('delivered');

    const read = await stack.call('GET', `/leads/${res.json.id}`, key);
    expect(read.status).toBe(200);
    const fields = read.json.fields as Record<string, Record<string, unknown>>;
    expect(Object.keys(fields).sort()).toEqual(FIELD_TYPES.map((t) => `my_${t}`).sort());
    for (const type of FIELD_TYPES) {
      expect(fields[`my_${type}`], type).toMatchObject({ valid: true });
      expect(fields[`my_${type}`], type).toHaveProperty('normal');
      expect(fields[`my_${type}`], type).toHaveProperty('raw');
    }
    expect(fields.my_first_name).toEqual({ normal: 'John', raw: ' John ', valid: true });
    expect(fields.my_street).toMatchObject({ number: '4203', name: 'Guadalupe St' });
    expect(fields.my_email).toMatchObject({
      normal: 'john.doe@example.com',
      domain: 'example.com',
      tld: 'com',
    });
    expect(fields.my_phone).toMatchObject({
      normal: '+15127891111',
      raw: '512-789-1111 (h)',
      area: '512',
      exchange: '789',
      line: '1111',
      type: 'home',
      country_calling_code: 1,
    });
    expect(fields.my_postal_code).toMatchObject({ normal: '78704-1234', zip: '78704', four: '1234' });
    expect(fields.my_state).toMatchObject({ normal: 'TX', name: 'Texas', is_known: true });
    expect(fields.my_gender).toMatchObject({ normal: 'male', abbr: 'M' });
    expect(fields.my_boolean).toMatchObject({ normal: true });
    expect(fields.my_number).toMatchObject({ normal: 1100 });
    expect(fields.my_range).toMatchObject({ normal: '1-10', min: 1, max: 10, avg: 5.5, mid: 5 });
    expect(fields.my_date).toMatchObject({ normal: '2014-06-02', year: 2014 });
    expect(fields.my_dob).toMatchObject({ normal: '1980-07-18', year: 1980 });
    expect(Number.isInteger((fields.my_dob!.age as number) * 10)).toBe(true);
    expect(fields.my_time).toMatchObject({ normal: '2014-06-14T18:27:33.000Z' });
    expect(fields.my_url).toMatchObject({ normal: 'http://example.com/landing?utm=x', query: 'utm=x' });
    expect(fields.my_ip).toMatchObject({ normal: '198.51.90.161', ipv6_format: '::ffff:c633:5aa1' });
    expect(fields.my_trustedform_url).toMatchObject({ type: 'web', cert_id: CERT.slice(-40) });
    // Sensitive types: masked in the answer, validity kept.
    expect(fields.my_ssn).toEqual({
      normal: '*********',
      raw: '***-**-****',
      valid: true,
      masked: true,
      first_three: '***',
      middle_two: '**',
      last_four: '****',
    });
    expect(fields.my_credential).toEqual({ normal: '*******', raw: '*******', valid: true, masked: true });

    // lead_data keeps its documented shape: field -> normal value.
    expect(read.json.lead_data).toMatchObject({
      my_phone: '+15127891111',
      my_number: 1100,
      my_state: 'TX',
      my_ssn: '*********',
      my_credential: '*******',
    });

    // The buyer was sold the real values during the lead's run.
    expect(buyer.requests.at(-1)!.json()).toMatchObject({ my_ssn: '287654320', my_credential: 'hunter2' });

    // Nothing stored in Postgres holds the SSN or the credential.
    const stored = await stack.pool.query(
      `SELECT l.lead_data::text || l.normalized::text || l.fields::text ||
              coalesce((SELECT string_agg(coalesce(e.details::text, ''), '') FROM lead_events e WHERE e.lead_id = l.id), '') AS text
         FROM leads l WHERE l.id = $1`,
      [res.json.id],
    );
    expect(stored.rows[0].text).toContain('***-**-****');
    expect(stored.rows[0].text).not.toMatch(/287.?65.?4320|65.?4320/);
    expect(stored.rows[0].text).not.toContain('hunter2');

    // The flow's events carry their lead's parsed fields too.
    const events = await stack.call('GET', `/flows/${flowId}/events`, key);
    expect(events.status).toBe(200);
    const delivered = events.json.events.find(
      (e: { lead_id: string; type: string }) => e.lead_id === res.json.id && e.type === 'delivered',
    );
    expect(delivered.fields.my_phone).toMatchObject({ area: '512', type: 'home', raw: '512-789-1111 (h)' });
    expect(delivered.fields.my_ssn).toMatchObject({ normal: '*********', masked: true });
  });

  it('documents the parsed values in the OpenAPI spec', async () => {
    const spec = await stack.call('GET', '/openapi.json', key);
    const schemas = spec.json.components.schemas;
    expect(Object.keys(schemas.ParsedField.properties)).toEqual(['normal', 'raw', 'valid']);
    expect(schemas.ParsedField.additionalProperties).toEqual({});
    expect(JSON.stringify(schemas.Lead.properties.fields)).toContain('#/components/schemas/ParsedField');
    expect(JSON.stringify(schemas.FlowEvent.properties.fields)).toContain('#/components/schemas/ParsedField');
    expect(schemas.Lead.properties.lead_data.type).toBe('object');
  });

  it('types the standard fields a flow does not declare, and lets the flow override them', async () => {
    const flow = await stack.call('POST', '/flows', key, {
      name: 'Catalogue',
      fields: [{ name: 'zip', type: 'string' }],
    });
    expect(flow.status).toBe(201);
    const res = await stack.call('POST', `/flows/${flow.json.id}/leads`, key, {
      lead: {
        phone_1: '5127891111m',
        postal_code: '78704',
        zip: '78704',
        income: '$55,000 per year',
        dob: '6/2/50',
        gender: 'f',
        ip_address: '8.8.8.8',
        ssn: '223 45 6789',
      },
    });
    expect(res.status).toBe(201);
    const read = await stack.call('GET', `/leads/${res.json.id}`, key);
    expect(read.json.fields).toMatchObject({
      phone_1: { normal: '+15127891111', type: 'mobile', area: '512' },
      postal_code: { zip: '78704', country_code: 'US' },
      zip: { normal: '78704', raw: '78704', valid: true },
      income: { normal: 55000 },
      dob: { normal: '1950-06-02', year: 1950 },
      gender: { normal: 'female', abbr: 'F' },
      ip_address: { is_ipv4: true, is_public: true },
      ssn: { normal: '*********', masked: true, valid: true },
    });
    expect(read.json.fields.zip).not.toHaveProperty('country_code');
    expect(read.json.lead_data).toMatchObject({ ssn: '*********', income: 55000 });
  });

  it('rejects an invalid value of a require_valid field of a new type with the documented error', async () => {
    const flow = await stack.call('POST', '/flows', key, {
      name: 'SSN required',
      fields: [{ name: 'ssn', type: 'ssn', required: true, require_valid: true }],
    });
    expect(flow.status).toBe(201);
    const res = await stack.call('POST', `/flows/${flow.json.id}/leads`, key, {
      lead: { ssn: '000-00-0000' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual([
      { field: 'ssn', code: 'invalid_format', message: 'Ssn format is invalid' },
    ]);
  });
});
