import fs from 'node:fs';

/*
 * Resident memory of a server under load: VmRSS of the process and all its descendants, read
 * from /proc (Linux) twice a second. Elsewhere the sampler reports nothing.
 */

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** VmRSS in kB of one process, or 0 when it has gone. */
function rssKb(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readProc(`/proc/${pid}/status`) ?? '');
  return match ? Number(match[1]) : 0;
}

/** Direct children of a process, from /proc/PID/task/TID/children (one line of ids per thread). */
function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((tid) => (readProc(`/proc/${pid}/task/${tid}/children`) ?? '').split(' ').filter(Boolean).map(Number));
}

/** The process and its descendants. */
function processTree(root: number): number[] {
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...childrenOf(tree[i]!));
  return tree;
}

export function treeRssMb(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + rssKb(p), 0) / 1024;
}

export interface RssSampler {
  /** Highest total seen since start (MB), or null where /proc is missing. */
  stop(): number | null;
}

export function sampleRss(pid: number, intervalMs = 500): RssSampler {
  if (!fs.existsSync(`/proc/${pid}/status`)) return { stop: () => null };
  let max = treeRssMb(pid);
  const timer = setInterval(() => {
    max = Math.max(max, treeRssMb(pid));
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(max, treeRssMb(pid));
    },
  };
}
