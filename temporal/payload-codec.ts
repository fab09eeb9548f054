// Encryption of everything Leadrail hands to Temporal (workflow inputs and results, activity inputs and
// results, signals, updates, queries, memos, summaries, failure messages): AES-256-GCM with keys from
// the environment, each payload naming the key that encrypted it so keys can rotate. Temporal, its
// database and anyone with only UI or gRPC access see ciphertext; the worker, the API and the codec
// endpoint (api/routes/codec.ts) hold the keys. See docs/decisions/0011-payload-encryption.md.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec, ValueError } from '@temporalio/common';
import proto from '@temporalio/proto';

/** The encoding of an encrypted payload; anything else passes through decode untouched. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** Metadata naming the key that encrypted the payload. */
export const KEY_ID_METADATA = 'encryption-key-id';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface PayloadKey {
  id: string;
  key: Buffer;
}

/** The keys in force: the first encrypts, all of them decrypt. */
export interface PayloadKeyring {
  current: PayloadKey;
  all: ReadonlyMap<string, Buffer>;
}

/** A payload the codec cannot decrypt (unknown key id, wrong key, tampered or truncated data). */
export class PayloadDecryptionError extends ValueError {
  override readonly name = 'PayloadDecryptionError';
}

/**
 * Parses `PAYLOAD_ENCRYPTION_KEYS`: `id:base64key[,id:base64key...]`, each key 32 bytes (AES-256), the
 * first one encrypting. Errors name the entry and never echo key material.
 */
export function parsePayloadKeys(spec: string, source = 'PAYLOAD_ENCRYPTION_KEYS'): PayloadKeyring {
  const entries = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error(`${source} holds no key`);
  const all = new Map<string, Buffer>();
  const keys: PayloadKey[] = entries.map((entry, index) => {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!KEY_ID.test(id))
      throw new Error(
        `${source}: entry ${index + 1} must be <key id>:<base64 key>, the id of letters, digits, '.', '_' or '-' (at most 64)`,
      );
    const material = entry.slice(colon + 1);
    const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(material) ? Buffer.from(material, 'base64') : Buffer.alloc(0);
    if (key.length !== KEY_BYTES)
      throw new Error(
        `${source}: key "${id}" must be ${KEY_BYTES} bytes, base64-encoded (openssl rand -base64 32)`,
      );
    if (all.has(id)) throw new Error(`${source}: key id "${id}" appears twice`);
    all.set(id, key);
    return { id, key };
  });
  return { current: keys[0]!, all };
}

/** A new random key as a `PAYLOAD_ENCRYPTION_KEYS` entry. */
export function generatePayloadKey(id: string): string {
  if (!KEY_ID.test(id)) throw new Error(`invalid key id "${id}"`);
  return `${id}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

const utf8 = new TextEncoder();
const text = new TextDecoder();

/**
 * The payload codec. encode: the whole payload (its metadata too, e.g. `json/plain`) is serialised and
 * sealed with the current key; the result carries only `encoding: binary/encrypted` and the key id.
 * The key id is also the GCM additional data, so a payload relabelled with another id does not open.
 * decode: payloads without that encoding (recorded before encryption existed) pass through unchanged,
 * so old histories stay readable; an unknown key id is an error that names it.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keys: PayloadKeyring) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  encrypt(payload: Payload): Payload {
    const { id, key } = this.keys.current;
    const plain = proto.temporal.api.common.v1.Payload.encode(payload).finish();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(utf8.encode(id));
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: {
        [METADATA_ENCODING_KEY]: utf8.encode(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: utf8.encode(id),
      },
      data: sealed,
    };
  }

  decrypt(payload: Payload): Payload {
    const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
    if (!encoding || text.decode(encoding) !== ENCRYPTED_ENCODING) return payload;
    const idBytes = payload.metadata?.[KEY_ID_METADATA];
    if (!idBytes) throw new PayloadDecryptionError(`Encrypted payload has no ${KEY_ID_METADATA} metadata`);
    const id = text.decode(idBytes);
    const key = this.keys.all.get(id);
    if (!key) {
      throw new PayloadDecryptionError(
        `Payload was encrypted with key id "${id.slice(0, 64)}", which is not in PAYLOAD_ENCRYPTION_KEYS ` +
          `(known: ${[...this.keys.all.keys()].join(', ')}); add that key back to read it`,
      );
    }
    const data = payload.data ?? new Uint8Array();
    if (data.length < IV_BYTES + TAG_BYTES)
      throw new PayloadDecryptionError(`Encrypted payload (key id "${id}") is truncated`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAAD(utf8.encode(id));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return proto.temporal.api.common.v1.Payload.decode(plain);
    } catch {
      throw new PayloadDecryptionError(
        `Payload could not be decrypted with key "${id}": wrong key material for that id, or the data was altered`,
      );
    }
  }
}
