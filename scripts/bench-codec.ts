// What the payload codec costs: encrypt + decrypt time per payload for a typical lead, a large one and
// the largest a lead may be, against serialising the same payload without the codec (the baseline every
// Temporal call pays anyway). Timings are per payload on this machine, medians of 5 rounds.
//
//   npm run bench:codec
import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { EncryptionCodec, parsePayloadKeys } from '../temporal/payload-codec.js';

const codec = new EncryptionCodec(parsePayloadKeys(`bench:${randomBytes(32).toString('base64')}`));

function leadOfSize(bytes: number): Record<string, string> {
  const lead: Record<string, string> = {
    first_name: 'Pat',
    last_name: 'Example',
    email: 'pat.example@example.com',
    phone: '(212) 555-0199',
    postal_code: '10001',
    state: 'NY',
    source: 'website_form',
  };
  for (let i = 0; JSON.stringify(lead).length < bytes; i++) lead[`field_${i}`] = 'x'.repeat(200);
  return lead;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measure(size: number) {
  const lead = leadOfSize(size);
  const iterations = Math.max(20, Math.round(20_000_000 / size));
  const serialise: number[] = [];
  const roundTrip: number[] = [];
  let sealedBytes = 0;
  for (let round = 0; round < 5; round++) {
    let t = performance.now();
    for (let i = 0; i < iterations; i++) defaultPayloadConverter.toPayload(lead);
    serialise.push(((performance.now() - t) * 1000) / iterations);
    const payload = defaultPayloadConverter.toPayload(lead);
    t = performance.now();
    for (let i = 0; i < iterations; i++) {
      const [sealed] = await codec.encode([payload]);
      sealedBytes = sealed!.data!.length;
      await codec.decode([sealed!]);
    }
    roundTrip.push(((performance.now() - t) * 1000) / iterations);
  }
  const plainBytes = defaultPayloadConverter.toPayload(lead).data!.length;
  return { plainBytes, sealedBytes, serialiseUs: median(serialise), codecUs: median(roundTrip) };
}

const rows = [];
for (const size of [1_000, 20_000, 256 * 1024]) rows.push(await measure(size));
process.stdout.write('payload bytes | sealed bytes | JSON serialise µs | encrypt+decrypt µs | ratio\n');
for (const r of rows) {
  process.stdout.write(
    `${r.plainBytes} | ${r.sealedBytes} (+${r.sealedBytes - r.plainBytes}) | ${r.serialiseUs.toFixed(1)} | ${r.codecUs.toFixed(1)} | ${(r.codecUs / r.serialiseUs).toFixed(2)}\n`,
  );
}
