// CPU accounting per component from /proc (Linux only; elsewhere every figure is null). A component is
// a process subtree (worker, API, Temporal, recipient); "postgres" is what is left of our own subtree
// (the embedded postmaster and its backends are our children); "machine" is /proc/stat, so
// machine − (sum of components) is CPU used by anything else on the box.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

let clockTicks: number | null = null;
function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

interface Proc {
  pid: number;
  ppid: number;
  ticks: number;
}

function readProcs(): Map<number, Proc> {
  const procs = new Map<number, Proc>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid ... utime stime": comm may hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(name), {
        pid: Number(name),
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // exited while we looked
    }
  }
  return procs;
}

function readMachine(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

export interface CpuSnapshot {
  atMs: number;
  /** CPU seconds per component (subtree totals of live processes). */
  components: Record<string, number>;
  /** This process (the load generator), from process.cpuUsage(). */
  generator: number;
  /** Kernel threads, CPU seconds. */
  kernel: number;
  machine: { busy: number; total: number } | null;
}

/**
 * `roots` names a component's root pid; `restName` gets every other descendant of this process.
 * Returns only the generator's figure where /proc is not available.
 */
export function cpuSnapshot(roots: Record<string, number | undefined>, restName: string | null): CpuSnapshot {
  const usage = process.cpuUsage();
  const generator = (usage.user + usage.system) / 1e6;
  const atMs = performance.now();
  if (process.platform !== 'linux') return { atMs, components: {}, generator, kernel: 0, machine: null };
  const procs = readProcs();
  const children = new Map<number, number[]>();
  for (const p of procs.values()) {
    const list = children.get(p.ppid) ?? [];
    list.push(p.pid);
    children.set(p.ppid, list);
  }
  const hz = ticksPerSecond();
  const assigned = new Set<number>([process.pid]);
  const subtree = (root: number): number => {
    let ticks = 0;
    const stack = [root];
    while (stack.length > 0) {
      const pid = stack.pop()!;
      if (assigned.has(pid) && pid !== process.pid) continue;
      const proc = procs.get(pid);
      if (!proc) continue;
      if (pid !== process.pid) {
        assigned.add(pid);
        ticks += proc.ticks;
      }
      stack.push(...(children.get(pid) ?? []));
    }
    return ticks / hz;
  };
  const components: Record<string, number> = {};
  for (const [name, pid] of Object.entries(roots)) if (pid) components[name] = subtree(pid);
  if (restName) components[restName] = subtree(process.pid);
  // Kernel threads (children of kthreadd, pid 2): I/O completion, journaling and writeback work for
  // everyone's fsyncs lands here, ours included. Reported apart from the components.
  const kernel = subtree(2);
  return { atMs, components, generator, kernel, machine: readMachine() };
}

export interface CpuUse {
  wallSeconds: number;
  /** Cores used on average (CPU seconds / wall seconds) per component. */
  cores: Record<string, number>;
  generatorCores: number;
  /** Kernel threads (I/O completion, journaling, writeback): ours and everyone else's. */
  kernelCores: number;
  machineCores: number | null;
  /** Machine minus our components and kernel threads: other tenants of the machine. */
  otherCores: number | null;
  machineCpus: number;
}

export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot): CpuUse {
  const wallSeconds = (b.atMs - a.atMs) / 1000;
  const cores: Record<string, number> = {};
  for (const [name, seconds] of Object.entries(b.components)) {
    cores[name] = Math.max(0, seconds - (a.components[name] ?? 0)) / wallSeconds;
  }
  const generatorCores = (b.generator - a.generator) / wallSeconds;
  const kernelCores = Math.max(0, b.kernel - a.kernel) / wallSeconds;
  const machineCpus = cpus().length;
  let machineCores: number | null = null;
  let otherCores: number | null = null;
  if (a.machine && b.machine && b.machine.total > a.machine.total) {
    machineCores = ((b.machine.busy - a.machine.busy) / (b.machine.total - a.machine.total)) * machineCpus;
    const known = Object.values(cores).reduce((s, c) => s + c, 0) + generatorCores + kernelCores;
    otherCores = Math.max(0, machineCores - known);
  }
  return { wallSeconds, cores, generatorCores, kernelCores, machineCores, otherCores, machineCpus };
}

/**
 * Waits (at most `maxWaitMs`) until processes other than ours use less than `maxOtherCores` in three
 * consecutive 3-second windows, so a run does not start while the machine is busy with something
 * else. Returns the last measured figure (null where /proc is not available).
 */
export async function waitForQuietMachine(
  roots: Record<string, number | undefined>,
  restName: string | null,
  maxOtherCores: number,
  maxWaitMs: number,
  onWait: (otherCores: number) => void,
): Promise<number | null> {
  if (process.platform !== 'linux') return null;
  const deadline = performance.now() + maxWaitMs;
  let reported = false;
  let quietWindows = 0;
  for (;;) {
    const a = cpuSnapshot(roots, restName);
    await new Promise((r) => setTimeout(r, 3000));
    const other = cpuBetween(a, cpuSnapshot(roots, restName)).otherCores;
    if (other === null || performance.now() > deadline) return other;
    // Three quiet windows in a row (9 s): a test suite between two of its files is not "quiet".
    quietWindows = other < maxOtherCores ? quietWindows + 1 : 0;
    if (quietWindows >= 3) return other;
    if (!reported && quietWindows === 0) onWait(other);
    reported ||= quietWindows === 0;
  }
}
