// The step runner of `npm test`: steps as real npm scripts of a scratch package,
// each writing to a log when it starts and ends, so the order is seen, not timed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runSteps, type Step } from '../../../scripts/npm-test.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'npm-test-steps-'));
const log = path.join(dir, 'log');
const step = (name: string, code = 0) =>
  `node -e "const f=require('fs');f.appendFileSync('log','start ${name}\\n');console.log('said by ${name}');f.appendFileSync('log','end ${name}\\n');process.exit(${code})"`;
writeFileSync(
  path.join(dir, 'package.json'),
  JSON.stringify({
    name: 'steps',
    private: true,
    scripts: { a: step('a'), b: step('b'), c: step('c'), broken: step('broken', 3) },
  }),
);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(steps: Step[], jobs: number) {
  writeFileSync(log, '');
  let output = '';
  const outcomes = await runSteps(steps, { jobs, cwd: dir, write: (t) => (output += t) });
  return { outcomes, output, log: readFileSync(log, 'utf8').trim().split('\n') };
}

test("one at a time: each step's output in one piece with its time; none starts after a failure", async () => {
  const { outcomes, output, log } = await run(
    [{ script: 'a' }, { script: 'broken' }, { script: 'c' }],
    1,
  );
  expect(Object.fromEntries(outcomes)).toEqual({ a: 'passed', broken: 'failed' });
  expect(log).toEqual(['start a', 'end a', 'start broken', 'end broken']);
  expect(output).toMatch(/──── npm run a ────\n.*said by a\n.*npm-test: a passed in \d+\.\d s\n/s);
  expect(output).toMatch(/said by broken\n.*npm-test: broken failed in \d+\.\d s\n/s);
});

test('two at a time: a step with `after` starts only once that step has passed', async () => {
  const { outcomes, log } = await run(
    [{ script: 'c', after: 'a' }, { script: 'a' }, { script: 'b' }],
    2,
  );
  expect(Object.fromEntries(outcomes)).toEqual({ a: 'passed', b: 'passed', c: 'passed' });
  expect(log.indexOf('start c')).toBeGreaterThan(log.indexOf('end a'));
  expect(log).toHaveLength(6);
});
