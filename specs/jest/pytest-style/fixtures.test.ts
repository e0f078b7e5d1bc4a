/**
 * pytest fixtures in Jest, which has none: `useFixture` from our conftest
 * runs a generator's set-up before each test and its teardown after it.
 * `tmpPath` mirrors pytest's tmp_path; `csvFile` the course's csv_file
 * fixture (a fixture built on tmpPath). The last test checks that the
 * teardown really happened.
 * Python: fixtures/python/test_calc.py (TestFixtures) and conftest.py.
 */

import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { type CsvFile, csvFile, tmpPath, useFixture } from '../support/conftest.ts';

describe('TestFixtures', () => {
  const tmp = useFixture(tmpPath);
  const csv = useFixture(csvFile);
  const seen: { tmpPath?: string; csvFile?: CsvFile } = {};

  test('tmp_path is a fresh empty directory', async () => {
    expect((await stat(tmp())).isDirectory()).toBe(true);
    expect(await readdir(tmp())).toEqual([]);
    seen.tmpPath = tmp();
  });

  test('csv_file is open for writing and reading', async () => {
    const { handle } = csv();
    await handle.write('year,price\n2017,1\n');
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    expect(buffer.toString('utf8', 0, bytesRead).split('\n')).toEqual(['year,price', '2017,1', '']);
    seen.csvFile = csv();
  });

  test('the fixtures were torn down: file closed, directories removed', () => {
    if (!seen.tmpPath || !seen.csvFile) throw new Error('the fixture tests did not run first');
    // A closed FileHandle's descriptor is -1.
    expect(seen.csvFile.handle.fd).toBe(-1);
    expect(existsSync(dirname(seen.csvFile.path))).toBe(false);
    expect(existsSync(seen.tmpPath)).toBe(false);
  });
});
