import { readdirSync, readFileSync } from "node:fs";

/** Linux's USER_HZ: /proc reports CPU time in these ticks (10 ms). */
const TICK_MS = 10;

function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command (field 2) is parenthesised and may hold spaces: split after its closing bracket.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    // Field 4 of stat, the parent pid, is the second after the command.
    if (Number(statFields(Number(entry))?.[1]) === pid) out.push(Number(entry));
  }
  return out;
}

/** The pid and all its living descendants. */
export function processTree(pid: number): number[] {
  const all: number[] = [];
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop()!;
    all.push(p);
    todo.push(...childrenOf(p));
  }
  return all;
}

/** CPU time (user + system) a process and its living descendants have used so far, in ms. */
export function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    const f = statFields(p);
    // utime and stime are fields 14 and 15 of stat: 11 and 12 after the command.
    if (f) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks * TICK_MS;
}

/** CPU used by this process so far, in ms. */
export function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs `work` and returns its result with the CPU the processes `pids` used meanwhile. */
export async function withCpu<T>(pids: number[], work: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const read = () => pids.reduce((sum, pid) => sum + treeCpuMs(pid), 0);
  const before = read();
  const result = await work();
  return { result, cpuMs: read() - before };
}
