/**
 * The physical-limit reference of `npm run bench`: a bare node:http server that answers every
 * request with one page's bytes from memory and the headers the site sent with them (about the
 * same header size). Started by scripts/bench/processes.ts; reads PORT, BENCH_BODY_FILE and
 * BENCH_HEADERS (a JSON object).
 */
import fs from 'node:fs';
import http from 'node:http';

const body = fs.readFileSync(process.env.BENCH_BODY_FILE ?? '');
const headers = { ...(JSON.parse(process.env.BENCH_HEADERS ?? '{}') as Record<string, string>), 'content-length': String(body.length) };

const server = http.createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
});
server.keepAliveTimeout = 5_000;
server.listen(Number(process.env.PORT));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
