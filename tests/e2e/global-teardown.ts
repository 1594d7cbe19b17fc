import fs from 'node:fs';
import { readState, STATE_FILE } from './server';

export default async function globalTeardown(): Promise<void> {
  if (!fs.existsSync(STATE_FILE)) return;
  const state = readState();
  try {
    process.kill(state.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  fs.rmSync(state.tempDir, { recursive: true, force: true });
  fs.rmSync(STATE_FILE, { force: true });
}
