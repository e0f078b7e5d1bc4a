/**
 * pytest fixtures in Jest, which has none: `useFixture` from our conftest
 * runs a generator's set-up before each test and its teardown after it.
 * `tmpPath` mirrors pytest's tmp_path; `csvFile` the course's csv_file
 * fixture (a fixture built on tmpPath). The last test checks that its own
 * fixtures are torn down once it is over: no test reads what another test
 * left, since Jest runs them in random order (see jest.config.js).
 * Python: fixtures/python/test_calc.py (TestFixtures) and conftest.py.
 */

import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { csvFile, tmpPath, useFixture } from '../support/conftest.ts';

describe('TestFixtures', () => {
  const tmp = useFixture(tmpPath);
  const csv = useFixture(csvFile);

  // A check the running test leaves for after its fixtures' teardown. Jest
  // runs a describe's after-hooks in the order they were declared, so this
  // one runs after the two useFixture teardowns above.
  let afterTeardown: (() => void) | undefined;
  afterEach(() => {
    const check = afterTeardown;
    afterTeardown = undefined;
    check?.();
  });

  test('tmp_path is a fresh empty directory [pytest-tmp-path]', async () => {
    expect((await stat(tmp())).isDirectory()).toBe(true);
    expect(await readdir(tmp())).toEqual([]);
  });

  test('csv_file is open for writing and reading [pytest-custom-fixture]', async () => {
    const { handle } = csv();
    await handle.write('year,price\n2017,1\n');
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    expect(buffer.toString('utf8', 0, bytesRead).split('\n')).toEqual(['year,price', '2017,1', '']);
  });

  test('the fixtures were torn down: file closed, directories removed [pytest-fixture-teardown]', () => {
    const dir = tmp();
    const { path, handle } = csv();
    expect(handle.fd).toBeGreaterThanOrEqual(0);
    afterTeardown = () => {
      // A closed FileHandle's descriptor is -1.
      expect(handle.fd).toBe(-1);
      expect(existsSync(dirname(path))).toBe(false);
      expect(existsSync(dir)).toBe(false);
    };
  });
});
