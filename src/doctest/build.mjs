// The package's build, run by `npm pack` (prepack; `--clean` after it, postpack): Node refuses
// to strip types under node_modules, so the tarball ships JavaScript and declarations in dist/.
// tsc compiles every .ts file (`./x.ts` imports become `./x.js`); the modules written in plain
// JavaScript, and their declarations, are copied as they are. Not bundle.mjs and this file:
// they serve tsdoctest run from its sources.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');

rmSync(dist, { recursive: true, force: true });
if (!process.argv.includes('--clean')) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(here, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  const plain = globSync(['**/*.mjs', '**/*.d.mts'], {
    cwd: here,
    ignore: ['dist/**', 'node_modules/**', 'build.mjs', 'bundle.mjs', 'bundle.d.mts'],
  });
  for (const file of plain) cpSync(path.join(here, file), path.join(dist, file));
}
