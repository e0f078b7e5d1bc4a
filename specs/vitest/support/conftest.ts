/**
 * The Vitest lessons' conftest: pytest's fixtures with Vitest's native
 * `test.extend`. A fixture function gets the fixtures it names in its first
 * argument (like pytest's fixture arguments), sets up, passes its value to
 * `use`, and tears down after `use` resolves, once the test has finished.
 *
 * - `tmpPath`: pytest's `tmp_path`, a fresh empty directory per test, removed afterwards.
 * - `csvFile`: the course's CSV fixture, `test.csv` open in a fresh `tmpPath`.
 * - `osName`: the `--os-name` option (see specs/jest/setup/lesson-conventions.ts),
 *   read like `request.config.getoption('--os-name')`.
 *
 * Skips: Vitest has `test.skipIf(condition)` natively but no reason on it;
 * the lessons put the reason in the title with `titleWithReason`.
 */
import { type FileHandle, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from 'vitest';
import { type OsName, osNameOption } from '../../jest/setup/lesson-conventions.ts';

export {
  FRAMEWORK_RUN_TEST_TIMEOUT_MS,
  runFrameworkSync,
  titleWithReason,
} from '../../jest/setup/lesson-conventions.ts';

export interface CsvFile {
  path: string;
  handle: FileHandle;
}

export interface LessonFixtures {
  tmpPath: string;
  csvFile: CsvFile;
  osName: OsName;
}

export const test = base.extend<LessonFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern; none here.
  tmpPath: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'test-dojo-vitest-'));
    try {
      await use(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
  // Depends on tmpPath, as csv_file takes tmp_path.
  csvFile: async ({ tmpPath }, use) => {
    const path = join(tmpPath, 'test.csv');
    const handle = await open(path, 'w+');
    try {
      await use({ path, handle });
    } finally {
      await handle.close();
    }
  },
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern; none here.
  osName: async ({}, use) => {
    await use(osNameOption());
  },
});
