import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, productionEnv, startProductionServer, stopProcess, waitForServer } from '../../scripts/lib/local-server';
import { E2E_APP_SECRET, formToken, get } from './server';

/*
 * The client address behind TRUSTED_PROXIES (issue 14, item 11a). The suite's own server
 * trusts loopback (the default: the shipped nginx edge runs there), so the tests that send
 * X-Forwarded-For to play many readers still can. A second server on the same build, trusting
 * only an address this machine does not have, takes the socket's address: rotating
 * X-Forwarded-For, or sending the server's own client-address header, no longer gets past the
 * contact form's rate limit (5 messages in 10 minutes per address).
 */

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..', '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

/** Seven messages, each with another X-Forwarded-For (and the header the server sets itself): their statuses. */
async function sevenMessages(base: string, run: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 1; i <= 7; i++) {
    const response = await fetch(`${base}/api/contact`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: base,
        'X-Forwarded-For': `203.0.113.${i}, 198.51.100.${i}`,
        'X-Portal-Client-Address': `192.0.2.${i}`,
      },
      body: JSON.stringify({
        name: 'Rotating',
        email: 'rotating@example.com',
        topic: 'general',
        message: `Message ${i} of run ${run}.`,
        consent: 'on',
        token: formToken(),
        locale: 'en',
      }),
    });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

it('believes X-Forwarded-For from loopback, the default trusted proxy', async () => {
  const statuses: number[] = [];
  for (let i = 1; i <= 7; i++) {
    const response = await get('/api/contact', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.18.200.${i}` },
      body: JSON.stringify({ name: 'Proxied', email: 'proxied@example.com', topic: 'general', message: `Proxied ${i}.`, consent: 'on', token: formToken(), locale: 'en' }),
    });
    statuses.push(response.status);
  }
  expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 201]);
});

it('takes the socket’s address when the request does not come from a trusted proxy', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-client-address-'));
  const port = await freePort();
  const env = {
    ...productionEnv({ port, distDir: '.next-e2e', databasePath: path.join(dir, 'client.db'), appSecret: E2E_APP_SECRET }),
    // A documentation address: no request of this test comes from it.
    TRUSTED_PROXIES: '192.0.2.250/32',
  };
  expect(spawnSync(bin('tsx'), ['scripts/seed.ts'], { cwd: root, env, stdio: 'ignore' }).status).toBe(0);
  const server = startProductionServer(env);
  try {
    const base = `http://localhost:${port}`;
    await waitForServer(`${base}/api/health`, server);
    expect(await sevenMessages(base, 'untrusted')).toEqual([201, 201, 201, 201, 201, 429, 429]);
  } finally {
    await stopProcess(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
