/**
 * `pytest -rs` lists every skipped test with its reason. Jest and Vitest
 * take no reason on a skip, so the lessons put it in the title
 * (`title [concept-id] [skip: reason]`); this checks that the reason then really shows
 * in the verbose terminal listing and in the JSON report of each framework.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runFrameworkSync } from '../../jest/setup/lesson-conventions.ts';

const root = resolve(import.meta.dirname, '../../..');
const SKIPPED = 'addNumAndDouble(1, 1) is 4 [pytest-skipif] [skip: this is a release build]';

describe('skip reasons in the reports', () => {
  let out = '';

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'test-dojo-skips-'));
  });

  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  test('jest --verbose lists the skip with its reason, and --json carries it', async () => {
    const report = join(out, 'jest.json');
    const { status, output } = runFrameworkSync(
      'jest',
      [
        'specs/jest/pytest-style/test-calc.test.ts',
        '--verbose',
        '--reporters=default',
        '--json',
        `--outputFile=${report}`,
      ],
      { cwd: root },
    );
    expect(status).toBe(0);
    expect(output).toContain(`○ skipped ${SKIPPED}`);
    const json = JSON.parse(await readFile(report, 'utf8')) as {
      testResults: { assertionResults: { title: string; status: string }[] }[];
    };
    const results = json.testResults.flatMap((file) => file.assertionResults);
    expect(results.find((r) => r.title === SKIPPED)?.status).toBe('pending');
  });

  test('vitest --reporter=verbose lists the skip with its reason, and the JSON report carries it', async () => {
    const report = join(out, 'vitest.json');
    const { status, output } = runFrameworkSync(
      'vitest',
      [
        'run',
        'specs/vitest/pytest-style/test-calc.test.ts',
        '--reporter=verbose',
        '--reporter=json',
        `--outputFile.json=${report}`,
      ],
      { cwd: root },
    );
    expect(status).toBe(0);
    expect(output).toContain(
      `↓ specs/vitest/pytest-style/test-calc.test.ts > TestCal > ${SKIPPED}`,
    );
    const json = JSON.parse(await readFile(report, 'utf8')) as {
      testResults: { assertionResults: { title: string; status: string }[] }[];
    };
    const results = json.testResults.flatMap((file) => file.assertionResults);
    expect(results.find((r) => r.title === SKIPPED)?.status).toBe('skipped');
  });
});
