import pluralize from 'pluralize';

// Text normalisation shared by the index, the query parser and the evaluation. Pure and
// deterministic: the same string always yields the same tokens on every machine.

const STOPWORDS = new Set(
  (
    'a an and are as at be been but by for from has have in into is it its of on or our that the their ' +
    'them they this to was were will with we you your us i me my who whom which what when where why how ' +
    'all any both each few more most other some such no nor not only own same so than too very can just ' +
    'should now also via per about after before over under up down out off again then once here there ' +
    'these those do does did doing would could may might must shall am being having he she his her'
  ).split(' '),
);

/** Light, rule-based stemmer: folds plurals and a few inflections so "tickets"/"ticket" meet. */
export function stem(token: string): string {
  const n = token.length;
  if (n <= 3) return token;
  if (token.endsWith('ies') && n > 4) return `${token.slice(0, -3)}y`;
  if (token.endsWith('sses')) return token.slice(0, -2);
  if (token.endsWith('ches') || token.endsWith('shes') || token.endsWith('xes')) return token.slice(0, -2);
  if (token.endsWith('ss') || token.endsWith('us') || token.endsWith('is')) return token;
  if (token.endsWith('s')) return token.slice(0, -1);
  return token;
}

// Words that end like plurals but are not (or whose singular means something else here).
const NOT_PLURAL = new Set(
  (
    'saas paas iaas its was has is as us this thus yes bus gas plus status campus census chaos canvas ' +
    'analytics logistics sales ops series news media data devops aws dallas texas kansas arkansas ' +
    'illinois paris las vegas los angeles st louis always perhaps across process business access success ' +
    'less loss class glass press express address windows physics economics ' +
    'ethics relations communications telecommunications electronics semiconductors robotics graphics'
  ).split(' '),
);

/**
 * Singular form of a plural English word ("fintechs" -> "fintech", "insurers" -> "insurer",
 * "utilities" -> "utility", "inboxes" -> "inbox"), via the `pluralize` library's inflection rules;
 * other words come back unchanged. Used to match prompt words against label tables.
 */
export function singular(word: string): string {
  if (word.length < 4 || !word.endsWith('s') || NOT_PLURAL.has(word)) return word;
  let out = singularMemo.get(word);
  if (out === undefined) {
    out = pluralize.singular(word);
    if (singularMemo.size >= 20_000) singularMemo.clear();
    singularMemo.set(word, out);
  }
  return out;
}
const singularMemo = new Map<string, string>();

const SPLIT = /[^a-z0-9+#]+/;

/** Lower-cases, strips accents, splits on non-alphanumerics. Keeps stopwords; no stemming. */
export function words(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const out: string[] = [];
  for (const part of folded.split(SPLIT)) {
    if (part === '' || part === '+' || part === '#') continue;
    out.push(part);
  }
  return out;
}

/** Index/query tokens: words minus stopwords, stemmed. */
export function tokenize(text: string): string[] {
  return tokensFromWords(words(text));
}

/** `tokenize` for text already split by `words`. */
export function tokensFromWords(ws: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of ws) {
    if (STOPWORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Tokens followed by their adjacent pairs joined with '_' ("help", "desk", "help_desk"). */
export function withBigrams(tokens: string[]): string[] {
  const n = tokens.length;
  for (let i = 0; i + 1 < n; i++) tokens.push(`${tokens[i]}_${tokens[i + 1]}`);
  return tokens;
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Whitespace that trim().replace(/\s+/g, ' ') would change: at either end, doubled, or not a space. */
export const UNTIDY_SPACE = /^\s|\s$|\s\s|[^\S ]/;

/** Where text.split(/(?<=[.!?])\s+/) cuts a text into sentences: a sentence end followed by whitespace. */
export const SENTENCE_BREAK = /[.!?]\s/;

/** Canonical form of a short label (industry, technology, title): lower-case words joined by one space. */
export function normalizeLabel(text: string): string {
  return words(text).join(' ');
}

/** Compact key for technology names: "Microsoft Dynamics 365" -> "microsoftdynamics365". */
export function compactKey(text: string): string {
  return words(text).join('');
}

/** Normalises a domain or URL to a bare lower-case host without "www.". Returns '' if empty. */
export function normalizeDomain(input: string): string {
  let d = input.trim().toLowerCase();
  d = d.replace(/^[a-z]+:\/\//, '');
  d = d.replace(/[/?#].*$/, '');
  d = d.replace(/:\d+$/, '');
  d = d.replace(/^www\./, '');
  d = d.replace(/\.$/, '');
  return d;
}

/** 32-bit FNV-1a hash of a string; used for stable derived keys and seeds. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Stable 64-bit-ish hex digest (two FNV lanes): short derived keys that are identical on re-import. */
export function stableHash(text: string): string {
  const a = fnv1a(text);
  const b = fnv1a(text, 0x9e3779b9);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
