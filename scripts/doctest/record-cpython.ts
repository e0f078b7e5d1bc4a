/**
 * `npx tsx scripts/doctest/record-cpython.ts [PYTHON]`: record CPython 3.13's doctest reports
 * on the Python twins of tsdoctest's faithfulness fixtures (fixtures/doctest/faithful), which
 * specs/project/doctest/faithfulness.test.ts compares tsdoctest's reports with. The tests read
 * the recordings and never need Python. PYTHON defaults to `python3` (here:
 * ~/.pyenv/versions/3.13.0/bin/python3). Each `X.py` gives `X.cpython.txt`, the report of
 * `python -m doctest -v X.py` run in its folder, with that folder's absolute path dropped
 * from `File "..."` lines; a malformed example stops CPython with a traceback, of which only
 * its last line, the ValueError, is kept (the rest names the machine's install).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FOLDER = fileURLToPath(new URL('../../fixtures/doctest/faithful/', import.meta.url));
const python = process.argv[2] ?? 'python3';

const version = spawnSync(python, ['--version'], { encoding: 'utf8' });
if (!version.stdout?.startsWith('Python 3.13.')) {
  console.error(
    `record-cpython: ${python} is not CPython 3.13 (${version.stdout?.trim() || 'not found'})`,
  );
  process.exit(2);
}

for (const folder of [FOLDER, path.join(FOLDER, 'malformed')]) {
  for (const name of readdirSync(folder).filter(
    (n) => n.endsWith('.py') && !n.endsWith('_helper.py'),
  )) {
    const run = spawnSync(python, ['-m', 'doctest', '-v', name], { cwd: folder, encoding: 'utf8' });
    let report = (run.stdout + run.stderr)
      .replaceAll(`File "${folder}${path.sep}`, 'File "')
      .replaceAll(`File "${folder}`, 'File "');
    if (folder.endsWith('malformed')) report = `${report.trimEnd().split('\n').at(-1)}\n`;
    writeFileSync(path.join(folder, name.replace(/\.py$/, '.cpython.txt')), report);
    console.log(`${path.relative(process.cwd(), path.join(folder, name))}: exit ${run.status}`);
  }
}
