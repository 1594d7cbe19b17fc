import fs from 'node:fs';

/*
 * Between two measured targets the server must have finished the previous one's work: a
 * response streamed to a client that has gone (a sitemap file) or a regeneration can keep a
 * core busy for seconds and would be charged to the next target. The server's CPU time comes
 * from /proc/PID/stat (Linux); elsewhere there is nothing to wait for.
 */

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds the process has used so far, or null when it cannot be read. */
function cpuSeconds(pid: number): number | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Waits until the process uses under `busyShare` of a core over `windowMs`, or `maxMs` has passed. Seconds waited. */
export async function waitForIdle(pid: number, { windowMs = 500, busyShare = 0.1, maxMs = 60_000 } = {}): Promise<number> {
  const started = Date.now();
  let before = cpuSeconds(pid);
  while (before != null && Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const after = cpuSeconds(pid);
    if (after == null || (after - before) / (windowMs / 1000) < busyShare) break;
    before = after;
  }
  return (Date.now() - started) / 1000;
}
