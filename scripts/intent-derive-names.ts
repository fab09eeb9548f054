// Derives the small committed organisation-name list used by the seed generator
// (intent/seed/data/org-names.tsv) from the IEEE OUI registry as packaged by Debian's `ieee-data`
// (/usr/share/ieee-data/oui.csv; IEEE registry data, public domain per Debian's copyright file).
// Run once by hand after `apt-get install ieee-data`; the generator never needs the package.
//   node --import tsx scripts/intent-derive-names.ts [/usr/share/ieee-data/oui.csv] [count]
import { readFileSync, writeFileSync } from 'node:fs';
import { COUNTRIES } from '../intent/geo.js';
import { TECHNOLOGIES } from '../intent/taxonomy.js';
import { fnv1a, normalizeLabel } from '../intent/text.js';

const src = process.argv[2] ?? '/usr/share/ieee-data/oui.csv';
const count = Number(process.argv[3] ?? 4000);
const known = new Set(COUNTRIES.map((c) => c.code));
// Names that start like a technology in the taxonomy (e.g. a vendor named after its product) are
// left out, so no real vendor appears as a synthetic buyer of its own category.
const techWords = new Set([...TECHNOLOGIES.values()].map((t) => normalizeLabel(t.name).split(' ')[0]!));

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (q) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function tidy(name: string): string {
  let n = name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;]+$/, '');
  if (n === n.toUpperCase() && /[A-Z]{4}/.test(n)) {
    n = n.toLowerCase().replace(/\b([a-z])/g, (m) => m.toUpperCase());
  }
  return n;
}

const seen = new Map<string, string>();
for (const line of readFileSync(src, 'utf8').split('\n').slice(1)) {
  if (!line.trim()) continue;
  const [, , org = '', address = ''] = parseCsvLine(line);
  const name = tidy(org);
  if (name.length < 3 || name.length > 60 || /private|ieee|registration authority/i.test(name)) continue;
  if (/[^\x20-\x7e]/.test(name) || !/[A-Za-z]{2}/.test(name)) continue;
  if (techWords.has(normalizeLabel(name).split(' ')[0]!)) continue;
  const codes = address
    .trim()
    .split(/\s+/)
    .filter((t) => /^[A-Z]{2}$/.test(t));
  const country = codes[codes.length - 1];
  if (!country || !known.has(country)) continue;
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!seen.has(key)) seen.set(key, `${name}\t${country}`);
}
const rows = [...seen.entries()]
  .sort((a, b) => fnv1a(a[0]) - fnv1a(b[0]) || (a[0] < b[0] ? -1 : 1))
  .slice(0, count)
  .map(([, v]) => v)
  .sort();
const header = [
  '# Organisation names and registrant country (ISO 3166-1 alpha-2), a deterministic sample of the',
  '# IEEE MA-L (OUI) public registry as packaged by Debian ieee-data 20220827.1 (oui.csv; the Debian',
  '# copyright file lists these registry files as public domain, packaging WTFPL-2). Derived by',
  '# scripts/intent-derive-names.ts. Only the names are used; every attribute, domain, contact and',
  '# signal the seed generator attaches to them is synthetic.',
];
writeFileSync('intent/seed/data/org-names.tsv', `${[...header, ...rows].join('\n')}\n`);
console.log(`wrote ${rows.length} names from ${seen.size} candidates`);
