import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, productionEnv, startProductionServer, waitForServer } from '../../scripts/lib/local-server';
import { baseUrl, E2E_APP_SECRET, formToken, get, readState } from './server';

/*
 * The server's structured log (lib/log.ts) on the production server: a JSON line per event,
 * carrying the request id the client (or the proxy in front) sent, the message's reference,
 * and nothing the visitor wrote or who they are.
 */

/** The JSON lines of a server's stdout so far (server/main.ts's start-up line is not JSON). */
function logLines(file = readState().serverLog): Record<string, unknown>[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const sender = {
  name: 'Ouyang Logtest',
  email: 'ouyang.logtest@example.org',
  message: 'A sentence only this test writes: the cable car over the Yangtze squeaks at dawn.',
};

it('logs a contact message with the request id and its reference, and never who sent it or what they wrote', async () => {
  const response = await get('/api/contact', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'test-req-12345678', 'X-Forwarded-For': '198.18.77.1' },
    body: JSON.stringify({ ...sender, topic: 'tip', consent: 'on', locale: 'zh', token: formToken() }),
  });
  expect(response.status).toBe(201);
  const { reference } = (await response.json()) as { reference: string };
  // Written synchronously before the answer: it is in the file already.
  expect(logLines()).toContainEqual(
    expect.objectContaining({
      level: 'info',
      event: 'contact.stored',
      requestId: 'test-req-12345678',
      reference,
      status: 201,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    }),
  );
  const log = fs.readFileSync(readState().serverLog, 'utf8');
  for (const secret of [sender.name, 'Ouyang', sender.email, 'logtest@', sender.message, 'cable car', '198.18.77.1']) {
    expect(log).not.toContain(secret);
  }
});

it('writes one access line per request with the id, status and path but never the query string', async () => {
  const response = await get('/en/news?page=2&utm_source=ouyang.logtest%40example.org', { headers: { 'X-Request-Id': 'test-req-access-01' } });
  expect(response.status).toBe(200);
  await response.text();
  expect(response.headers.get('x-request-id')).toBe('test-req-access-01');
  // Written when the response finishes, which may be just after the client has it.
  let line: Record<string, unknown> | undefined;
  for (let i = 0; i < 40 && !line; i++) {
    line = logLines().find((entry) => entry.event === 'request' && entry.requestId === 'test-req-access-01');
    if (!line) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(line).toEqual(expect.objectContaining({ level: 'info', method: 'GET', path: '/en/news', status: 200, ms: expect.any(Number) }));
  expect(fs.readFileSync(readState().serverLog, 'utf8')).not.toContain('logtest');
  // An unusable id is replaced by a fresh one, never echoed.
  const odd = await get('/en', { headers: { 'X-Request-Id': '<script>' } });
  expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
});

it('logs a refused message with its reason code and status', async () => {
  const response = await get('/api/contact', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'test-req-refused-1', 'X-Forwarded-For': '198.18.77.2' },
    body: JSON.stringify({ ...sender, topic: 'tip', consent: 'on', token: 'forged' }),
  });
  expect(response.status).toBe(400);
  expect(logLines()).toContainEqual(
    expect.objectContaining({ event: 'contact.refused', requestId: 'test-req-refused-1', reason: 'token-invalid', status: 400 }),
  );
});

it('logs a failed staff sign-in with a hash of the account, not the address typed', async () => {
  const response = await get('/admin/sign-in', {
    method: 'POST',
    // As the login page's form posts it: from the site's own origin.
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Request-Id': 'test-req-sign-in-1',
      'X-Forwarded-For': '198.18.77.3',
      Origin: baseUrl(),
    },
    body: new URLSearchParams({ email: 'nobody.logtest@example.org', password: 'not-the-password-1' }).toString(),
  });
  expect(response.status).toBe(303);
  expect(logLines()).toContainEqual(
    expect.objectContaining({
      level: 'warn',
      event: 'staff.sign-in-failed',
      requestId: 'test-req-sign-in-1',
      reason: 'invalid',
      account: expect.stringMatching(/^[0-9a-f]{16}$/),
    }),
  );
  const log = fs.readFileSync(readState().serverLog, 'utf8');
  expect(log).not.toContain('nobody.logtest');
  expect(log).not.toContain('not-the-password-1');
});

it('says when the server started', () => {
  // With the Node it runs on: the one running these tests (CI runs them on each supported Node).
  expect(logLines()).toContainEqual(expect.objectContaining({ level: 'info', event: 'server.start', pid: readState().pid, node: process.version }));
});

it('logs an unexpected error with its digest, route and request id; the visitor gets neither the error nor the stack', async () => {
  // A server of its own whose database cannot be opened (the path is a folder).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-log-error-'));
  const databasePath = path.join(dir, 'not-a-file.db');
  fs.mkdirSync(databasePath);
  const port = await freePort();
  const serverLog = path.join(dir, 'server.log');
  const output = fs.openSync(serverLog, 'a');
  const env = productionEnv({ port, distDir: '.next-e2e', databasePath, appSecret: E2E_APP_SECRET });
  const server = startProductionServer(env, ['ignore', output, 'ignore']);
  try {
    // Not /api/health: it answers 503 here, as it should.
    await waitForServer(`http://localhost:${port}/robots.txt`, server);
    const response = await fetch(`http://localhost:${port}/api/contact?ref=li.wen@example.com`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'test-req-error-0001' },
      body: JSON.stringify({ ...sender, topic: 'tip', consent: 'on', token: formToken() }),
    });
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toMatch(/Sqlite|unable to open|at \/|node_modules/);
    const line = logLines(serverLog).find((entry) => entry.event === 'request.error' && entry.requestId === 'test-req-error-0001');
    expect(line).toMatchObject({
      level: 'error',
      method: 'POST',
      path: '/api/contact',
      route: '/api/contact',
      routeType: 'route',
      errorName: 'SqliteError',
      err: { type: 'SqliteError', message: 'unable to open database file', stack: expect.stringContaining('SqliteError') },
    });
    // The query string stays out of the log, and so does what the visitor wrote.
    const log = fs.readFileSync(serverLog, 'utf8');
    for (const secret of ['li.wen', sender.email, sender.name, sender.message]) expect(log).not.toContain(secret);
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    fs.closeSync(output);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
