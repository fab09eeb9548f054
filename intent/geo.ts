import { normalizeLabel } from './text.js';

// A small gazetteer: countries, US states / Canadian provinces, and cities. Used to resolve the
// `location` filter and locations written in prompts, and by the seed generator. Facts only.

export interface Country {
  code: string; // ISO 3166-1 alpha-2
  name: string;
  aliases: string[];
}

export interface Region {
  country: string;
  code: string;
  name: string;
}

export interface City {
  name: string;
  region: string; // region code ('' when the country is not split into regions here)
  country: string;
  weight: number; // relative share of companies, for the seed generator
}

export const COUNTRIES: Country[] = [
  {
    code: 'US',
    name: 'United States',
    aliases: ['usa', 'us', 'u s', 'u s a', 'united states of america', 'america'],
  },
  { code: 'CA', name: 'Canada', aliases: [] },
  { code: 'GB', name: 'United Kingdom', aliases: ['uk', 'u k', 'great britain', 'britain', 'england'] },
  { code: 'DE', name: 'Germany', aliases: ['deutschland'] },
  { code: 'FR', name: 'France', aliases: [] },
  { code: 'NL', name: 'Netherlands', aliases: ['the netherlands', 'holland'] },
  { code: 'IE', name: 'Ireland', aliases: [] },
  { code: 'ES', name: 'Spain', aliases: [] },
  { code: 'IT', name: 'Italy', aliases: [] },
  { code: 'SE', name: 'Sweden', aliases: [] },
  { code: 'CH', name: 'Switzerland', aliases: [] },
  { code: 'PL', name: 'Poland', aliases: [] },
  { code: 'IN', name: 'India', aliases: [] },
  { code: 'SG', name: 'Singapore', aliases: [] },
  { code: 'JP', name: 'Japan', aliases: [] },
  { code: 'AU', name: 'Australia', aliases: [] },
  { code: 'BR', name: 'Brazil', aliases: [] },
  { code: 'MX', name: 'Mexico', aliases: [] },
  { code: 'IL', name: 'Israel', aliases: [] },
  { code: 'AE', name: 'United Arab Emirates', aliases: ['uae', 'u a e'] },
];

const US_STATES =
  'AL Alabama;AK Alaska;AZ Arizona;AR Arkansas;CA California;CO Colorado;CT Connecticut;DE Delaware;' +
  'FL Florida;GA Georgia;HI Hawaii;ID Idaho;IL Illinois;IN Indiana;IA Iowa;KS Kansas;KY Kentucky;' +
  'LA Louisiana;ME Maine;MD Maryland;MA Massachusetts;MI Michigan;MN Minnesota;MS Mississippi;' +
  'MO Missouri;MT Montana;NE Nebraska;NV Nevada;NH New Hampshire;NJ New Jersey;NM New Mexico;' +
  'NY New York State;NC North Carolina;ND North Dakota;OH Ohio;OK Oklahoma;OR Oregon;PA Pennsylvania;' +
  'RI Rhode Island;SC South Carolina;SD South Dakota;TN Tennessee;TX Texas;UT Utah;VT Vermont;' +
  'VA Virginia;WA Washington State;WV West Virginia;WI Wisconsin;WY Wyoming;DC District of Columbia';
const CA_PROVINCES =
  'ON Ontario;QC Quebec;BC British Columbia;AB Alberta;MB Manitoba;SK Saskatchewan;NS Nova Scotia;' +
  'NB New Brunswick;NL Newfoundland and Labrador;PE Prince Edward Island;YT Yukon;NT Northwest Territories;NU Nunavut';
// ISO 3166-2:GB nations (UK records may carry them as their region).
const GB_NATIONS = 'ENG England;SCT Scotland;WLS Wales;NIR Northern Ireland';

export const REGIONS: Region[] = [
  ...US_STATES.split(';').map((s) => ({ country: 'US', code: s.slice(0, 2), name: s.slice(3) })),
  ...CA_PROVINCES.split(';').map((s) => ({ country: 'CA', code: s.slice(0, 2), name: s.slice(3) })),
  ...GB_NATIONS.split(';').map((s) => ({ country: 'GB', code: s.slice(0, 3), name: s.slice(4) })),
];

// name|region|country|weight
const CITY_ROWS = `New York|NY|US|60;San Francisco|CA|US|40;Los Angeles|CA|US|30;Chicago|IL|US|28;Boston|MA|US|25;
Austin|TX|US|22;Seattle|WA|US|22;Dallas|TX|US|20;Houston|TX|US|18;Atlanta|GA|US|18;Denver|CO|US|16;Miami|FL|US|15;
San Diego|CA|US|12;San Jose|CA|US|14;Phoenix|AZ|US|12;Philadelphia|PA|US|12;Minneapolis|MN|US|10;Detroit|MI|US|8;
Nashville|TN|US|8;Charlotte|NC|US|9;Raleigh|NC|US|8;Salt Lake City|UT|US|8;Portland|OR|US|8;Pittsburgh|PA|US|6;
Columbus|OH|US|7;Cleveland|OH|US|5;Indianapolis|IN|US|6;Kansas City|MO|US|5;St. Louis|MO|US|5;Baltimore|MD|US|5;
Washington|DC|US|10;Arlington|VA|US|5;Tampa|FL|US|6;Orlando|FL|US|5;Las Vegas|NV|US|5;Sacramento|CA|US|4;
Milwaukee|WI|US|4;Cincinnati|OH|US|4;Boise|ID|US|3;Omaha|NE|US|3;Newark|NJ|US|4;Hartford|CT|US|3;
Toronto|ON|CA|12;Vancouver|BC|CA|7;Montreal|QC|CA|6;Calgary|AB|CA|4;Ottawa|ON|CA|3;
London||GB|30;Manchester||GB|6;Edinburgh||GB|4;Bristol||GB|3;Cambridge||GB|3;
Berlin||DE|12;Munich||DE|9;Hamburg||DE|6;Frankfurt||DE|5;Paris||FR|14;Lyon||FR|4;
Amsterdam||NL|8;Rotterdam||NL|3;Dublin||IE|7;Madrid||ES|6;Barcelona||ES|5;Milan||IT|5;Rome||IT|3;
Stockholm||SE|6;Zurich||CH|5;Geneva||CH|2;Warsaw||PL|4;Krakow||PL|2;
Bangalore||IN|10;Mumbai||IN|7;Hyderabad||IN|5;Pune||IN|4;Singapore||SG|8;Tokyo||JP|7;
Sydney||AU|8;Melbourne||AU|6;Sao Paulo||BR|6;Mexico City||MX|5;Tel Aviv||IL|6;Dubai||AE|5`;

export const CITIES: City[] = CITY_ROWS.split(';').map((row) => {
  const [name = '', region = '', country = '', weight = '1'] = row.trim().split('|');
  return { name, region, country, weight: Number(weight) };
});

export const COUNTRY_BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));
export const REGION_BY_KEY = new Map(REGIONS.map((r) => [`${r.country}-${r.code}`, r]));

/** Display string used in results: "Austin, TX" in the US and Canada, "Berlin, Germany" elsewhere. */
export function formatLocation(city: string, region: string, country: string): string {
  const countryName = COUNTRY_BY_CODE.get(country)?.name ?? country;
  if (city && region && (country === 'US' || country === 'CA')) return `${city}, ${region}`;
  if (city) return `${city}, ${countryName}`;
  if (region) return `${REGION_BY_KEY.get(`${country}-${region}`)?.name ?? region}, ${countryName}`;
  return countryName;
}

/**
 * The location keys a company answers to, normalised: its country (name, aliases), its region (name,
 * "region code" only together with the country, e.g. "ca us"), its city, "city region" and
 * "city country". A `location` filter matches a company when the filter's normalised form is one
 * of these keys. US state codes alone ("CA") are ambiguous and are not keys; "Austin, TX" is.
 */
export function locationKeys(city: string, region: string, country: string): string[] {
  const keys = new Set<string>();
  const c = COUNTRY_BY_CODE.get(country);
  if (c) {
    keys.add(normalizeLabel(c.name));
    for (const a of c.aliases) keys.add(normalizeLabel(a));
  } else if (country) {
    keys.add(normalizeLabel(country));
  }
  const r = REGION_BY_KEY.get(`${country}-${region}`);
  if (r) {
    const rn = normalizeLabel(r.name);
    keys.add(rn);
    if (rn.endsWith(' state')) keys.add(rn.slice(0, -6));
    keys.add(normalizeLabel(`${r.code} ${country}`));
  }
  if (city) {
    const cn = normalizeLabel(city);
    keys.add(cn);
    if (region) keys.add(`${cn} ${normalizeLabel(region)}`);
    if (r) keys.add(`${cn} ${normalizeLabel(r.name)}`);
    if (c) {
      keys.add(`${cn} ${normalizeLabel(c.name)}`);
      for (const a of c.aliases) keys.add(`${cn} ${normalizeLabel(a)}`);
    }
  }
  // "washington" names both the state and the city (DC); both keys are kept deliberately.
  return [...keys];
}

// Areas made of several regions, and common short names of places: a prompt or filter naming one
// stands for any of its members (location keys as above).
const AREAS: Record<string, string> = {
  'north america': 'united states;canada',
  midwest:
    'illinois;indiana;iowa;kansas;michigan;minnesota;missouri;nebraska;north dakota;ohio;south dakota;wisconsin',
  midwestern:
    'illinois;indiana;iowa;kansas;michigan;minnesota;missouri;nebraska;north dakota;ohio;south dakota;wisconsin',
  northeast:
    'connecticut;maine;massachusetts;new hampshire;rhode island;vermont;new jersey;new york;pennsylvania',
  'new england': 'connecticut;maine;massachusetts;new hampshire;rhode island;vermont',
  southeast:
    'florida;georgia;north carolina;south carolina;virginia;tennessee;alabama;mississippi;kentucky;louisiana;arkansas;west virginia',
  'the south':
    'texas;oklahoma;florida;georgia;north carolina;south carolina;virginia;tennessee;alabama;mississippi;kentucky;louisiana;arkansas;west virginia',
  southwest: 'arizona;new mexico;texas;oklahoma;nevada',
  'west coast': 'california;oregon;washington state',
  'east coast':
    'maine;new hampshire;massachusetts;rhode island;connecticut;new york;new jersey;delaware;maryland;virginia;north carolina;south carolina;georgia;florida;district of columbia',
  'pacific northwest': 'oregon;washington state',
  'mountain west': 'colorado;utah;idaho;montana;wyoming;nevada',
  'bay area': 'san francisco;san jose;oakland;palo alto',
  'silicon valley': 'san jose;palo alto;san francisco',
  'tri state area': 'new york;new jersey;connecticut',
  nyc: 'new york new york',
  sf: 'san francisco',
  'greater toronto area': 'toronto;mississauga',
  gta: 'toronto;mississauga',
  'atlantic canada': 'nova scotia;new brunswick;newfoundland and labrador;prince edward island',
  prairies: 'alberta;saskatchewan;manitoba',
  dach: 'germany;switzerland;austria',
  // Demonyms: "Canadian companies", "British retailers", "Texan banks".
  canadian: 'canada',
  american: 'united states',
  british: 'united kingdom',
  english: 'england',
  scottish: 'scotland',
  welsh: 'wales',
  irish: 'ireland',
  german: 'germany',
  french: 'france',
  dutch: 'netherlands',
  texan: 'texas',
  californian: 'california',
  ontarian: 'ontario',
  quebecois: 'quebec',
  'new york based': 'new york',
};

/** The location keys a prompt or filter location stands for (itself, or an area's members). */
export function expandLocation(key: string): string[] {
  const area = AREAS[key];
  return area ? area.split(';') : [key];
}

/** Location phrases recognised in prompts (normalised), longest first. */
export function locationPhrases(): string[] {
  const out = new Set<string>(Object.keys(AREAS));
  for (const c of COUNTRIES) {
    out.add(normalizeLabel(c.name));
    for (const a of c.aliases) if (a.length > 2 && a !== 'america') out.add(normalizeLabel(a));
  }
  for (const r of REGIONS) {
    const rn = normalizeLabel(r.name);
    out.add(rn.endsWith(' state') ? rn.slice(0, -6) : rn);
  }
  for (const city of CITIES) out.add(normalizeLabel(city.name));
  out.add('uk');
  out.add('usa');
  return [...out].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}
