// PostgreSQL text and jsonb cannot hold NUL (U+0000), and an unpaired UTF-16 surrogate has no UTF-8
// form: such text would fail deep in a lead's run (or be silently replaced). Requests carrying it are
// refused at the edge instead, naming where it was.

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !UNPAIRED_SURROGATE.test(text);
}

/**
 * The path (`lead.email`, `steps.0.name`, `headers.X-Key` as a key) of the first string in `value`,
 * key or value, that Postgres cannot store; null when every string is storable.
 */
export function findUnstorableText(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path.join('.') || '(body)';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (!isStorableText(key)) return [...path, printable(key)].join('.');
      const found = findUnstorableText(child, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/** A key that is itself unstorable, shown with the offending characters escaped. */
function printable(key: string): string {
  return JSON.stringify(key)
    .slice(1, -1)
    .replace(/[\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

export const UNSTORABLE_TEXT_MESSAGE =
  'Text may not contain NUL (\\u0000) or unpaired UTF-16 surrogate characters';
