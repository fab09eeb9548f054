// Turning any raw input into text without throwing, shared by every parser.

export interface Text {
  /** The input as trimmed text. Non-scalar inputs become their String() form, e.g. `[object Object]`. */
  text: string;
  /** False when the input was not a scalar (string, finite number, bigint, boolean, Date). */
  scalar: boolean;
}

export function toText(raw: unknown): Text {
  switch (typeof raw) {
    case 'string':
      return { text: raw.trim(), scalar: true };
    case 'number':
      return { text: String(raw), scalar: Number.isFinite(raw) };
    case 'bigint':
    case 'boolean':
      return { text: String(raw), scalar: true };
    case 'undefined':
      return { text: '', scalar: false };
    case 'symbol':
    case 'function':
      return { text: '', scalar: false };
    default:
      break;
  }
  if (raw === null) return { text: '', scalar: false };
  if (raw instanceof Date) {
    const time = raw.getTime();
    return Number.isNaN(time)
      ? { text: 'Invalid Date', scalar: false }
      : { text: raw.toISOString(), scalar: true };
  }
  return { text: typeof raw === 'object' ? safeString(raw) : '', scalar: false };
}

function safeString(value: object): string {
  try {
    const text = String(value);
    return typeof text === 'string' ? text.trim() : '[object Object]';
  } catch {
    // Object.create(null), or a toString that throws.
    return '[object Object]';
  }
}

/** A value already produced by a parser: re-parsing it starts again from its original raw input. */
export function isParsedValue(value: unknown): value is { raw: unknown; normal: unknown; valid: boolean } {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return 'raw' in value && 'normal' in value && 'valid' in value && typeof value.valid === 'boolean';
  } catch {
    return false;
  }
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
