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
  | 'ping';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid().toLowerCase()}`;
}
