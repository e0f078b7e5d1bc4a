import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

interface Step {
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  env?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown[]> };
  steps: Step[];
}

const workflow = parse(readFileSync('.github/workflows/ci.yml', 'utf8')) as {
  jobs: Record<string, Job>;
};
const scripts = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
).scripts;
const jobs = Object.entries(workflow.jobs);
const validator = createRequire(import.meta.url).resolve('@action-validator/cli/cli.mjs');
const runs = jobs.flatMap(([, job]) => job.steps.flatMap((step) => (step.run ? [step.run] : [])));

describe('.github/workflows/ci.yml', () => {
  test('every npm script it calls exists in package.json', () => {
    const called = runs.flatMap((run) =>
      [...run.matchAll(/\bnpm run ([\w:.-]+)/g)].map((m) => m[1]),
    );
    expect(called.length).toBeGreaterThan(5);
    const missing = called.filter((name) => name === undefined || !(name in scripts));
    expect(missing).toEqual([]);
  });

  test('npm ci then npm test on Node 20, 22 and 24, with Python, pytest and pytest-cov set up first', () => {
    const test = workflow.jobs.test;
    expect(test?.strategy?.matrix?.node).toEqual([20, 22, 24]);
    const steps = test?.steps ?? [];
    const at = (match: (s: Step) => boolean) => steps.findIndex(match);
    const npmCi = at((s) => s.run === 'npm ci');
    expect(npmCi).toBeGreaterThan(-1);
    expect(steps[npmCi + 1]?.run).toBe('npm test');
    // Without Python the Python column would be empty on GitHub's runners.
    const python = at((s) => s.uses?.startsWith('actions/setup-python@') === true);
    const pip = at((s) => /pip install .*\bpytest\b.*\bpytest-cov\b/.test(s.run ?? ''));
    expect(python).toBeGreaterThan(-1);
    expect(python).toBeLessThan(pip);
    expect(pip).toBeLessThan(npmCi);
  });

  test('a job of its own runs the mutation scores', () => {
    const mutation = workflow.jobs.mutation;
    expect(mutation?.steps.some((s) => s.run === 'npm run mutation')).toBe(true);
  });

  test('npm run lint checks the workflow against its published schema', () => {
    expect(scripts.lint).toContain('action-validator .github/workflows/ci.yml');
    const validate = (file: string) =>
      spawnSync(process.execPath, [validator, file], { encoding: 'utf8' });
    expect(validate('.github/workflows/ci.yml').status).toBe(0);
    // A planted mistake (a misspelt `steps`) is caught, and named.
    const dir = mkdtempSync(join(tmpdir(), 'workflow-'));
    try {
      const broken = join(dir, 'ci.yml');
      const text = readFileSync('.github/workflows/ci.yml', 'utf8');
      writeFileSync(broken, text.replace(/^ {4}steps:/m, '    stepz:'));
      const result = validate(broken);
      expect(result.status).not.toBe(0);
      expect(result.stdout + result.stderr).toContain("'stepz'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('shard jobs turn thresholds off and a merge job checks them on the whole', () => {
    for (const framework of ['vitest', 'jest']) {
      const shard = workflow.jobs[`${framework}-shard`];
      expect(shard?.strategy?.matrix?.shard).toEqual([1, 2]);
      // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's expression syntax
      const shardFlag = '--shard=${{ matrix.shard }}/2';
      expect(shard?.steps.some((s) => s.run?.includes(shardFlag))).toBe(true);
      const merge = workflow.jobs[`${framework}-coverage`];
      expect(merge?.needs).toBe(`${framework}-shard`);
      expect(merge?.steps.some((s) => s.run === `npm run coverage:${framework}:merge`)).toBe(true);
    }
    // Vitest checks thresholds in every run, so its shards must say they are shards.
    expect(workflow.jobs['vitest-shard']?.env?.COVERAGE_SHARD).toBe('1');
    // Jest's shards pass an empty threshold on the command line instead.
    expect(scripts['test:jest:shard']).toContain('--coverageThreshold={}');
  });

  test('coverage and JUnit XML are uploaded, and the table goes to the job summary', () => {
    const uploads = jobs.flatMap(([, job]) =>
      job.steps.filter((s) => s.uses?.startsWith('actions/upload-artifact')),
    );
    const paths = uploads.map((s) => String(s.with?.path));
    expect(paths.some((p) => p.includes('reports/junit/'))).toBe(true);
    expect(paths.some((p) => p.includes('coverage/'))).toBe(true);
    expect(runs.includes('npm run coverage:summary')).toBe(true);
    expect(
      runs.some((run) => run.includes('--reporter junit --output reports/junit/tsdoctest.xml')),
    ).toBe(true);
  });
});
