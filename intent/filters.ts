import { Bitset } from './bitset.js';
import type { IntentIndex } from './corpus-index.js';
import { expandLocation } from './geo.js';
import { INDUSTRIES, resolveIndustry } from './industries.js';
import { normalizeDomain, normalizeLabel } from './text.js';
import { normalizeTitle, titleMatches } from './titles.js';
import { SIZE_BUCKET_RANGES, SIZE_BUCKETS, type SizeBucket } from './types.js';

// Request filters -> one bitset of eligible companies. Every filter is a hard filter: a company not in
// the bitset is never scored and never returned. Semantics (also in docs/intent-engine.md):
// - industries: any of the terms; a term names an industry id, name, alias or a whole sector.
// - company_size: any of the ranges; a bucket label ("51-200", "1000+") or any "a-b" / "n+" range,
//   matched on the exact employee count (so "10-50" means 10..50 employees).
// - location: one string (or several, any of them); matches a company whose city, region or country
//   answers to it (see geo.ts locationKeys): "United States", "California", "San Francisco", "Austin, TX".
// - technologies: any of them; a term matches a company technology whose normalised name equals it or
//   starts with it word-wise ("hubspot" matches "HubSpot CRM").
// - job_titles: any of them; the company must have a contact whose normalised title contains the term
//   as a word sequence ("VP Engineering" matches "SVP of Engineering"; "CTO" = "Chief Technology Officer").
// - exclude: domains (or URLs); the company's domain or any parent domain of it is excluded.
// Unknown values match nothing and produce a warning.

export interface IntentFilters {
  industries?: string[];
  company_size?: string[];
  location?: string | string[];
  exclude?: string[];
  technologies?: string[];
  job_titles?: string[];
}

export interface CompiledFilters {
  bits: Bitset;
  eligible: number;
  /** Normalised job titles; the returned contact must match one of them. */
  titles: string[];
  /** Canonical, order-independent form for cache keys. */
  key: string;
  warnings: string[];
}

const sorted = (xs: string[]) => [...new Set(xs)].sort();

export function parseSizeTerm(term: string): [number, number] | null {
  const t = term.trim().replace(/\s+/g, '').replace(/,/g, '');
  if ((SIZE_BUCKETS as readonly string[]).includes(t)) return SIZE_BUCKET_RANGES[t as SizeBucket];
  let m = /^(\d+)-(\d+)$/.exec(t);
  if (m) {
    const lo = Number(m[1]);
    const hi = Number(m[2]);
    return lo <= hi ? [lo, hi] : null;
  }
  m = /^(\d+)\+$/.exec(t);
  if (m) return [Number(m[1]), Number.MAX_SAFE_INTEGER];
  return null;
}

export function compileFilters(index: IntentIndex, filters: IntentFilters | undefined): CompiledFilters {
  const f = filters ?? {};
  const n = index.nCompanies;
  const bits = index.all.clone();
  const warnings: string[] = [];
  const keyParts: Record<string, unknown> = {};

  if (f.industries && f.industries.length > 0) {
    const ids = new Set<string>();
    for (const term of f.industries) {
      const found = resolveIndustry(term);
      if (found.length === 0) warnings.push(`unknown industry '${term}' matches no company`);
      for (const id of found) ids.add(id);
    }
    const group = new Bitset(n);
    INDUSTRIES.forEach((ind, i) => {
      if (ids.has(ind.id)) group.orInPlace(index.industryBits[i]!);
    });
    bits.andInPlace(group);
    keyParts.industries = sorted([...ids]);
  }

  if (f.company_size && f.company_size.length > 0) {
    const ranges: [number, number][] = [];
    for (const term of f.company_size) {
      const r = parseSizeTerm(term);
      if (r) ranges.push(r);
      else warnings.push(`unknown company_size '${term}' matches no company`);
    }
    const group = new Bitset(n);
    const emp = index.employees;
    for (let i = 0; i < n; i++) {
      const e = emp[i]!;
      for (const [lo, hi] of ranges) {
        if (e >= lo && e <= hi) {
          group.set(i);
          break;
        }
      }
    }
    bits.andInPlace(group);
    keyParts.sizes = ranges.map((r) => r.join('-')).sort();
  }

  const locations = f.location === undefined ? [] : Array.isArray(f.location) ? f.location : [f.location];
  if (locations.length > 0) {
    const group = new Bitset(n);
    const keys: string[] = [];
    for (const loc of locations) {
      const key = normalizeLabel(loc);
      keys.push(key);
      let any = false;
      for (const k of expandLocation(key)) {
        const b = index.locationBits.get(k);
        if (b) {
          group.orInPlace(b);
          any = true;
        }
      }
      if (!any) warnings.push(`unknown location '${loc}' matches no company`);
    }
    bits.andInPlace(group);
    keyParts.location = sorted(keys);
  }

  if (f.technologies && f.technologies.length > 0) {
    const group = new Bitset(n);
    const terms = sorted(f.technologies.map(normalizeLabel).filter((t) => t !== ''));
    for (const term of terms) {
      let any = false;
      for (const [key, label] of index.techLabels) {
        if (label === term || label.startsWith(`${term} `)) {
          const b = index.techBits.get(key);
          if (b) {
            group.orInPlace(b);
            any = true;
          }
        }
      }
      if (!any) warnings.push(`technology '${term}' matches no company`);
    }
    bits.andInPlace(group);
    keyParts.technologies = terms;
  }

  const titles = sorted((f.job_titles ?? []).map(normalizeTitle).filter((t) => t !== ''));
  if (f.job_titles && f.job_titles.length > 0) {
    const group = new Bitset(n);
    for (const t of titles) group.orInPlace(titleBits(index, t));
    bits.andInPlace(group);
    keyParts.job_titles = titles;
  }

  if (f.exclude && f.exclude.length > 0) {
    const domains = sorted(f.exclude.map(normalizeDomain).filter((d) => d !== ''));
    for (const d of domains) for (const c of index.domainSuffixes.get(d) ?? []) bits.clear(c);
    keyParts.exclude = domains;
  }

  return { bits, eligible: bits.count(), titles, key: JSON.stringify(keyParts), warnings };
}

function titleBits(index: IntentIndex, title: string): Bitset {
  const memo = index.titleBitsMemo.get(title);
  if (memo) return memo;
  const b = new Bitset(index.nCompanies);
  const start = index.contactStart;
  // Each distinct title once (a few hundred), then each contact by its title's id.
  const matches = index.titleNorms.map((norm) => titleMatches(norm, title));
  const titleOf = index.contactTitleId;
  for (let c = 0; c < index.nCompanies; c++) {
    for (let k = start[c]!; k < start[c + 1]!; k++) {
      if (matches[titleOf[k]!]) {
        b.set(c);
        break;
      }
    }
  }
  if (index.titleBitsMemo.size >= 1000) index.titleBitsMemo.clear();
  index.titleBitsMemo.set(title, b);
  return b;
}

/** Canonical cache-key form of request filters, computed without the index (same normalisation). */
export function filterCacheKey(filters: IntentFilters | undefined): string {
  const f = filters ?? {};
  const loc = f.location === undefined ? [] : Array.isArray(f.location) ? f.location : [f.location];
  return JSON.stringify([
    sorted(
      (f.industries ?? []).flatMap((t) => {
        const ids = resolveIndustry(t);
        return ids.length > 0 ? ids : [`?${normalizeLabel(t)}`];
      }),
    ),
    sorted((f.company_size ?? []).map((t) => parseSizeTerm(t)?.join('-') ?? `?${t}`)),
    sorted(loc.map(normalizeLabel)),
    sorted((f.technologies ?? []).map(normalizeLabel)),
    sorted((f.job_titles ?? []).map(normalizeTitle)),
    sorted((f.exclude ?? []).map(normalizeDomain)),
    f.industries !== undefined && f.industries.length > 0,
    f.company_size !== undefined && f.company_size.length > 0,
    loc.length > 0,
    f.technologies !== undefined && f.technologies.length > 0,
    f.job_titles !== undefined && f.job_titles.length > 0,
  ]);
}
