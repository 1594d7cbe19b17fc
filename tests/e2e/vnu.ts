import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { get } from './server';

/*
 * The Nu HTML Checker (vnu.jar, from the vnu-jar package; needs Java) on the server-rendered
 * HTML of pages of the test server. Errors count; warnings do not.
 */

const vnuJar = require.resolve('vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  message: string;
  extract?: string;
}

export interface HtmlError {
  page: string;
  message: string;
  extract?: string;
}

/** Fetches each page (its status must be one of `statuses`) and returns the checker's errors. */
export async function htmlErrors(pages: readonly string[], statuses: readonly number[], init: RequestInit = {}): Promise<HtmlError[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-vnu-'));
  const files = new Map<string, string>();
  try {
    for (const [index, page] of pages.entries()) {
      const response = await get(page, init);
      expect({ page, status: statuses.includes(response.status) }).toEqual({ page, status: true });
      const file = path.join(dir, `page-${index}.html`);
      fs.writeFileSync(file, await response.text());
      files.set(`file:${file}`, page);
    }
    const result = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', '--exit-zero-always', ...files.keys()].map(
      (arg) => arg.replace(/^file:/, ''),
    ), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(result.error).toBeUndefined();
    const report = JSON.parse(result.stderr || result.stdout) as { messages: VnuMessage[] };
    return report.messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal')
      .map((m) => ({ page: files.get(m.url) ?? m.url, message: m.message, extract: m.extract }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
