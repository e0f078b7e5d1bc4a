/**
 * The Jest lessons' conftest: what pytest gives natively and Jest does not.
 *
 * - `skipIf(condition, reason)`: Jest has `test.skip` but no `skipIf` and no
 *   skip reasons, so the reason goes into the title, where every reporter
 *   (terminal, `--json`, JUnit) shows it.
 * - `useFixture(generator)`: pytest's yield fixtures. The generator's code
 *   before `yield` runs before each test, the code after it runs after each
 *   test (in a `finally`, so also when the test fails).
 * - `tmpPath` / `csvFile`: pytest's `tmp_path` and the course's CSV fixture,
 *   as generators for `useFixture`.
 * - `osNameOption()`: the `--os-name` option (see specs/jest/setup/lesson-conventions.ts).
 */

import { type FileHandle, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from '@jest/globals';

import { titleWithReason } from '../setup/lesson-conventions.ts';

export {
  FRAMEWORK_RUN_TEST_TIMEOUT_MS,
  osNameOption,
  runFrameworkSync,
} from '../setup/lesson-conventions.ts';

/** Like unittest's `@skipIf(condition, reason)`: the returned `test` skips when `condition` holds. */
export function skipIf(condition: boolean, reason: string) {
  const register = condition ? test.skip : test;
  return (title: string, fn: Parameters<typeof test>[1]) =>
    register(titleWithReason(title, reason), fn);
}

/** A pytest-style fixture: set-up, `yield` the value, tear down. */
export type Fixture<T> = () => AsyncGenerator<T, void, void>;

/**
 * Use a fixture in every test of the current `describe`; returns a getter
 * for the current test's value.
 */
export function useFixture<T>(fixture: Fixture<T>): () => T {
  let running: AsyncGenerator<T, void, void> | undefined;
  let value: { current: T } | undefined;
  beforeEach(async () => {
    running = fixture();
    const first = await running.next();
    if (first.done) throw new Error('fixture ended without yielding a value');
    value = { current: first.value };
  });
  afterEach(async () => {
    const finishing = running;
    running = undefined;
    value = undefined;
    // Resume after `yield`: runs the teardown.
    await finishing?.return();
  });
  return () => {
    if (!value) throw new Error('fixture used outside a test');
    return value.current;
  };
}

/** pytest's `tmp_path`: a fresh empty directory per test, removed afterwards. */
export async function* tmpPath(): AsyncGenerator<string, void, void> {
  const dir = await mkdtemp(join(tmpdir(), 'test-dojo-jest-'));
  try {
    yield dir;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The course's `csv_file`: `test.csv` open for writing in a fresh tmpPath. */
export interface CsvFile {
  path: string;
  handle: FileHandle;
}

export async function* csvFile(): AsyncGenerator<CsvFile, void, void> {
  // A fixture built on another fixture, as csv_file uses tmp_path.
  for await (const dir of tmpPath()) {
    const path = join(dir, 'test.csv');
    const handle = await open(path, 'w+');
    try {
      yield { path, handle };
    } finally {
      await handle.close();
    }
  }
}
