// US states, DC, territories, military "states" and Canadian provinces/territories.
//
// A table kept here rather than a package: the list is small and stable, and the packages checked
// (`provinces`, last data 2017, 79 kB of world subdivisions; `states-us`; `us-state-codes`) each miss
// part of it (military codes, Canada). As in LeadConduit every text is a valid state (leads come
// from everywhere: `Île-de-France` is kept as given, with itself as its name); `is_known` says
// whether it is one of the table's, so a rule can still ask for a US or Canadian one.

import { toText } from './text.js';
import type { StateValue } from './types.js';

type Country = 'US' | 'CA';

const STATES: ReadonlyArray<readonly [code: string, name: string, country: Country]> = [
  ['AL', 'Alabama', 'US'],
  ['AK', 'Alaska', 'US'],
  ['AZ', 'Arizona', 'US'],
  ['AR', 'Arkansas', 'US'],
  ['CA', 'California', 'US'],
  ['CO', 'Colorado', 'US'],
  ['CT', 'Connecticut', 'US'],
  ['DE', 'Delaware', 'US'],
  ['DC', 'District of Columbia', 'US'],
  ['FL', 'Florida', 'US'],
  ['GA', 'Georgia', 'US'],
  ['HI', 'Hawaii', 'US'],
  ['ID', 'Idaho', 'US'],
  ['IL', 'Illinois', 'US'],
  ['IN', 'Indiana', 'US'],
  ['IA', 'Iowa', 'US'],
  ['KS', 'Kansas', 'US'],
  ['KY', 'Kentucky', 'US'],
  ['LA', 'Louisiana', 'US'],
  ['ME', 'Maine', 'US'],
  ['MD', 'Maryland', 'US'],
  ['MA', 'Massachusetts', 'US'],
  ['MI', 'Michigan', 'US'],
  ['MN', 'Minnesota', 'US'],
  ['MS', 'Mississippi', 'US'],
  ['MO', 'Missouri', 'US'],
  ['MT', 'Montana', 'US'],
  ['NE', 'Nebraska', 'US'],
  ['NV', 'Nevada', 'US'],
  ['NH', 'New Hampshire', 'US'],
  ['NJ', 'New Jersey', 'US'],
  ['NM', 'New Mexico', 'US'],
  ['NY', 'New York', 'US'],
  ['NC', 'North Carolina', 'US'],
  ['ND', 'North Dakota', 'US'],
  ['OH', 'Ohio', 'US'],
  ['OK', 'Oklahoma', 'US'],
  ['OR', 'Oregon', 'US'],
  ['PA', 'Pennsylvania', 'US'],
  ['RI', 'Rhode Island', 'US'],
  ['SC', 'South Carolina', 'US'],
  ['SD', 'South Dakota', 'US'],
  ['TN', 'Tennessee', 'US'],
  ['TX', 'Texas', 'US'],
  ['UT', 'Utah', 'US'],
  ['VT', 'Vermont', 'US'],
  ['VA', 'Virginia', 'US'],
  ['WA', 'Washington', 'US'],
  ['WV', 'West Virginia', 'US'],
  ['WI', 'Wisconsin', 'US'],
  ['WY', 'Wyoming', 'US'],
  ['AS', 'American Samoa', 'US'],
  ['GU', 'Guam', 'US'],
  ['MP', 'Northern Mariana Islands', 'US'],
  ['PR', 'Puerto Rico', 'US'],
  ['VI', 'U.S. Virgin Islands', 'US'],
  ['UM', 'U.S. Minor Outlying Islands', 'US'],
  ['FM', 'Federated States of Micronesia', 'US'],
  ['MH', 'Marshall Islands', 'US'],
  ['PW', 'Palau', 'US'],
  ['AA', 'Armed Forces Americas', 'US'],
  ['AE', 'Armed Forces Europe', 'US'],
  ['AP', 'Armed Forces Pacific', 'US'],
  ['AB', 'Alberta', 'CA'],
  ['BC', 'British Columbia', 'CA'],
  ['MB', 'Manitoba', 'CA'],
  ['NB', 'New Brunswick', 'CA'],
  ['NL', 'Newfoundland and Labrador', 'CA'],
  ['NS', 'Nova Scotia', 'CA'],
  ['NT', 'Northwest Territories', 'CA'],
  ['NU', 'Nunavut', 'CA'],
  ['ON', 'Ontario', 'CA'],
  ['PE', 'Prince Edward Island', 'CA'],
  ['QC', 'Quebec', 'CA'],
  ['SK', 'Saskatchewan', 'CA'],
  ['YT', 'Yukon', 'CA'],
];

/** Other spellings seen in lead data, keyed the same way as names (see `key`). */
const ALIASES: Readonly<Record<string, string>> = {
  'washington dc': 'DC',
  'washington d c': 'DC',
  'd c': 'DC',
  'virgin islands': 'VI',
  'us virgin islands': 'VI',
  'united states virgin islands': 'VI',
  newfoundland: 'NL',
  labrador: 'NL',
  pei: 'PE',
  'yukon territory': 'YT',
  'northwest territory': 'NT',
  que: 'QC',
};

const BY_CODE = new Map(STATES.map(([code, name, country]) => [code, { code, name, country }]));
const BY_NAME = new Map(STATES.map(([code, name, country]) => [key(name), { code, name, country }]));

/** Case, accents, punctuation and spacing don't matter when matching a name. */
function key(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

export interface StateInfo {
  code: string;
  name: string;
  country: Country;
}

export function lookupState(text: string): StateInfo | undefined {
  const trimmed = text.trim();
  const byCode = BY_CODE.get(trimmed.toUpperCase().replace(/\./g, ''));
  if (byCode) return byCode;
  const k = key(trimmed);
  const alias = ALIASES[k];
  return alias ? BY_CODE.get(alias) : BY_NAME.get(k);
}

export function parseState(raw: unknown): StateValue {
  const { text, scalar } = toText(raw);
  const found = scalar ? lookupState(text) : undefined;
  if (!found) {
    const present = scalar && text !== '';
    return {
      raw,
      normal: text,
      valid: present,
      name: present ? text : null,
      country_code: null,
      is_known: false,
    };
  }
  return {
    raw,
    normal: found.code,
    valid: true,
    name: found.name,
    country_code: found.country,
    is_known: true,
  };
}
