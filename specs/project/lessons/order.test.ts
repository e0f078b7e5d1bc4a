/**
 * The lesson suites run in random order by default, so no lesson may read
 * state an earlier test left. Three once did (fixture teardown, class hook
 * order, the automocked class's constructor count); here the files that hold
 * them run under seeds that broke them before, each of those tests runs
 * alone, and so do the Python references that mirror the first two. Only the
 * affected files run: each run starts a framework.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { choosePython, lacking } from '../../../src/cli/python.ts';
import { tagOf } from '../../concept-tags.ts';
import { type Concept, concepts, type TestRef } from '../../concepts.ts';
import {
  FRAMEWORK_RUN_TEST_TIMEOUT_MS,
  type FrameworkName,
  runFrameworkSync,
} from '../../jest/setup/lesson-conventions.ts';

const root = resolve(import.meta.dirname, '../../..');

/** The lessons that once depended on order, as the catalogue names them. */
const AFFECTED = ['pytest-fixture-teardown', 'pytest-class-setup-teardown', 'mock-spec-class'].map(
  (id) => {
    const concept = concepts.find((c) => c.id === id);
    if (!concept) throw new Error(`no concept ${id} in specs/concepts.ts`);
    return concept;
  },
);

/**
 * Seeds under which the lessons failed before they were fixed: with Jest's
 * -1 and -3 all three failed, with Vitest's 3 all three, with 2024 two.
 */
const SEEDS: Record<FrameworkName, number[]> = { jest: [-1, -3, 2024], vitest: [3, 2024, 7] };

/** How each framework is told the seed, and how it prints it. */
const SEED_FLAG: Record<FrameworkName, (seed: number) => string> = {
  jest: (seed) => `--seed=${seed}`,
  vitest: (seed) => `--sequence.seed=${seed}`,
};
const SEED_LINE: Record<FrameworkName, RegExp> = {
  jest: /^Seed:\s+(-?\d+)$/m,
  vitest: /Running tests with seed "(\d+)"/,
};

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  testResults: {
    assertionResults: { ancestorTitles: string[]; title: string; status: string }[];
  }[];
}

let out = '';

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'test-dojo-order-'));
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

/** Run the framework on the lesson files with the lessons' own config; its JSON report and output. */
async function runLessons(framework: FrameworkName, files: string[], flags: string[]) {
  const report = join(out, `${framework}.json`);
  const args =
    framework === 'jest'
      ? ['--runTestsByPath', ...files, '--reporters=default', '--json', `--outputFile=${report}`]
      : ['run', ...files, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const { status, output } = runFrameworkSync(framework, [...args, ...flags], { cwd: root });
  const json = JSON.parse(await readFile(report, 'utf8')) as Report;
  const ran = json.testResults
    .flatMap((file) => file.assertionResults)
    .filter((r) => r.status === 'passed' || r.status === 'failed')
    .map((r) => ({ name: [...r.ancestorTitles, r.title], status: r.status }));
  return { status, output, ran, json };
}

/** The file of a test the catalogue found in the suites. */
function fileOf(ref: TestRef): string {
  if (!ref.file)
    throw new Error('a lesson test is not found in the suites (see the catalogue check)');
  return ref.file;
}

describe.each(['jest', 'vitest'] as const)('%s lessons in random order', (framework) => {
  const files = AFFECTED.map((c) => fileOf(c.mirrors[framework]));

  test.each(SEEDS[framework])(
    'the affected files pass with seed %i, and the seed is printed',
    async (seed) => {
      const { status, output, json } = await runLessons(framework, files, [
        SEED_FLAG[framework](seed),
      ]);
      expect(json.numFailedTests, output).toBe(0);
      expect(json.numPassedTests).toBeGreaterThan(0);
      expect(status).toBe(0);
      expect(output.match(SEED_LINE[framework])?.[1]).toBe(String(seed));
    },
    FRAMEWORK_RUN_TEST_TIMEOUT_MS,
  );

  test.each(AFFECTED.map((c): [string, Concept] => [c.id, c]))(
    '%s passes alone, in random order by default',
    async (_id, concept) => {
      // The test is the one whose title carries the concept's tag (specs/concept-tags.ts).
      const { status, output, ran } = await runLessons(
        framework,
        [fileOf(concept.mirrors[framework])],
        [`--testNamePattern=\\[${concept.id}\\]`],
      );
      expect(ran, output).toHaveLength(1);
      expect(ran.map((r) => [tagOf(r.name.at(-1)), r.status])).toEqual([[concept.id, 'passed']]);
      expect(status).toBe(0);
      // No seed was given: the config shuffles and prints the one it drew.
      expect(output).toMatch(SEED_LINE[framework]);
    },
    FRAMEWORK_RUN_TEST_TIMEOUT_MS,
  );
});

// The Python references of the first two lessons, each alone.
const python = await choosePython();
const missing = lacking(python, 'pytest');
const pythonRefs = AFFECTED.map((c) => c.python).filter((ref) => ref.framework === 'pytest');

describe.skipIf(missing !== undefined && !python.ci)(
  `the Python references${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    test.each(pythonRefs.map((ref): [string, typeof ref] => [(ref.test ?? []).join('::'), ref]))(
      '%s passes alone',
      (_name, ref) => {
        const nodeId = [basename(fileOf(ref)), ...(ref.test ?? [])].join('::');
        const run = spawnSync(python.command ?? 'python3', ['-m', 'pytest', '-q', nodeId], {
          cwd: join(root, dirname(fileOf(ref))),
          env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
          encoding: 'utf8',
          timeout: 60_000,
        });
        const output = `${run.stdout}${run.stderr}`;
        expect(run.status, output).toBe(0);
        expect(output).toMatch(/\b1 passed\b/);
      },
      FRAMEWORK_RUN_TEST_TIMEOUT_MS,
    );
  },
);
