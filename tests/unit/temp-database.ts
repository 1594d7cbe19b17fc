import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Runs before each unit test file's imports: lib/env reads DATABASE_PATH once, on load.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-unit-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');
// The code under test logs (lib/log.ts); tests that look at lines pass a logger of their own.
process.env.LOG_LEVEL ??= 'silent';
