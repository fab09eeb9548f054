// What a ping may carry and what its answer says. A ping asks a buyer for a bid before the lead is
// sold, so it carries only the recipient's allow-listed `ping_fields`, and never personal data unless
// the recipient is explicitly allowed it. Pure; used by the ping activity and the recipients API.
import { readAnswer, textOf } from './delivery-response.js';
import { fieldTypes, inferFieldType } from './fields/index.js';
import type { FieldDefinition, FieldType } from './fields/types.js';
import type { BidParsing, PingPostRecipientConfig } from './flow.js';

/** Types that identify a person: not pinged unless the recipient has `allow_personal_ping_fields`. */
export const PERSONAL_FIELD_TYPES: ReadonlySet<FieldType> = new Set<FieldType>([
  'first_name',
  'last_name',
  'email',
  'phone',
  'street',
  'dob',
  'ip',
  'ssn',
  'credential',
]);
/** Types never pinged, whatever the recipient allows. */
export const NEVER_PINGED_TYPES: ReadonlySet<FieldType> = new Set<FieldType>(['ssn', 'credential']);

/**
 * Ping fields that are personal by the standard catalogue (`email`, `phone_1`, `address`, ...), as the
 * recipients API checks them when a recipient is saved: the flows it will serve are not known yet.
 */
export function personalPingFields(
  config: Pick<PingPostRecipientConfig, 'ping_fields' | 'allow_personal_ping_fields'>,
): Array<{ field: string; type: FieldType }> {
  return config.ping_fields
    .map((field) => ({ field, type: inferFieldType(field) }))
    .filter(
      ({ type }) =>
        NEVER_PINGED_TYPES.has(type) ||
        (PERSONAL_FIELD_TYPES.has(type) && !config.allow_personal_ping_fields),
    );
}

/**
 * The body of a ping: the lead's normal values of the allow-listed fields, under the buyer's names
 * (its field mapping), minus any field whose type in this flow is personal (a flow may declare its
 * own personal fields) unless allowed, and never an SSN or credential. `withheld` names the fields
 * left out for their type, for the bid event.
 */
export function pingPayload(
  lead: Readonly<Record<string, unknown>>,
  config: Pick<PingPostRecipientConfig, 'ping_fields' | 'allow_personal_ping_fields' | 'field_mapping'>,
  flowFields: readonly FieldDefinition[],
): { payload: Record<string, unknown>; withheld: string[] } {
  const allowed = new Set(config.ping_fields);
  const types = fieldTypes(flowFields, Object.keys(lead));
  const withheld = new Set<string>();
  const pingable = (field: string) => {
    if (!allowed.has(field) || lead[field] === undefined) return false;
    const type = types.get(field) ?? 'string';
    const refused =
      NEVER_PINGED_TYPES.has(type) || (PERSONAL_FIELD_TYPES.has(type) && !config.allow_personal_ping_fields);
    if (refused) withheld.add(field);
    return !refused;
  };
  const payload: Record<string, unknown> = {};
  const pairs: Array<[string, string]> = config.field_mapping
    ? Object.entries(config.field_mapping)
    : Object.keys(lead).map((field) => [field, field]);
  for (const [target, field] of pairs) if (pingable(field)) payload[target] = lead[field];
  return { payload, withheld: [...withheld].sort() };
}

export interface InterpretedBid {
  status: 'bid' | 'no_bid' | 'error';
  price: number | null;
  bidId: string | null;
  reason: string | null;
}

/**
 * A ping's answer as a bid: 2xx whose price (at `price_path`) is above 0, and whose `accept_path`
 * value (when set) is one of `accept_values`, is a bid; any other 2xx is no bid; a non-2xx answer, or a
 * price above MAX_BID, is a failed ping (error). Prices are kept to 1/10000 of a dollar.
 */
export function interpretBid(
  rules: BidParsing,
  response: { status: number; contentType: string | null; body: string },
): InterpretedBid {
  const { json, read } = readAnswer(response);
  const reason = textOf(read(rules.reason_path));
  if (response.status < 200 || response.status >= 300) {
    return {
      status: 'error',
      price: null,
      bidId: null,
      reason: reason ?? `Buyer answered HTTP ${response.status}`,
    };
  }
  if (json === undefined)
    return { status: 'no_bid', price: null, bidId: null, reason: reason ?? 'No bid in the answer' };
  if (rules.accept_path) {
    const value = textOf(read(rules.accept_path));
    const accepted = rules.accept_values.map((v) => v.toLowerCase());
    if (value === null || !accepted.includes(value.toLowerCase())) {
      return { status: 'no_bid', price: null, bidId: null, reason: reason ?? 'The buyer did not bid' };
    }
  }
  const raw = read(rules.price_path);
  // A string is read as a plain decimal (`"12.50"`): `Number` would also take `"0x10"` or `"1e3"`.
  const price =
    typeof raw === 'number' ? raw : typeof raw === 'string' && DECIMAL.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(price) || price <= 0) {
    return { status: 'no_bid', price: null, bidId: null, reason: reason ?? 'No bid (no price above 0)' };
  }
  // Prices are stored as numeric(12, 4): a larger one could never be recorded (nor be a real bid).
  if (price > MAX_BID) {
    return { status: 'error', price: null, bidId: null, reason: `Bid out of range (above ${MAX_BID})` };
  }
  return {
    status: 'bid',
    price: Math.round(price * 10_000) / 10_000,
    bidId: textOf(read(rules.bid_id_path), MAX_BID_ID_LENGTH),
    reason,
  };
}

/** The largest price a bid may have: what a price column (numeric(12, 4)) holds. */
export const MAX_BID = 99_999_999;
const DECIMAL = /^\s*\d+(\.\d+)?\s*$/;
/** A bid id is echoed back in the post: longer ones are cut (and then no longer match the buyer's). */
const MAX_BID_ID_LENGTH = 200;
