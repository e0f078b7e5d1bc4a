// The `tsdoctest` command runs from a bundle of its own TypeScript sources:
// loading one JavaScript file per thread takes a fraction of the time that
// compiling twenty modules through a loader does, and start-up is most of a
// small run. esbuild builds it into node_modules/.cache on first use (or
// `npm install`), and again whenever a source file changes.
// Plain JavaScript, because it runs before anything can load TypeScript.
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const THIS_FILE = fileURLToPath(import.meta.url);
const PROJECT_ROOT = path.resolve(path.dirname(THIS_FILE), '../..');

// The bundle's entry points: the CLI's thread, a pool worker, the loader hooks' thread,
// and the TypeScript compiler's loader, for `npm install` to warm (see the end of this file).
const ENTRY_POINTS = {
  cli: 'src/doctest/cli.ts',
  'worker-boot': 'src/doctest/worker-boot.mjs',
  'loader-hooks': 'src/doctest/loader-hooks.mjs',
  typescript: 'src/doctest/typescript.ts',
};

/** Builds older than this are removed when a new one is made (a run may still use a newer one). */
const KEEP_OLD_BUILDS_MS = 24 * 60 * 60 * 1000;

/** The modification time of every input, by path relative to the root (no entry: missing). */
function mtimes(root, files) {
  const times = {};
  for (const file of files) {
    try {
      times[file] = statSync(path.join(root, file)).mtimeMs;
    } catch {
      // A deleted input makes the bundle stale.
    }
  }
  return times;
}

/** The manifest of the last build, if none of its inputs has changed since. */
function current(root, cache) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(cache, 'manifest.json'), 'utf8'));
    const recorded = Object.entries(manifest.inputs);
    const now = mtimes(
      root,
      recorded.map(([file]) => file),
    );
    return recorded.every(([file, time]) => now[file] === time) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Write `files` (path → contents) into a new directory and swap it in atomically. */
function install(dir, files) {
  const partial = `${dir}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  for (const [name, contents] of files) {
    mkdirSync(path.dirname(path.join(partial, name)), { recursive: true });
    writeFileSync(path.join(partial, name), contents);
  }
  try {
    renameSync(partial, dir);
  } catch {
    // Another run built the same bundle first: its copy is as good as ours.
    rmSync(partial, { recursive: true, force: true });
  }
}

function pruneOldBuilds(cache, keep) {
  for (const name of readdirSync(cache)) {
    const dir = path.join(cache, name);
    if (!name.startsWith('build-') || name === keep) continue;
    if (Date.now() - statSync(dir).mtimeMs > KEEP_OLD_BUILDS_MS)
      rmSync(dir, { recursive: true, force: true });
  }
}

// What only a rebuild needs loads with it: a run from an up-to-date bundle starts sooner.
async function rebuild(root, cache) {
  const [{ build }, { createHash }, { writeAtomically }] = await Promise.all([
    import('esbuild'),
    import('node:crypto'),
    import('./disk-cache.mjs'),
  ]);
  const outdir = path.join(cache, 'out');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    define: { 'globalThis.TSDOCTEST_BUNDLED': 'true' },
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const files = result.outputFiles.map((f) => [path.relative(outdir, f.path), f.contents]);
  const hash = createHash('sha256');
  for (const [name, contents] of files) hash.update(name).update(contents);
  const id = `build-${hash.digest('hex').slice(0, 16)}`;
  install(path.join(cache, id), files);
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules'));
  // This file shapes the bundle too, when it lives in the project it bundles.
  if (!path.relative(root, THIS_FILE).startsWith('..')) inputs.push(path.relative(root, THIS_FILE));
  const manifest = { id, inputs: mtimes(root, inputs) };
  writeAtomically(path.join(cache, 'manifest.json'), JSON.stringify(manifest));
  pruneOldBuilds(cache, id);
  return manifest;
}

/**
 * The URL of the up-to-date bundle's directory (built first if needed), ending in `/`.
 * `root`: the project whose `src/doctest` is bundled (tests give a copy).
 */
export async function bundleDirectory(root = PROJECT_ROOT) {
  const cache = path.join(root, 'node_modules/.cache/tsdoctest');
  const manifest = current(root, cache) ?? (await rebuild(root, cache));
  return pathToFileURL(path.join(cache, manifest.id, path.sep));
}

// `npm install` builds the bundle, and loads the TypeScript compiler once so that V8's code
// cache of it is there for the first run (see typescript.ts): 0.97 s → 0.68 s, measured.
if (process.argv[1] === THIS_FILE) {
  const bundle = await bundleDirectory();
  (await import(new URL('typescript.mjs', bundle).href)).typescript();
}
