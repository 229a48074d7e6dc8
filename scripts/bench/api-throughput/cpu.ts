import { readdirSync, readFileSync } from 'node:fs';

// CPU time the app's server and the database server spend, read from /proc (Linux), for a figure
// per request beside requests per second: the server runs JavaScript on one core, so its CPU per
// request is what bounds its rate, and a busier or slower machine moves that figure less than it
// moves a rate (the constant route's CPU per request varied ~20% across runs where its rate varied
// ~60%).

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

/**
 * Reads the CPU milliseconds used so far by the process `serverPid` with every process under it
 * (`next start` forks the server), and by every PostgreSQL process on the machine (backends, WAL
 * writer, checkpointer: what the database server spends on Keydesk's load, on a machine that runs
 * nothing else against it). Null where there is no /proc.
 */
export function cpuReader(serverPid: number): (() => CpuTotals) | null {
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
    const sum = (list: Process[]) => list.reduce((total, p) => total + p.cpuMs, 0);
    return {
      server: sum(all.filter((p) => group.has(p.pid))),
      database: sum(all.filter((p) => p.name === 'postgres')),
    };
  };
}
