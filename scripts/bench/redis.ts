import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, stopProcess } from '../lib/local-server';
import { summarizeSamples, type RedisFigures } from './figures';

/*
 * What a shared Redis cache (the alternative decision 0018 did not pick) would cost each cached
 * read: a GET of a page-sized value over loopback, against a Map lookup in the process. Our own
 * redis-server (Debian's redis-server package) on a free port in a temporary folder, spoken to in
 * RESP over a plain socket: no client library, nothing added to the app.
 */

/** A command in RESP: an array of bulk strings. */
export function respCommand(...parts: (string | Buffer)[]): Buffer {
  const chunks: Buffer[] = [Buffer.from(`*${parts.length}\r\n`)];
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    chunks.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from('\r\n'));
  }
  return Buffer.concat(chunks);
}

export type RespReply = string | number | Buffer | null | Error;

/**
 * The first complete reply at the start of `buffer` and the bytes it took, or null when more are
 * needed. Simple strings, errors, integers and bulk strings: what SET, GET and PING answer.
 */
export function parseReply(buffer: Buffer): { reply: RespReply; length: number } | null {
  const lineEnd = buffer.indexOf('\r\n');
  if (lineEnd < 0) return null;
  const line = buffer.toString('utf8', 1, lineEnd);
  switch (String.fromCharCode(buffer[0]!)) {
    case '+':
      return { reply: line, length: lineEnd + 2 };
    case '-':
      return { reply: new Error(line), length: lineEnd + 2 };
    case ':':
      return { reply: Number(line), length: lineEnd + 2 };
    case '$': {
      const size = Number(line);
      if (size < 0) return { reply: null, length: lineEnd + 2 };
      const end = lineEnd + 2 + size;
      if (buffer.length < end + 2) return null;
      return { reply: buffer.subarray(lineEnd + 2, end), length: end + 2 };
    }
    default:
      throw new Error(`unexpected RESP reply: ${buffer.toString('utf8', 0, Math.min(40, buffer.length))}`);
  }
}

/** One connection; replies come back in the order the commands were sent. */
class RespConnection {
  private pending: ((reply: RespReply) => void)[] = [];
  private buffered: Buffer = Buffer.alloc(0);

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
      for (let parsed = parseReply(this.buffered); parsed; parsed = parseReply(this.buffered)) {
        this.buffered = this.buffered.subarray(parsed.length);
        this.pending.shift()?.(parsed.reply);
      }
    });
  }

  static open(port: number): Promise<RespConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port, host: '127.0.0.1', noDelay: true });
      socket.once('connect', () => resolve(new RespConnection(socket)));
      socket.once('error', reject);
    });
  }

  send(...parts: (string | Buffer)[]): Promise<RespReply> {
    return new Promise((resolve) => {
      this.pending.push(resolve);
      this.socket.write(respCommand(...parts));
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

async function startRedis(dir: string): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await freePort();
  // In the foreground, on loopback only, nothing written to disk.
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
    stdio: 'ignore',
  });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const connection = await RespConnection.open(port).catch(() => null);
    if (connection) {
      const pong = await connection.send('PING');
      connection.close();
      if (pong === 'PONG') return { port, stop: () => stopProcess(child) };
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stopProcess(child);
      throw new Error(`redis-server did not start on port ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** µs per Map.get of a page-sized value among `entries` keys, over many lookups. */
function mapGetMicros(value: Buffer, lookups = 2_000_000, entries = 1000): number {
  const map = new Map<string, Buffer>();
  const keys = Array.from({ length: entries }, (_, i) => `page:/en/news/article-${i}|ask`);
  for (const key of keys) map.set(key, value);
  let bytes = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < lookups; i++) bytes += map.get(keys[i % entries]!)!.length;
  const micros = Number(process.hrtime.bigint() - started) / 1000 / lookups;
  // Used, so the loop cannot be optimized away.
  if (bytes !== lookups * value.length) throw new Error('Map lookups went wrong');
  return micros;
}

/** GETs of a `valueBytes` value, one at a time, against a Map lookup; or why Redis was skipped. */
export async function measureRedisReads(valueBytes: number, reads = 5000): Promise<RedisFigures | { skipped: string }> {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { skipped: 'redis-server is not installed (Debian: apt-get install -y redis-server)' };
  const version = /v=([\d.]+)/.exec(probe.stdout)?.[1] ?? 'unknown';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-redis-'));
  const redis = await startRedis(dir);
  const connection = await RespConnection.open(redis.port);
  try {
    const value = crypto.randomBytes(valueBytes);
    if ((await connection.send('SET', 'page', value)) !== 'OK') throw new Error('redis SET failed');
    const samples: number[] = [];
    for (let i = -500; i < reads; i++) {
      const started = process.hrtime.bigint();
      const reply = await connection.send('GET', 'page');
      const micros = Number(process.hrtime.bigint() - started) / 1000;
      if (!Buffer.isBuffer(reply) || reply.length !== valueBytes) throw new Error('redis GET answered something else');
      // The first 500 warm the connection up.
      if (i >= 0) samples.push(micros);
    }
    const total = samples.reduce((sum, us) => sum + us, 0);
    return { version, valueBytes, getMicros: summarizeSamples(samples), getsPerSecond: (samples.length * 1e6) / total, mapGetMicros: mapGetMicros(value) };
  } finally {
    connection.close();
    await redis.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
