import { words } from './text.js';

// Job-title normalisation for the `job_titles` filter and contact choice. "VP Engineering",
// "VP of Engineering" and "Vice President, Engineering" all normalise to
// "vice president engineering"; "CTO" to "chief technology officer".

const ABBREVIATIONS: Record<string, string> = {
  vp: 'vice president',
  svp: 'senior vice president',
  evp: 'executive vice president',
  avp: 'assistant vice president',
  ceo: 'chief executive officer',
  cto: 'chief technology officer',
  cfo: 'chief financial officer',
  coo: 'chief operating officer',
  cmo: 'chief marketing officer',
  cio: 'chief information officer',
  ciso: 'chief information security officer',
  cro: 'chief revenue officer',
  cpo: 'chief product officer',
  cdo: 'chief data officer',
  chro: 'chief human resources officer',
  cmio: 'chief medical information officer',
  hr: 'human resources',
  sr: 'senior',
  jr: 'junior',
  mgr: 'manager',
  dir: 'director',
  eng: 'engineering',
  ops: 'operations',
  it: 'it',
};

const DROP = new Set(['of', 'the', 'and', 'for', 'a', 'an', 'in']);

export function normalizeTitle(title: string): string {
  const out: string[] = [];
  for (const w of words(title.replace(/&/g, ' and '))) {
    if (DROP.has(w)) continue;
    out.push(ABBREVIATIONS[w] ?? w);
  }
  return out.join(' ');
}

/**
 * True when the contact's title contains the filter title as a contiguous word sequence after
 * normalisation: filter "VP Engineering" matches "SVP of Engineering" and "VP Engineering, Platform";
 * it does not match "Engineering Manager". `paddedContactTitle` is ` ${normalizeTitle(title)} `.
 */
export function titleMatches(paddedContactTitle: string, normalizedFilterTitle: string): boolean {
  if (normalizedFilterTitle === '') return false;
  return paddedContactTitle.includes(` ${normalizedFilterTitle} `);
}
