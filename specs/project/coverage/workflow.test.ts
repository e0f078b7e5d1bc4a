import { readFileSync } from 'node:fs';
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

  test('npm ci then npm test on Node 20, 22 and 24', () => {
    const test = workflow.jobs.test;
    expect(test?.strategy?.matrix?.node).toEqual([20, 22, 24]);
    const commands = test?.steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(commands?.slice(0, 2)).toEqual(['npm ci', 'npm test']);
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
