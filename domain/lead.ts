// Pure lead types and rules shared by workflows, activities and the API. No I/O, no zod, no Node
// built-ins: this module is bundled into the deterministic workflow sandbox.

export type LeadStatus = 'received' | 'accepted' | 'rejected' | 'delivered' | 'delivery_failed' | 'failed';

export type EventOutcome = 'success' | 'failure' | 'error' | 'skip';

export type LeadEventType =
  | 'received'
  | 'enhanced'
  | 'accepted'
  | 'rejected'
  | 'skipped'
  | 'delivered'
  | 'delivery_failed'
  | 'converted'
  | 'returned'
  | 'replayed'
  | 'closed'
  | 'bid'
  | 'auction';

/** Why a lead was rejected; the API maps each kind to its HTTP answer. */
export type RejectionKind =
  | 'validation'
  | 'criteria'
  | 'enhancement'
  | 'filter'
  | 'duplicate'
  | 'quality'
  | 'cap'
  | 'suppressed';

export interface LeadEvent {
  id: string;
  type: LeadEventType;
  outcome: EventOutcome;
  timestamp: string;
  reason?: string;
  recipient?: string;
  recipient_id?: string;
  response_code?: number;
  duration_ms?: number;
  enhancements?: string[];
  details?: Record<string, unknown>;
}

export type LeadFields = Record<string, unknown>;

export interface FieldError {
  field: string;
  code: 'missing_required' | 'invalid_format';
  message: string;
}

export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Required fields that are absent or blank, reported in the API's per-field error format. */
export function missingRequiredFields(required: readonly string[], lead: LeadFields): FieldError[] {
  return required
    .filter((field) => isBlank(lead[field]))
    .map((field) => ({ field, code: 'missing_required', message: `${humanize(field)} is required` }));
}

function humanize(field: string): string {
  const words = field.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
