import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rng } from './prng.js';

// Company and person names for the seed generator. Company names are either synthetic (word
// combinations) or, for a small share, real organisation names from the committed list
// data/org-names.tsv (see its header for provenance). Person names are always synthetic
// combinations of common given names and surnames: no real person's data.

const NAMES_FILE = fileURLToPath(new URL('./data/org-names.tsv', import.meta.url));

export interface OrgName {
  name: string;
  country: string;
}

/** The committed real-name list, or [] when the file is absent (the generator then uses synthetic names). */
export function loadOrgNames(path = NAMES_FILE): OrgName[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
      const [name = '', country = ''] = l.split('\t');
      return { name, country };
    });
}

const FIRST = (
  'Northwind Bright Blue Silver Granite Cedar Summit Harbor Pioneer Atlas Vertex Lumen Nova Apex Meridian Crescent ' +
  'Evergreen Ironwood Redwood Clearwater Highland Riverstone Keystone Beacon Horizon Sterling Falcon Orchid Maple ' +
  'Willow Aspen Juniper Cobalt Copper Amber Coral Onyx Quartz Sable Tidal Polar Solstice Everest Sierra Cascade ' +
  'Prairie Lakeside Bayview Hillcrest Oakridge Pinecrest Stonebridge Westfield Eastgate Northstar Southpoint Trident ' +
  'Vanguard Paragon Zenith Orbit Quantum Helix Vector Nimbus Stratus Arcadia Elmstead Foxglove Greystone Kestrel ' +
  'Larkspur Marlow Oakhurst Pemberton Radiant Sequoia Thornbury Upland Wexford Yarrow Alder Birch Clover Dune'
).split(' ');

const SECOND: Record<string, string[]> = {
  technology:
    'Labs;Systems;Software;Digital;Networks;Technologies;Data;Cloud;AI;Logic;Works;Interactive'.split(';'),
  finance: 'Capital;Financial;Partners;Bank;Advisors;Lending;Pay;Insurance;Trust;Securities'.split(';'),
  healthcare: 'Health;Medical;Clinic;Care;Bio;Therapeutics;Diagnostics;Health Partners;Pharma;Labs'.split(
    ';',
  ),
  industrial:
    'Manufacturing;Industries;Engineering;Fabrication;Logistics;Energy;Materials;Machining;Freight;Builders'.split(
      ';',
    ),
  consumer: 'Goods;Brands;Outfitters;Foods;Market;Supply;Kitchen;Hospitality;Travel;Home'.split(';'),
  services: 'Consulting;Group;Partners;Associates;Agency;Media;Law;Realty;Staffing;Studio'.split(';'),
  public: 'Academy;Institute;Foundation;Services;Learning;Alliance;Trust;Center'.split(';'),
};

const LEGAL = ['', '', '', '', 'Inc.', 'LLC', 'Ltd', 'Co.', 'Group', 'Corp.'];

export function syntheticCompanyName(rng: Rng, sector: string): string {
  const first = rng.pick(FIRST);
  const second = rng.pick(SECOND[sector] ?? SECOND.services!);
  const legal = rng.pick(LEGAL);
  return legal ? `${first} ${second} ${legal}` : `${first} ${second}`;
}

const GIVEN = (
  'James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica ' +
  'Thomas Sarah Charles Karen Daniel Lisa Matthew Nancy Anthony Sandra Mark Ashley Steven Emily Andrew Michelle ' +
  'Joshua Amanda Kevin Melissa Brian Laura Priya Arjun Wei Mei Hiroshi Yuki Carlos Sofia Lucas Emma Noah Olivia ' +
  'Liam Ava Mateo Isabella Omar Fatima Lars Ingrid Pierre Camille Jonas Lena Rafael Ana Tomasz Marta Aisha Samuel'
).split(' ');

const FAMILY = (
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson ' +
  'Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker ' +
  'Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell ' +
  'Carter Roberts Patel Shah Chen Wang Kim Tanaka Sato Muller Schmidt Dubois Moreau Rossi Novak Kowalski Silva Costa ' +
  'Okafor Haddad Larsen Berg Fischer Weber Romero Castillo Murphy Kelly'
).split(' ');

export function syntheticPerson(rng: Rng): { first: string; last: string } {
  return { first: rng.pick(GIVEN), last: rng.pick(FAMILY) };
}

/** "Bright Harbor Labs Inc." -> "bright-harbor-labs". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(inc|llc|ltd|co|corp|corporation|gmbh|ag|sa|srl|bv|plc|limited|company)\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}
