// The command's bundle on Node 20 (src/doctest/bundle.mjs), built from a copy of the
// sources so the test can change one without touching the project.
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleDirectory } from '../../../src/doctest/bundle.mjs';
import { ROOT } from './helpers.ts';

let root: string;
const manifest = () =>
  JSON.parse(
    readFileSync(path.join(root, 'node_modules/.cache/tsdoctest/bundle/manifest.json'), 'utf8'),
  ) as { id: string; inputs: string[] };

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'tsdoctest-bundle-'));
  for (const dir of ['src/doctest', 'src/cli']) {
    cpSync(path.join(ROOT, dir), path.join(root, dir), { recursive: true });
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bundleDirectory', () => {
  it('builds the entry points once, then reuses them while no source changes', async () => {
    const dir = fileURLToPath(await bundleDirectory(root));
    for (const entry of ['cli.mjs', 'worker.mjs', 'loader-hooks.mjs']) {
      expect(existsSync(path.join(dir, entry))).toBe(true);
    }
    const { inputs } = manifest();
    expect(inputs).toEqual(
      expect.arrayContaining([
        'src/doctest/cli.ts',
        'src/doctest/runner.ts',
        'src/doctest/select.ts',
      ]),
    );
    // tsdoctest imports nothing else of the project: its own files and packages only.
    expect(
      inputs.filter((i) => !i.startsWith('src/doctest/') && !i.includes('node_modules/')),
    ).toEqual([]);
    expect(fileURLToPath(await bundleDirectory(root))).toBe(dir);
  });

  it('rebuilds when a source changes, into a new directory', async () => {
    const before = fileURLToPath(await bundleDirectory(root));
    // An entry point's exports are kept (an unused one elsewhere would be tree-shaken away).
    appendFileSync(path.join(root, 'src/doctest/cli.ts'), "\nexport const CHANGED = 'changed';\n");
    const after = fileURLToPath(await bundleDirectory(root));
    expect(after).not.toBe(before);
    const chunks = readdirSync(after).map((f) => readFileSync(path.join(after, f), 'utf8'));
    expect(chunks.some((text) => text.includes('CHANGED'))).toBe(true);
    // The build before is kept for runs that may still use it.
    expect(existsSync(before)).toBe(true);
  });

  it('keeps the bundle when only a timestamp changed', async () => {
    const before = fileURLToPath(await bundleDirectory(root));
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'src/doctest/parser.ts'), later, later);
    expect(fileURLToPath(await bundleDirectory(root))).toBe(before);
  });
});
