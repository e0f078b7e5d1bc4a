// On Node 20, which cannot strip types, the `tsdoctest` command runs from a bundle of its
// own sources: loaded through the loader hooks' thread instead, they cost a small run
// (src/domain) about 0.1 s more, wall and CPU alike. esbuild writes the bundle into
// node_modules/.cache/tsdoctest/bundle/, named by a hash of its inputs, and again whenever
// one of them changes.
// Plain JavaScript, because it runs before anything can load TypeScript.
import { createHash } from 'node:crypto';
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
import { writeAtomically } from './disk-cache.mjs';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The bundle's entry points: the CLI's thread, a pool worker, the loader hooks.
const ENTRY_POINTS = {
  cli: 'src/doctest/cli.ts',
  worker: 'src/doctest/worker.ts',
  'loader-hooks': 'src/doctest/loader-hooks.mjs',
};

/** Builds older than this are removed when a new one is made (a run may still use one). */
const KEEP_OLD_BUILDS_MS = 24 * 60 * 60 * 1000;

/** A hash of the inputs' paths and contents (throws if one has gone). */
function hashOf(root, inputs) {
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(input).update(readFileSync(path.join(root, input)));
  return `build-${hash.digest('hex').slice(0, 16)}`;
}

async function rebuild(root, cache) {
  const { build } = await import('esbuild');
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
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules'));
  const id = hashOf(root, inputs);
  const partial = path.join(cache, `${id}.${process.pid}.partial`);
  for (const file of result.outputFiles) {
    const target = path.join(partial, path.relative(outdir, file.path));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  try {
    renameSync(partial, path.join(cache, id));
  } catch {
    // Another run built the same bundle first: its copy is as good as ours.
    rmSync(partial, { recursive: true, force: true });
  }
  writeAtomically(path.join(cache, 'manifest.json'), JSON.stringify({ id, inputs }));
  for (const name of readdirSync(cache)) {
    const dir = path.join(cache, name);
    if (
      name.startsWith('build-') &&
      name !== id &&
      Date.now() - statSync(dir).mtimeMs > KEEP_OLD_BUILDS_MS
    )
      rmSync(dir, { recursive: true, force: true });
  }
  return id;
}

/**
 * The URL of the up-to-date bundle's directory (built first if needed), ending in `/`.
 * `root`: the project whose `src/doctest` is bundled (tests give a copy).
 */
export async function bundleDirectory(root = PROJECT_ROOT) {
  const cache = path.join(root, 'node_modules/.cache/tsdoctest/bundle');
  let id;
  try {
    const manifest = JSON.parse(readFileSync(path.join(cache, 'manifest.json'), 'utf8'));
    if (hashOf(root, manifest.inputs) === manifest.id) id = manifest.id;
  } catch {
    // No bundle yet, or one of its inputs has gone.
  }
  id ??= await rebuild(root, cache);
  return pathToFileURL(path.join(cache, id, path.sep));
}
