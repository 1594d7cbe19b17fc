import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inlineScriptHashes, pagePolicy } from '@/lib/http/csp';
import { applyContentSecurityPolicy } from '@/lib/http/csp-response';

const sha = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes inline scripts and modules, skips files and data blocks, and lists each once', () => {
    const html = [
      '<script src="/a.js" async=""></script>',
      '<script>self.a=1</script>',
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      '<script id="_R_" type="module">import "x"</script>',
      '<SCRIPT>self.a=1</SCRIPT>',
      '<script type="text/javascript">"中文 \\u2028"</script>',
    ].join('');
    expect(inlineScriptHashes(html)).toEqual([sha('self.a=1'), sha('import "x"'), sha('"中文 \\u2028"')]);
  });

  it('finds nothing in a document without inline scripts', () => {
    expect(inlineScriptHashes('<p>no <b>scripts</b></p><script src="x.js"></script>')).toEqual([]);
  });
});

describe('pagePolicy', () => {
  it('allows only the site and the given hashes to run, never eval or inline code', () => {
    const policy = pagePolicy({ scriptHashes: ["'sha256-abc='"], https: false });
    expect(policy).toContain("script-src 'self' 'sha256-abc='");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(pagePolicy({ scriptHashes: [], https: true })).toContain('upgrade-insecure-requests');
  });

  it('lets pictures come only from the site, data: and the hosts of IMAGE_REMOTE_HOSTS (no tracking pixels)', () => {
    const imgSrc = (policy: string) => policy.split('; ').find((directive) => directive.startsWith('img-src'));
    expect(imgSrc(pagePolicy({ scriptHashes: [], https: false, imageHosts: [] }))).toBe("img-src 'self' data:");
    expect(imgSrc(pagePolicy({ scriptHashes: [], https: false, imageHosts: ['images.example.com', 'cdn.example.org'] }))).toBe(
      "img-src 'self' data: https://images.example.com https://cdn.example.org",
    );
  });
});

/** A real server whose handler writes the way it is told, behind applyContentSecurityPolicy. */
async function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>) {
  const server = http.createServer((req, res) => {
    applyContentSecurityPolicy(req, res, false);
    void handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('applyContentSecurityPolicy', () => {
  it('holds a streamed document, even split inside a character, and hashes its scripts', async () => {
    const script = 'self.x="重庆"';
    const bytes = Buffer.from(`<!DOCTYPE html><p>重庆</p><script>${script}</script>`);
    const { url, close } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      // Cut every chunk at 5 bytes: several cuts fall inside three-byte characters.
      let offset = 0;
      for (; offset + 5 < bytes.length; offset += 5) res.write(bytes.subarray(offset, offset + 5));
      res.end(bytes.subarray(offset));
    });
    try {
      const response = await fetch(url);
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
      expect(response.headers.get('content-security-policy')).toContain(`script-src 'self' ${sha(script)};`);
    } finally {
      await close();
    }
  });

  it('streams a document it has hashed before (same ETag) straight through, with the same policy', async () => {
    const script = 'self.seen=1';
    let headersReached: () => void = () => {};
    const reached = new Promise<void>((resolve) => (headersReached = resolve));
    let calls = 0;
    let streamedBeforeEnd: boolean | undefined;
    const { url, close } = await serve(async (_req, res) => {
      calls += 1;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('ETag', '"same-document-1"');
      res.write(`<p>part one</p><script>${script}</script>`);
      // The second time, finish only once the client has the headers: a held-back document
      // gets there only after the 3 s fallback has ended it.
      if (calls === 2) {
        let timer: NodeJS.Timeout | undefined;
        const fallback = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 3_000)));
        streamedBeforeEnd = await Promise.race([reached.then(() => true), fallback]);
        clearTimeout(timer);
      }
      res.end('<p>part two</p>');
    });
    try {
      const first = await fetch(url);
      const policy = first.headers.get('content-security-policy');
      expect(policy).toContain(sha(script));
      await first.text();
      const second = await fetch(url);
      headersReached();
      expect(second.headers.get('content-security-policy')).toBe(policy);
      expect(await second.text()).toBe(`<p>part one</p><script>${script}</script><p>part two</p>`);
      expect(streamedBeforeEnd).toBe(true);
    } finally {
      await close();
    }
  });

  it('passes other responses through with the resource policy, keeping one already set', async () => {
    const { url, close } = await serve((req, res) => {
      if (req.url === '/image') res.setHeader('Content-Security-Policy', "script-src 'none'; sandbox;");
      res.setHeader('Content-Type', 'application/json');
      res.write('{"a":');
      res.end('1}');
    });
    try {
      const json = await fetch(url);
      expect(await json.json()).toEqual({ a: 1 });
      expect(json.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
      expect((await fetch(`${url}image`)).headers.get('content-security-policy')).toBe("script-src 'none'; sandbox;");
    } finally {
      await close();
    }
  });

  it('leaves the policy off a 304, so the browser keeps the one stored with the page', async () => {
    const { url, close } = await serve((_req, res) => {
      res.statusCode = 304;
      res.end();
    });
    try {
      const response = await fetch(url);
      expect(response.status).toBe(304);
      expect(response.headers.get('content-security-policy')).toBeNull();
    } finally {
      await close();
    }
  });

  it('answers HEAD for a document with a policy and no body', async () => {
    const { url, close } = await serve((_req, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end();
    });
    try {
      const response = await fetch(url, { method: 'HEAD' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
    } finally {
      await close();
    }
  });
});
