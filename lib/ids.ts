import { getRandomValues } from 'node:crypto';
import { ulid } from 'ulid';

// Public identifiers are a readable prefix plus a ULID: sortable by creation time and safe to show.
export type IdPrefix =
  | 'lead'
  | 'flow'
  | 'rcp'
  | 'acct'
  | 'key'
  | 'evt'
  | 'req'
  | 'batch'
  | 'whk'
  | 'fbk'
  | 'rpl'
  | 'list'
  | 'src'
  | 'ping'
  /** An intent query (and the workflow id of its run when it runs alone). */
  | 'q'
  /** A run that answers several intent queries at once. */
  | 'qb';

// ulid's own generator asks the OS for one random byte per character (16 calls per id, a measurable
// cost at hundreds of ids a second): the same CSPRNG, one call per 4 KiB. 256 is a multiple of 32,
// so each character stays uniform.
const randomBytes = new Uint8Array(4096);
let nextByte = randomBytes.length;
function pooledRandom(): number {
  if (nextByte >= randomBytes.length) {
    getRandomValues(randomBytes);
    nextByte = 0;
  }
  return randomBytes[nextByte++]! / 256;
}

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid(undefined, pooledRandom).toLowerCase()}`;
}
