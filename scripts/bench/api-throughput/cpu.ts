import { readdirSync, readFileSync } from 'node:fs';

// CPU time the app's server and the database server spend, read from /proc (Linux), for a figure
// per request beside requests per second: the server runs its JavaScript on one core, so where its
// CPU per request and its rate move together, that core is what limits the rate (not the database,
// not the load generator).

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on every Linux build in use). */
const TICKS_PER_SECOND = 100;

type Process = { pid: number; ppid: number; name: string; cpuMs: number };

function processes(): Process[] {
  const found: Process[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // Ended between the listing and the read.
    }
    // pid (name) state ppid … utime stime: fields after the name, which may hold spaces.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    found.push({
      pid: Number(entry),
      ppid: Number(fields[1]),
      name: stat.slice(stat.indexOf('(') + 1, close),
      cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND,
    });
  }
  return found;
}

export type CpuTotals = { server: number; database: number };

/** The CPU ms each process of the server and of the database had used at one moment. */
export type CpuSnapshot = Map<number, { part: keyof CpuTotals; cpuMs: number }>;

/**
 * A reader of snapshots of the process `serverPid` with every process under it (`next start` forks
 * the server), and of every PostgreSQL process on the machine (backends, WAL writer, checkpointer:
 * what the database server spends on Keydesk's load, on a machine that runs nothing else against
 * it). Null where there is no /proc.
 */
export function cpuReader(serverPid: number): (() => CpuSnapshot) | null {
  try {
    readFileSync(`/proc/${serverPid}/stat`);
  } catch {
    return null;
  }
  return () => {
    const all = processes();
    const group = new Set([serverPid]);
    // Parents are listed before their children only by chance: grow the group until it stops.
    for (let grown = true; grown;) {
      grown = false;
      for (const p of all) {
        if (!group.has(p.pid) && group.has(p.ppid)) grown = group.add(p.pid) !== undefined;
      }
    }
    const snapshot: CpuSnapshot = new Map();
    for (const p of all) {
      if (group.has(p.pid)) snapshot.set(p.pid, { part: 'server', cpuMs: p.cpuMs });
      else if (p.name === 'postgres') snapshot.set(p.pid, { part: 'database', cpuMs: p.cpuMs });
    }
    return snapshot;
  };
}

/**
 * The CPU ms spent between two snapshots: by each process in both, and all of a process started
 * since. A process that ended meanwhile (a PostgreSQL backend closed, an autovacuum worker done)
 * took its time with it: what it spent in the interval is missed, not subtracted.
 */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): CpuTotals {
  const spent: CpuTotals = { server: 0, database: 0 };
  for (const [pid, now] of after) {
    spent[now.part] += now.cpuMs - (before.get(pid)?.cpuMs ?? 0);
  }
  return spent;
}
