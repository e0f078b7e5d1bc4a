/**
 * pytest fixtures in Vitest, natively: the `test` extended in our conftest
 * gives each test the fixtures it names in its first argument, set up
 * before it and torn down after it. `tmpPath` mirrors pytest's tmp_path;
 * `csvFile` the course's csv_file fixture (a fixture built on tmpPath). The
 * last test checks that its own fixtures are torn down once it is over: no
 * test reads what another test left, since Vitest runs them in random order
 * (see vitest.config.ts).
 * Python: fixtures/python/test_calc.py (TestFixtures) and conftest.py.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect } from 'vitest';
import { test } from '../support/conftest.ts';

describe('TestFixtures', () => {
  test('tmp_path is a fresh empty directory [pytest-tmp-path]', async ({ tmpPath }) => {
    expect((await stat(tmpPath)).isDirectory()).toBe(true);
    expect(await readdir(tmpPath)).toEqual([]);
  });

  test('csv_file is open for writing and reading [pytest-custom-fixture]', async ({ csvFile }) => {
    const { handle } = csvFile;
    await handle.write('year,price\n2017,1\n');
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    expect(buffer.toString('utf8', 0, bytesRead).split('\n')).toEqual(['year,price', '2017,1', '']);
  });

  test('the fixtures were torn down: file closed, directories removed [pytest-fixture-teardown]', ({
    tmpPath,
    csvFile,
    onTestFinished,
  }) => {
    const { path, handle } = csvFile;
    expect(handle.fd).toBeGreaterThanOrEqual(0);
    // onTestFinished runs once the test is over, after its fixtures' teardown.
    onTestFinished(() => {
      // A closed FileHandle's descriptor is -1.
      expect(handle.fd).toBe(-1);
      expect(existsSync(dirname(path))).toBe(false);
      expect(existsSync(tmpPath)).toBe(false);
    });
  });
});
