// The workshop's runner process: one framework (Vitest or Jest) and the
// learner's tests run here, so the CLI stays free to stop a test stuck in an
// endless loop (it kills this process; see child-runner.ts). A process, not
// a worker thread: @swc/core (Jest's transform) crashes the whole process
// when loaded again in a new thread after an earlier one was terminated.
//
// Plain JavaScript, started without the CLI's tsx ESM loader: Vitest's
// modules load natively (tsx's ESM hooks add about a second to them), and
// the workshop's TypeScript comes in through tsx's in-thread CommonJS hooks.
import { createRequire } from 'node:module';

const jest = process.argv[2] === 'jest';
// Start loading the framework at once; requiring the runner below overlaps with it.
const preload = jest ? undefined : import('vitest/node');
const require = createRequire(import.meta.url);
require('tsx/cjs/api').register();
const { serve } = require('./child-runner-protocol.ts');
const runner = jest
  ? new (require('./jest-runner.ts').JestRunner)()
  : new (require('./vitest-runner.ts').VitestRunner)();
await preload;
// The CLI went away (Ctrl-C, a crash): do not outlive it.
process.on('disconnect', () => process.exit(0));
serve(process, runner);
