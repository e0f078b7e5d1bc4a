// The `tsdoctest` command runs from a bundle of its own TypeScript sources:
// loading one JavaScript file per thread takes a fraction of the time that
// compiling twenty modules through a loader does, and start-up is most of a
// small run. esbuild builds it into node_modules/.cache on first use (or
// `npm install`), and again whenever a source file changes.
// Plain JavaScript, because it runs before anything can load TypeScript.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CACHE = path.join(ROOT, 'node_modules/.cache/tsdoctest');
const MANIFEST = path.join(CACHE, 'manifest.json');
const THIS_FILE = fileURLToPath(import.meta.url);

// The bundle's entry points: the CLI's thread, a pool worker, the loader hooks' thread.
const ENTRY_POINTS = {
  cli: 'src/doctest/cli.ts',
  'worker-boot': 'src/doctest/worker-boot.mjs',
  'loader-hooks': 'src/doctest/loader-hooks.mjs',
};

/** The modification time of every input, by path relative to the root (no entry: missing). */
function mtimes(files) {
  const times = {};
  for (const file of files) {
    try {
      times[file] = statSync(path.join(ROOT, file)).mtimeMs;
    } catch {
      // A deleted input makes the bundle stale.
    }
  }
  return times;
}

function current() {
  try {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    const recorded = Object.entries(manifest.inputs);
    const now = mtimes(recorded.map(([file]) => file));
    return recorded.every(([file, time]) => now[file] === time) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Write `files` (path → contents) into a new directory and swap it in atomically. */
function install(id, files) {
  const dir = path.join(CACHE, id);
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

async function rebuild() {
  const { build } = await import('esbuild');
  const outdir = path.join(CACHE, 'out');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const files = result.outputFiles.map((f) => [path.relative(outdir, f.path), f.contents]);
  const hash = result.outputFiles.map((f) => f.hash).join('');
  const id = `build-${Buffer.from(hash).toString('base64url').slice(0, 16)}`;
  install(id, files);
  const inputs = [...Object.keys(result.metafile.inputs), path.relative(ROOT, THIS_FILE)];
  const manifest = {
    id,
    inputs: mtimes(inputs.filter((file) => !file.startsWith('node_modules'))),
  };
  const partial = `${MANIFEST}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(manifest));
  renameSync(partial, MANIFEST);
  return manifest;
}

/** The URL of the up-to-date bundle's directory (built first if needed), ending in `/`. */
export async function bundleDirectory() {
  const manifest = current() ?? (await rebuild());
  return pathToFileURL(path.join(CACHE, manifest.id, path.sep));
}

if (process.argv[1] === THIS_FILE) await bundleDirectory();
