import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { CliError, payloadKeyCli } from '../../scripts/keys.js';
import {
  ENCRYPTED_ENCODING,
  EncryptionCodec,
  generatePayloadKey,
  KEY_ID_METADATA,
  PayloadDecryptionError,
  parsePayloadKeys,
} from '../../temporal/payload-codec.js';

const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const lead = { email: 'rosa.parks@example.org', phone: '+12125550147', first_name: 'Rosa' };
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('latin1');
const metadata = (payload: Payload, name: string) => text(payload.metadata?.[name]);

describe('payload encryption codec', () => {
  it('seals a payload (metadata included) and opens it again', async () => {
    const codec = new EncryptionCodec(parsePayloadKeys(key('k1')));
    const plain = defaultPayloadConverter.toPayload(lead);
    const [sealed] = await codec.encode([plain]);
    expect(metadata(sealed!, 'encoding')).toBe(ENCRYPTED_ENCODING);
    expect(metadata(sealed!, KEY_ID_METADATA)).toBe('k1');
    expect(Object.keys(sealed!.metadata ?? {}).sort()).toEqual(['encoding', KEY_ID_METADATA].sort());
    // Neither the data nor its original encoding is readable in the sealed payload.
    for (const clear of [lead.email, lead.phone, 'Rosa', 'json/plain'])
      expect(text(sealed!.data)).not.toContain(clear);

    const [opened] = await codec.decode([sealed!]);
    expect(metadata(opened!, 'encoding')).toBe('json/plain');
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual(lead);
  });

  it('gives the same payload a different ciphertext each time (a fresh IV per payload)', async () => {
    const codec = new EncryptionCodec(parsePayloadKeys(key('k1')));
    const plain = defaultPayloadConverter.toPayload(lead);
    const [a, b] = await codec.encode([plain, plain]);
    expect(text(a!.data)).not.toBe(text(b!.data));
  });

  it('passes payloads it did not encrypt through unchanged (histories recorded before encryption)', async () => {
    const codec = new EncryptionCodec(parsePayloadKeys(key('k1')));
    const plain = defaultPayloadConverter.toPayload(lead);
    const binary: Payload = { metadata: { encoding: Buffer.from('binary/null') } };
    const bare: Payload = { data: Buffer.from('x') };
    expect(await codec.decode([plain, binary, bare])).toEqual([plain, binary, bare]);
  });

  it('rotates: a new first key encrypts, the old one still decrypts, and without it the error names it', async () => {
    const k1 = key('k1');
    const k2 = key('k2');
    const before = new EncryptionCodec(parsePayloadKeys(k1));
    const [old] = await before.encode([defaultPayloadConverter.toPayload(lead)]);

    const rotated = new EncryptionCodec(parsePayloadKeys(`${k2},${k1}`));
    const [fresh] = await rotated.encode([defaultPayloadConverter.toPayload(lead)]);
    expect(metadata(fresh!, KEY_ID_METADATA)).toBe('k2');
    const opened = await rotated.decode([old!, fresh!]);
    expect(opened.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([lead, lead]);

    const retired = new EncryptionCodec(parsePayloadKeys(k2));
    expect(defaultPayloadConverter.fromPayload((await retired.decode([fresh!]))[0]!)).toEqual(lead);
    const error = await retired.decode([old!]).then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(PayloadDecryptionError);
    expect((error as Error).message).toBe(
      'Payload was encrypted with key id "k1", which is not in PAYLOAD_ENCRYPTION_KEYS (known: k2); add that key back to read it',
    );
  });

  it('refuses a payload that was altered, relabelled with another key id, truncated or unlabelled', async () => {
    const keys = parsePayloadKeys(`${key('k2')},${key('k1')}`);
    const codec = new EncryptionCodec(keys);
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload(lead)]);
    const data = Buffer.from(sealed!.data!);

    const flipped = Buffer.from(data);
    flipped[20]! ^= 1;
    const relabelled = {
      ...sealed!,
      metadata: { ...sealed!.metadata, [KEY_ID_METADATA]: Buffer.from('k1') },
    };
    const truncated = { ...sealed!, data: data.subarray(0, 10) };
    const unlabelled = { ...sealed!, metadata: { encoding: Buffer.from(ENCRYPTED_ENCODING) } };
    const cases: Array<[Payload, RegExp]> = [
      [{ ...sealed!, data: flipped }, /could not be decrypted with key "k2"/],
      [relabelled, /could not be decrypted with key "k1"/],
      [truncated, /truncated/],
      [unlabelled, /no encryption-key-id metadata/],
    ];
    for (const [payload, message] of cases) {
      await expect(codec.decode([payload])).rejects.toThrow(message);
    }
  });

  it('parses PAYLOAD_ENCRYPTION_KEYS strictly, never echoing key material', () => {
    const good = key('k1');
    expect(parsePayloadKeys(` ${good} `).current.id).toBe('k1');
    expect([...parsePayloadKeys(`${key('b')},${key('a')}`).all.keys()]).toEqual(['b', 'a']);
    const short = `k1:${Buffer.from('too short').toString('base64')}`;
    const cases: Array<[string, RegExp]> = [
      ['', /holds no key/],
      [' , ', /holds no key/],
      [short, /key "k1" must be 32 bytes/],
      [`k1:${'%'.repeat(44)}`, /key "k1" must be 32 bytes/],
      [good.slice(3), /entry 1 must be <key id>:<base64 key>/],
      [`bad id${good.slice(2)}`, /entry 1 must be/],
      [`${good},${good}`, /key id "k1" appears twice/],
    ];
    for (const [spec, message] of cases) {
      let thrown: unknown;
      try {
        parsePayloadKeys(spec);
      } catch (err) {
        thrown = err;
      }
      expect(thrown, spec).toBeInstanceOf(Error);
      expect((thrown as Error).message).toMatch(message);
      const material = spec.split(':')[1];
      if (material) expect((thrown as Error).message).not.toContain(material.slice(0, 12));
    }
  });

  it('generates keys it can parse (also `npm run keys -- payload-key`)', () => {
    const spec = generatePayloadKey('k20270101');
    const keys = parsePayloadKeys(spec);
    expect(keys.current.id).toBe('k20270101');
    expect(keys.current.key).toHaveLength(32);
    expect(() => generatePayloadKey('no spaces')).toThrow(/invalid key id/);

    expect(parsePayloadKeys(payloadKeyCli(['--id', 'k9'])).current.id).toBe('k9');
    expect(payloadKeyCli([])).toMatch(/^k\d{8}:[A-Za-z0-9+/]{43}=$/);
    expect(payloadKeyCli([])).not.toBe(payloadKeyCli([]));
    expect(() => payloadKeyCli(['--id', 'a b'])).toThrow(CliError);
  });
});
