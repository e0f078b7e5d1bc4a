// The runners end to end: real Vitest and Jest runs of the model solutions,
// the starters and the sample learner mistakes in exercises/samples.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exercise } from '../../../exercises/exercises.ts';
import {
  exerciseById,
  repoRoot,
  solutionPath,
  starterPath,
  variantsOf,
} from '../../../src/workshop/exercise-lookup.ts';
import { JestRunner } from '../../../src/workshop/jest-runner.ts';
import type { VariantOutcome } from '../../../src/workshop/types.ts';
import { judge, type Verdict } from '../../../src/workshop/verify.ts';
import { VitestRunner } from '../../../src/workshop/vitest-runner.ts';
import { type TempWorkspace, tempWorkspace } from './temp-workspace.ts';

/** A framework run on a loaded 2-core machine: generous, it is not a speed check. */
const RUN_TIMEOUT = 120_000;

const sample = (name: string) => resolve(repoRoot, 'exercises/samples', name);

let ws: TempWorkspace;
beforeAll(async () => {
  ws = await tempWorkspace();
});
afterAll(() => ws.remove());

/** A learner file with a syntax error, two levels below the root like a real copy. */
async function brokenFile(name: string): Promise<string> {
  const file = join(ws.dir, 'broken', name);
  await mkdir(join(ws.dir, 'broken'), { recursive: true });
  await writeFile(file, "import { it } from 'vitest';\nit('x', () => {\n  const total = ;\n});\n");
  return file;
}

/** Run files of one exercise in one runner call and judge each. */
async function verdicts(
  runner: VitestRunner | JestRunner,
  ex: Exercise,
  files: string[],
): Promise<{ verdicts: Verdict[]; outcomes: VariantOutcome[][] }> {
  const variants = variantsOf(ex);
  const outcomes = await runner.run(files.map((file) => ({ file, variants })));
  return { outcomes, verdicts: outcomes.map((o) => judge(ex, o)) };
}

describe('Vitest runner (sinon-stub: three chaffs)', () => {
  const ex = exerciseById('sinon-stub');
  const runner = new VitestRunner();
  let result: Awaited<ReturnType<typeof verdicts>>;

  beforeAll(async () => {
    const files = [
      solutionPath(ex),
      starterPath(ex),
      sample('vacuous.test.ts'),
      sample('wrong-total.test.ts'),
      await brokenFile('syntax.test.ts'),
    ];
    result = await verdicts(runner, ex, files);
  }, RUN_TIMEOUT);
  afterAll(() => runner.close());

  it('accepts the solution: passes on the real code, kills every chaff', () => {
    expect(result.verdicts[0]).toEqual({
      accepted: true,
      reasons: [],
      killed: ex.chaffs,
      survived: [],
      failedWheats: [],
    });
  });

  it('rejects the starter', () => {
    expect(result.verdicts[1]?.accepted).toBe(false);
    expect(result.verdicts[1]?.reasons.length).toBeGreaterThan(0);
  });

  it('rejects a vacuous test, naming every chaff as unnoticed', () => {
    expect(result.verdicts[2]?.reasons).toEqual([
      'your test did not notice: Salary asks for the bonus but never adds it',
      "your test did not notice: Salary asks for last year's bonus",
      'your test did not notice: Salary calls the API twice',
    ]);
  });

  it('rejects a test that fails against the real code, with the failure', () => {
    expect(result.verdicts[3]?.reasons).toEqual([
      'your test fails against the correct Salary: adds the bonus: expected 101 to be 102 // Object.is equality',
    ]);
  });

  it('reports a syntax error in the learner file clearly', () => {
    const [reason] = result.verdicts[4]?.reasons ?? [];
    expect(reason).toMatch(
      /^your test file could not be run: .*Unexpected token \(at .*broken\/syntax\.test\.ts:3:17\)$/,
    );
    expect(result.outcomes[4]?.[0]?.status).toBe('error');
  });
});

describe('a live Vitest instance (watch mode)', () => {
  it('reruns the same jobs without restarting and sees the edited file', async () => {
    const runner = new VitestRunner();
    try {
      const file = await brokenFile('live.test.ts');
      const jobs = [{ file, variants: variantsOf(exerciseById('return-value')).slice(0, 1) }];
      const [before] = await runner.run(jobs);
      expect(before?.[0]?.status).toBe('error');
      await writeFile(
        file,
        "import { expect, it } from 'vitest';\nit('fixed', () => {\n  expect(1 + 1).toBe(2);\n});\n",
      );
      const [after] = await runner.run(jobs);
      expect(after).toEqual([
        { variant: 'real', status: 'passed', passed: 1, failed: 0, skipped: 0 },
      ]);
    } finally {
      await runner.close();
    }
  });
});

describe('the projects of a live Vitest instance', () => {
  it(
    'have neutral names and are dealt the variants afresh on every run',
    async () => {
      const runner = new VitestRunner();
      const dir = join(ws.dir, 'probe');
      const log = join(dir, 'served.log');
      const file = join(dir, 'probe.test.ts');
      await mkdir(dir, { recursive: true });
      // Logs which project was served the wheat (the only Salary with #withBonus).
      await writeFile(
        file,
        [
          "import { appendFileSync } from 'node:fs';",
          "import { it } from 'vitest';",
          "import { Salary } from '../../src/domain/salary.ts';",
          "it('logs', ({ task }) => {",
          "  const wheat = Salary.prototype.calculationSalary.toString().includes('#withBonus');",
          `  if (wheat) appendFileSync(${JSON.stringify(log)}, task.file.projectName + '\\n');`,
          '});',
          '',
        ].join('\n'),
      );
      const jobs = [{ file, variants: variantsOf(exerciseById('sinon-stub')) }];
      try {
        for (let run = 0; run < 6; run++) await runner.run(jobs);
      } finally {
        await runner.close();
      }
      const slots = (await readFile(log, 'utf8')).trim().split('\n');
      expect(slots).toHaveLength(6);
      for (const name of slots) expect(name).toMatch(/^[0-9a-f]{8}$/);
      // Five projects: the same one six times in a row happens once in 3125 runs of this test.
      expect(new Set(slots).size).toBeGreaterThan(1);
    },
    RUN_TIMEOUT,
  );
});

describe('Jest runner (call-args: two chaffs)', () => {
  const ex = exerciseById('call-args');
  let result: Awaited<ReturnType<typeof verdicts>>;

  beforeAll(async () => {
    const files = [
      solutionPath(ex),
      starterPath(ex),
      sample('vacuous.jest.test.ts'),
      await brokenFile('syntax.jest.test.ts'),
    ];
    result = await verdicts(new JestRunner(), ex, files);
  }, RUN_TIMEOUT);

  it('accepts the solution', () => {
    expect(result.verdicts[0]?.accepted).toBe(true);
    expect(result.verdicts[0]?.killed).toEqual(ex.chaffs);
  });

  it('rejects the starter: it does not check the year or the call count', () => {
    expect(result.verdicts[1]?.survived).toEqual(ex.chaffs);
  });

  it('rejects a vacuous test, naming every chaff', () => {
    expect(result.verdicts[2]?.reasons).toEqual([
      "your test did not notice: Salary asks for last year's bonus",
      'your test did not notice: Salary calls the API twice',
    ]);
  });

  it('reports a syntax error in the learner file clearly', () => {
    expect(result.outcomes[3]?.[0]?.status).toBe('error');
    expect(result.verdicts[3]?.reasons[0]).toMatch(
      /^your test file could not be run: Expression expected \(at .*broken\/syntax\.jest\.test\.ts:3:1\)$/,
    );
    // Every variant sees the same broken file.
    expect(result.outcomes[3]?.map((o) => o.status)).toEqual(['error', 'error', 'error', 'error']);
  });
});
