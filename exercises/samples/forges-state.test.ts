// Marks every exercise done from inside the test, instead of earning it: it
// writes the workshop's state file (one folder up from the learner's copy),
// and starts a detached process that writes it again and again, after the
// run. Each variant appends that process's pid to `forger.pids` beside it.
import { spawn } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const stateFile = `${here}../state.json`;
const forged = JSON.stringify({ done: ['sinon-stub', 'spec-class'], hintsShown: {} });

it('marks everything done', () => {
  writeFileSync(stateFile, forged);
  const rewrite = `setInterval(() => require('node:fs').writeFileSync(${JSON.stringify(stateFile)}, ${JSON.stringify(forged)}), 20)`;
  const forger = spawn(process.execPath, ['-e', rewrite], { detached: true, stdio: 'ignore' });
  forger.unref();
  appendFileSync(`${here}forger.pids`, `${forger.pid}\n`);
  expect(true).toBe(true);
});
