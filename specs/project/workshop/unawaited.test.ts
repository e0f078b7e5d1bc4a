// Assertions a test does not wait for: found in the source (unit), and the
// samples verified for real under Vitest and Jest (end to end).

import { resolve } from 'node:path';
import stripAnsi from 'strip-ansi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exerciseById, repoRoot } from '../../../src/workshop/exercise-lookup.ts';
import { unawaitedAssertions, unawaitedReason } from '../../../src/workshop/unawaited.ts';
import { judge } from '../../../src/workshop/verify.ts';
import { Workshop } from '../../../src/workshop/workshop.ts';
import { type TempWorkspace, tempWorkspace } from './temp-workspace.ts';
import { variantOutcome } from './variant-outcome.ts';

const RUN_TIMEOUT = 120_000;

/** The findings in a test body, as `line kind code`. */
async function found(body: string): Promise<string[]> {
  const source = `import { expect, it } from 'vitest';\nit('t', async () => {\n${body}\n});\n`;
  return (await unawaitedAssertions(source)).map((u) => `${u.line} ${u.kind} ${u.code}`);
}

describe('unawaitedAssertions', () => {
  it.each([
    ['expect(p).resolves.toBe(1);', '3 matcher expect(p).resolves.toBe(1)'],
    ['expect(p).rejects.toThrow(Error);', '3 matcher expect(p).rejects.toThrow(Error)'],
    ['expect(p).resolves.not.toBe(2);', '3 matcher expect(p).resolves.not.toBe(2)'],
    ['expect.soft(p).resolves.toBe(1);', '3 matcher expect.soft(p).resolves.toBe(1)'],
    ['expect.poll(() => n).toBe(1);', '3 matcher expect.poll(() => n).toBe(1)'],
    ['void expect(p).resolves.toBe(1);', '3 matcher void expect(p).resolves.toBe(1)'],
    ['p.then((v) => { expect(v).toBe(1); });', '3 callback p.then(…)'],
    ['p.then((v) => expect(v).toBe(1)).catch(() => {});', '3 callback p.then(…)'],
    ['p.catch((e) => {\n  sinon.assert.calledOnce(stub);\n});', '3 callback p.catch(…)'],
    ['s.calc().finally(() => assert.equal(1, 1));', '3 callback s.calc().finally(…)'],
  ])('finds %s', async (body, finding) => {
    expect(await found(body)).toEqual([finding]);
  });

  it.each([
    'await expect(p).resolves.toBe(1);',
    'return expect(p).resolves.toBe(1);',
    'const check = expect(p).rejects.toThrow(Error);\nawait check;',
    'await Promise.all([expect(p).resolves.toBe(1)]);',
    'expect(await p).toBe(1);',
    'expect(total).toBe(101);',
    'await p.then((v) => expect(v).toBe(1));',
    'return p.then((v) => { expect(v).toBe(1); });',
    'p.catch(() => undefined);',
    'p.then(() => done());',
  ])('leaves alone %s', async (body) => {
    expect(await found(body)).toEqual([]);
  });

  it('looks inside nested functions, and names each line', async () => {
    expect(
      await found(
        'describe("d", () => {\n  it("i", () => {\n    expect(p).resolves.toBe(1);\n  });\n});',
      ),
    ).toEqual(['5 matcher expect(p).resolves.toBe(1)']);
  });

  it('shortens long code to one line', async () => {
    const [finding] = await unawaitedAssertions(
      `expect(\n  salary.calculationSalary(${'x'.repeat(80)}),\n).resolves.toBe(101);`,
    );
    expect(finding?.code).toHaveLength(70);
    expect(finding?.code).toMatch(/^expect\( salary\.calculationSalary\(x+…$/);
  });
});

describe('judge with unawaited assertions', () => {
  const ex = exerciseById('return-value');
  const run = variantOutcome;
  const killsAll = [
    run('real'),
    run('salary-rewritten'),
    ...ex.chaffs.map((c) => run(c, { status: 'failed', passed: 0, failed: 1 })),
  ];
  const unawaited = { line: 7, code: 'expect(p).resolves.toBe(101)', kind: 'matcher' as const };

  it('rejects a test that otherwise passes, naming the line first', () => {
    expect(judge(ex, killsAll).accepted).toBe(true);
    const verdict = judge(ex, killsAll, [unawaited]);
    expect(verdict).toMatchObject({ accepted: false, killed: ex.chaffs });
    expect(verdict.reasons).toEqual([unawaitedReason(unawaited)]);
    expect(verdict.reasons[0]).toBe(
      'line 7: `expect(p).resolves.toBe(101)` is a promise neither awaited nor returned, so your test can end before this assertion runs: write `await` before it (in an async test) or `return` it',
    );
  });

  it('keeps the other reasons after it', () => {
    const verdict = judge(
      ex,
      [run('real'), run('salary-rewritten'), run('salary-ignores-bonus')],
      [unawaited],
    );
    expect(verdict.reasons).toEqual([
      unawaitedReason(unawaited),
      'your test did not notice: Salary asks for the bonus but never adds it',
    ]);
  });

  it('says only that a file that could not be run could not be run', () => {
    const broken = run('real', { status: 'error', passed: 0, message: 'SyntaxError: x' });
    expect(judge(ex, [broken], [unawaited]).reasons).toEqual([
      'your test file could not be run: SyntaxError: x',
    ]);
  });
});

describe('the samples, verified for real', () => {
  let ws: TempWorkspace;
  let workshop: Workshop;
  beforeAll(async () => {
    ws = await tempWorkspace();
    workshop = new Workshop({ workspace: ws.dir, stateFile: ws.stateFile });
  });
  afterAll(async () => {
    await workshop.close();
    await ws.remove();
  });
  const sample = (name: string) => resolve(repoRoot, 'exercises/samples', name);

  it(
    'Vitest: an unawaited resolves is rejected, though Vitest awaited it and every chaff failed',
    async () => {
      const ex = exerciseById('return-value');
      const { verdict } = await workshop.verify(ex, sample('unawaited.test.ts'));
      expect(verdict).toMatchObject({ accepted: false, killed: ex.chaffs, survived: [] });
      expect(verdict.reasons).toEqual([
        'line 11: `expect(salary.calculationSalary()).resolves.toBe(101)` is a promise neither awaited nor returned, so your test can end before this assertion runs: write `await` before it (in an async test) or `return` it',
      ]);
    },
    RUN_TIMEOUT,
  );

  it(
    'Jest: an assertion in a .then not returned is rejected, and its late failure does not end the runner',
    async () => {
      const ex = exerciseById('patch-decorator');
      const { verdict, report } = await workshop.verify(ex, sample('unawaited.jest.test.ts'));
      expect(verdict.accepted).toBe(false);
      expect(verdict.reasons[0]).toBe(
        'line 12: the assertion inside `new Salary({ base: 100, year: 2017 }).calculationSalary().then(…)` runs only after your test has ended, because that promise is neither awaited nor returned: `await` the value (`const total = await ...`) and assert on it, or `return` the promise',
      );
      // Colours follow the terminal (and CI=true), so read the report without them.
      expect(stripAnsi(report)).toMatch(
        /^rejected: .*unawaited\.jest\.test\.ts \(patch-decorator\)\n/,
      );
      // Jest waits a turn after each test, so the late failure is the test's own:
      // on the real code it passes, on a chaff it fails (no crash, no stray error).
      expect(verdict.failedWheats).toEqual([]);
      expect(verdict.killed).toEqual(ex.chaffs);
    },
    RUN_TIMEOUT,
  );
});
