/** The recorded framework outputs in fixtures/compare/recorded, normalised as the runners would. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Normalised, RunnerId, RunResult } from '../../../src/compare/model.ts';
import {
  normalisePythonDoctest,
  normaliseTsdoctest,
} from '../../../src/compare/normalise/doctest.ts';
import { normaliseJest } from '../../../src/compare/normalise/jest.ts';
import { normalisePytest } from '../../../src/compare/normalise/pytest.ts';
import { normaliseUnittest } from '../../../src/compare/normalise/unittest.ts';
import { normaliseVitest } from '../../../src/compare/normalise/vitest.ts';

/** The recordings were made in /work/main; their absolute paths are relative to that. */
export const RECORDED_ROOT = '/work/main';
export const SAMPLES_PY = 'fixtures/compare/samples/python';

export const recorded = (name: string) =>
  readFileSync(path.join('fixtures/compare/recorded', name), 'utf8');

export const normalised = {
  jest: () => normaliseJest(recorded('jest.json'), recorded('jest.stderr.txt'), RECORDED_ROOT),
  vitest: () =>
    normaliseVitest(
      recorded('vitest.json'),
      recorded('vitest.stdout.txt'),
      recorded('vitest.stderr.txt'),
      RECORDED_ROOT,
    ),
  // tsdoctest's Vitest plugin on src/domain/calculation.ts (vitest.doctest.config.ts).
  'vitest-doctest': () =>
    normaliseVitest(
      recorded('vitest-doctest.json'),
      recorded('vitest-doctest.stdout.txt'),
      '',
      RECORDED_ROOT,
    ),
  pytest: () =>
    normalisePytest(
      recorded('pytest.junit.xml'),
      recorded('pytest.stdout.txt'),
      RECORDED_ROOT,
      SAMPLES_PY,
    ),
  unittest: () => normaliseUnittest(recorded('unittest.json'), RECORDED_ROOT, SAMPLES_PY),
  pydoctest: () => normalisePythonDoctest(recorded('pydoctest.json'), RECORDED_ROOT, SAMPLES_PY),
  tsdoctest: () => normaliseTsdoctest(recorded('tsdoctest.json'), RECORDED_ROOT),
} satisfies Record<RunnerId, () => Normalised>;

/** A finished run made of one recording. */
export function recordedRun(runner: RunnerId, patch: Partial<RunResult> = {}): RunResult {
  return {
    runner,
    column:
      runner === 'pytest' || runner === 'pydoctest' || runner === 'unittest'
        ? 'python'
        : runner === 'vitest-doctest'
          ? 'vitest'
          : runner,
    command: `${runner} (recorded)`,
    available: true,
    exitCode: 1,
    wallMs: 1234,
    ...normalised[runner](),
    ...patch,
  };
}
