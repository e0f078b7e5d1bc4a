// Learner tests that tell the variants apart by anything but behaviour, each
// accepted by the workshop whose chaffs were subclasses in files of their own
// (exercises/samples/README.md): now rejected. Plus process.exit, which must
// get the same rejection under Jest as under Vitest.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Exercise } from '../../../exercises/exercises.ts';
import { ChildRunner } from '../../../src/workshop/child-runner.ts';
import { exerciseById, repoRoot, variantsOf } from '../../../src/workshop/exercise-lookup.ts';
import { judge, type Verdict } from '../../../src/workshop/verify.ts';

const RUN_TIMEOUT = 120_000;
const sample = (name: string) => resolve(repoRoot, 'exercises/samples', name);

/** Verify sample files of one exercise in one run of its framework, as the CLI does. */
async function verdicts(ex: Exercise, names: string[]): Promise<Record<string, Verdict>> {
  const runner = new ChildRunner(ex.framework);
  try {
    const variants = variantsOf(ex);
    const outcomes = await runner.run(names.map((name) => ({ file: sample(name), variants })));
    return Object.fromEntries(names.map((name, i) => [name, judge(ex, outcomes[i] ?? [])]));
  } finally {
    await runner.close();
  }
}

const sinonStub = exerciseById('sinon-stub');
const callArgs = exerciseById('call-args');
const exitReason =
  'your test fails against the correct Salary: leaves early: process.exit unexpectedly called with "0"';

describe('Vitest (sinon-stub)', () => {
  let results: Record<string, Verdict>;
  beforeAll(async () => {
    results = await verdicts(sinonStub, [
      'detect-prototype.test.ts',
      'detect-stack-path.test.ts',
      'detect-extends.test.ts',
      'pin-source.test.ts',
      'detect-project-name.test.ts',
      'exits.test.ts',
    ]);
  }, RUN_TIMEOUT);

  it.each([
    ['the prototype chain', 'detect-prototype.test.ts'],
    ['the path in a stack frame', 'detect-stack-path.test.ts'],
    ['extends or super in the class source', 'detect-extends.test.ts'],
  ])('%s: every variant looks the same, so every chaff survives', (_how, name) => {
    expect(results[name]).toMatchObject({ accepted: false, killed: [] });
    expect(results[name]?.survived).toEqual(sinonStub.chaffs);
  });

  it("the method's text: it fails on the wheat, and says why", () => {
    const verdict = results['pin-source.test.ts'];
    expect(verdict?.accepted).toBe(false);
    expect(verdict?.failedWheats).toEqual(['salary-rewritten']);
    expect(verdict?.reasons).toEqual([
      expect.stringMatching(
        /^your test fails against a correct version written differently \(Salary with .*\), so it checks how the code is written, not what it does: passes only on the text of the real method: /,
      ),
    ]);
  });

  it('the project name: neutral and random, so the real code fails too', () => {
    expect(results['detect-project-name.test.ts']?.reasons).toEqual([
      expect.stringMatching(
        /^your test fails against the correct Salary: passes only in the project of the real code: expected '[0-9a-f]{8}' to match \/real\/$/,
      ),
    ]);
  });

  it('process.exit fails the test', () => {
    expect(results['exits.test.ts']?.reasons).toEqual([exitReason]);
  });
});

describe('Jest (call-args)', () => {
  let results: Record<string, Verdict>;
  beforeAll(async () => {
    results = await verdicts(callArgs, [
      'detect-require-resolve.jest.test.ts',
      'exits.jest.test.ts',
    ]);
  }, RUN_TIMEOUT);

  it('require.resolve: the real path under every variant, so every chaff survives', () => {
    expect(results['detect-require-resolve.jest.test.ts']).toMatchObject({
      accepted: false,
      killed: [],
      survived: callArgs.chaffs,
    });
  });

  it('process.exit fails the test as under Vitest (not the runner process)', () => {
    expect(results['exits.jest.test.ts']?.reasons).toEqual([exitReason]);
  });
});
