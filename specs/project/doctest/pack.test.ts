// tsdoctest as a team installs it: `npm pack -w tsdoctest`, the tarball installed in a scratch
// project outside this repository, `npx tsdoctest src` run there.
//
// The install is `npm install --offline`, from the local npm cache, so it stays hermetic. npm
// resolves a new dependency from the registry's full metadata, which `npm ci` never caches (it
// reads the abbreviated one), so the scratch project starts with a lockfile that pins each
// package tsdoctest's declared dependencies reach to the version and tarball this repository
// locks: the tarballs `npm ci` cached. Nothing else goes in, and npm prunes what tsdoctest would
// not need.
import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

/** Packing builds the package, installing unpacks some 60 MB (esbuild, TypeScript). */
const SETUP_LIMIT_MS = 300_000;

interface LockEntry {
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

let temp: string;
let project: string;
let tarball: string;
let packed: string[];

/**
 * Run a command with the Node that runs this test first on PATH, and none of the variables an
 * `npm run` sets (`npm_config_local_prefix` would make npm install into this repository), but
 * the npm cache in use.
 */
function run(command: string, args: string[], cwd: string, options: SpawnSyncOptions = {}) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => {
      const lower = name.toLowerCase();
      return !lower.startsWith('npm_') || lower === 'npm_config_cache';
    }),
  );
  env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`;
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', ...options });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/**
 * The repository's lock entries of every package tsdoctest's dependencies reach, at the place
 * Node finds each from tsdoctest (its own node_modules first), as a scratch project's lock places
 * them; with the registry's tarball address npm keeps the cached tarball under.
 */
function dependencyLock(): Record<string, LockEntry> {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const locate = (from: string, name: string): string | undefined => {
    for (let dir = from; ; dir = path.posix.dirname(dir)) {
      const at = dir === '.' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
      if (lock.packages[at]) return at;
      if (dir === '.') return undefined;
    }
  };
  const entries: Record<string, LockEntry> = {};
  const visit = (from: string) => {
    const entry = lock.packages[from] as LockEntry;
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      const at = locate(from, name);
      if (at === undefined) throw new Error(`${from}: ${name} is not in package-lock.json`);
      const place = at.replace(/^src\/doctest\//, 'node_modules/tsdoctest/');
      if (entries[place]) continue;
      const {
        dev: _dev,
        devOptional: _devOptional,
        peer: _peer,
        ...kept
      } = lock.packages[at] as LockEntry;
      const file = `${name.split('/').at(-1)}-${kept.version}.tgz`;
      entries[place] = { ...kept, resolved: `https://registry.npmjs.org/${name}/-/${file}` };
      visit(at);
    }
  };
  visit('src/doctest');
  return entries;
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

beforeAll(() => {
  temp = mkdtempSync(path.join(tmpdir(), 'tsdoctest-pack-'));
  const pack = run('npm', ['pack', '-w', 'tsdoctest', '--pack-destination', temp, '--json'], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
  tarball = path.join(temp, info.filename);
  packed = info.files.map((f) => f.path);

  project = path.join(temp, 'scratch');
  mkdirSync(path.join(project, 'src'), { recursive: true });
  const manifest = { name: 'scratch', version: '1.0.0', private: true, type: 'module' };
  writeFileSync(path.join(project, 'package.json'), JSON.stringify(manifest));
  const packages = { '': { name: 'scratch', version: '1.0.0' }, ...dependencyLock() };
  const lock = { name: 'scratch', lockfileVersion: 3, requires: true, packages };
  writeFileSync(path.join(project, 'package-lock.json'), JSON.stringify(lock));
  const install = run(
    'npm',
    ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', tarball],
    project,
  );
  expect(install.status, install.stderr).toBe(0);
}, SETUP_LIMIT_MS);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the tsdoctest tarball', () => {
  it('ships the command, JavaScript and declarations: no TypeScript to compile', () => {
    expect(packed).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'bin/tsdoctest.js',
        'dist/cli.js',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/worker.js',
        'dist/loader-hooks.mjs',
        'dist/vitest.js',
        'dist/vitest.d.ts',
      ]),
    );
    const installed = filesUnder(path.join(project, 'node_modules/tsdoctest'));
    expect(installed.sort()).toEqual([...packed].sort());
    const typescript = installed.filter((f) => /\.[mc]?tsx?$/.test(f) && !/\.d\.[mc]?ts$/.test(f));
    expect(typescript).toEqual([]);
    // The package's build leaves nothing in the repository's tree.
    expect(readdirSync(path.join(ROOT, 'src/doctest'))).not.toContain('dist');
  });

  it('installs outside the repository with its declared dependencies alone', () => {
    expect(path.relative(ROOT, project).startsWith('..')).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8'));
    expect(manifest.dependencies).toEqual({ tsdoctest: expect.stringMatching(/^file:/) });
    // Every dependency is there, and nothing that no dependency asks for.
    const tree = run('npm', ['ls', '--all', '--offline'], project);
    expect(tree.status, tree.stdout + tree.stderr).toBe(0);
    expect(tree.stdout).not.toMatch(/extraneous|missing|invalid/);
  });

  it('runs a passing file: exit 0, and the verbose transcript', () => {
    writeFileSync(
      path.join(project, 'src/greet.ts'),
      [
        '/**',
        " * >>> greet('Ada')",
        " * 'Hello, Ada!'",
        ' */',
        'export function greet(name: string): string {',
        "  return 'Hello, ' + name + '!';",
        '}',
        '',
      ].join('\n'),
    );
    const quiet = run('npx', ['tsdoctest', 'src'], project);
    expect(quiet).toMatchObject({ status: 0, stdout: '' });
    const verbose = run('npx', ['tsdoctest', '-v', '--typecheck', 'src'], project);
    expect(verbose.status, verbose.stderr).toBe(0);
    expect(verbose.stdout).toContain(
      "Trying:\n    greet('Ada')\nExpecting:\n    'Hello, Ada!'\nok",
    );
    expect(verbose.stdout).toMatch(/1 passed\.\nTest passed\.\n$/);
    // Run from the built JavaScript: no bundle made on a first run, and the cache is the
    // scratch project's.
    const cache = path.join(project, 'node_modules/.cache/tsdoctest');
    expect(readdirSync(cache)).toContain('parsed');
    expect(readdirSync(cache)).not.toContain('bundle');
  });

  it("fails a wrong example: exit 1, with tsdoctest's report", () => {
    writeFileSync(
      path.join(project, 'src/double.ts'),
      [
        '/**',
        ' * >>> double(2)',
        ' * 5',
        ' */',
        'export const double = (x: number): number => x * 2;',
        '',
      ].join('\n'),
    );
    const failed = run('npx', ['tsdoctest', 'src'], project);
    expect(failed.status, failed.stderr).toBe(1);
    const rule = '*'.repeat(70);
    expect(failed.stdout).toBe(
      [
        rule,
        'File "src/double.ts", line 2, in double.double',
        'Failed example:',
        '    double(2)',
        'Expected:',
        '    5',
        'Got:',
        '    4',
        rule,
        '1 item had failures:',
        '   1 of   1 in double.double',
        '***Test Failed*** 1 failure.',
        'To run a failed item again:',
        "    tsdoctest src/double.ts -k 'double.double'",
        '',
      ].join('\n'),
    );
  });
});
