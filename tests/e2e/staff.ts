import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { baseUrl, get, readState } from './server';

/** What the staff area's end-to-end tests share: the staff script on the test server's database, and a form post from the site's own origin. */

const root = path.resolve(__dirname, '..', '..');

export function staffScript(args: string[], input: string) {
  return spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/staff.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_PATH: readState().databasePath },
  });
}

export function postForm(pathname: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return get(pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl(), ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}
