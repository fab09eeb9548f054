// The intent engine alone, one long-lived process started by `npm run bench:intent`: the same corpus
// file the stack imported, built into an IntentEngine without a result cache, and each phase command's
// request mix ranked open loop on this one thread (no HTTP, no Temporal, no Postgres). Answers one
// JSON line per phase: latencies from each request's scheduled time (queueing included), CPU.
//   node --import tsx scripts/bench/intent/engine.ts <corpus.jsonl>
import { readCorpusJsonl } from '../../../intent/corpus-file.js';
import { IntentEngine } from '../../../intent/engine.js';
import type { IntentFilters } from '../../../intent/filters.js';
import { openLoop, type PhaseCommand, serveCommands } from './open-loop.js';

const { corpus } = await readCorpusJsonl(process.argv[2]!, { validate: false });
const engine = IntentEngine.fromCorpus(corpus, { cacheEntries: 0 });

await serveCommands<PhaseCommand | { stop: true }>(async (command) => {
  if ('stop' in command) process.exit(0);
  const { readFileSync } = await import('node:fs');
  const requests = readFileSync(command.requests, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { query: string; limit: number; filters?: IntentFilters });
  // Ranking is synchronous: yield to the timer between queries so the open loop keeps its schedule.
  const send = (i: number) =>
    new Promise<void>((resolve) =>
      setImmediate(() => {
        engine.querySync(requests[i % requests.length]!);
        resolve();
      }),
    );
  await openLoop(Math.round(command.rate * command.warmupS), command.rate, send);
  const cpu0 = process.cpuUsage();
  const measured = await openLoop(Math.round(command.rate * command.durationS), command.rate, send);
  const cpu = process.cpuUsage(cpu0);
  return { ...measured, cpuS: (cpu.user + cpu.system) / 1e6 };
});
