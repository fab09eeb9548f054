// The open-loop sender the intent benchmark's side runs share: request i is due at t0 + i / rate
// whatever the answers do, and its latency counts from that scheduled time (no coordinated omission).

export interface OpenLoopResult {
  latencies: number[];
  errors: number;
  wallS: number;
}

export async function openLoop(
  n: number,
  rate: number,
  send: (i: number) => Promise<unknown>,
): Promise<OpenLoopResult> {
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let errors = 0;
  const inflight: Promise<void>[] = [];
  const t0 = performance.now() + 10;
  let i = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (i < n && t0 + i * interval <= now) {
        const scheduled = t0 + i * interval;
        inflight.push(
          send(i).then(
            () => {
              latencies.push(performance.now() - scheduled);
            },
            () => {
              errors++;
            },
          ),
        );
        i++;
      }
      if (i < n) setTimeout(tick, Math.max(0, Math.min(2, t0 + i * interval - performance.now())));
      else done();
    };
    tick();
  });
  await Promise.all(inflight);
  return { latencies, errors, wallS: (performance.now() - t0) / 1000 };
}

/** Reads phase commands (one JSON object per line) from stdin and answers each with one JSON line. */
export async function serveCommands<C>(run: (command: C) => Promise<unknown>): Promise<void> {
  let buffer = '';
  process.stdout.write('{"ready":true}\n');
  for await (const chunk of process.stdin) {
    buffer += chunk;
    let at = buffer.indexOf('\n');
    while (at >= 0) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      if (line.trim()) process.stdout.write(`${JSON.stringify(await run(JSON.parse(line) as C))}\n`);
      at = buffer.indexOf('\n');
    }
  }
}

export interface PhaseCommand {
  /** JSONL file of { query, limit, filters? }. */
  requests: string;
  rate: number;
  warmupS: number;
  durationS: number;
}
