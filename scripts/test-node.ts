/**
 * `npm run test:node [-- MAJOR...]` (default: 22 24): tsdoctest and the lesson suites
 * under other Nodes (see node-releases.ts), each with that Node first on PATH:
 * `tsdoctest src`, the classic demo, tsdoctest's own tests and the Jest and Vitest
 * lesson suites. Exit 0 when every step passed, 1 when one failed, 2 for a usage
 * error or a Node that could not be installed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProgram, EXIT_USAGE } from '../src/cli/usage.ts';
import { InstallError, nodeBinary, SUPPORTED_MAJORS } from './node-releases.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What runs under each Node, as a user would run it: a name and a command line. */
const STEPS: { name: string; command: string[] }[] = [
  { name: 'tsdoctest src', command: ['npm', 'run', 'test:doctest'] },
  { name: 'classic demo', command: ['npm', 'run', 'demo:doctest'] },
  {
    name: "tsdoctest's tests",
    command: [
      'npx',
      'vitest',
      'run',
      '--config',
      'vitest.project.config.ts',
      'specs/project/doctest',
    ],
  },
  { name: 'Jest lessons', command: ['npm', 'run', 'test:jest'] },
  { name: 'Vitest lessons', command: ['npm', 'run', 'test:vitest'] },
  { name: 'doc examples in Vitest', command: ['npm', 'run', 'test:vitest:doctest'] },
];

/** Run every step under `binary`; returns each step's outcome. */
function runSteps(binary: string): { name: string; passed: boolean }[] {
  const env = {
    ...process.env,
    PATH: `${path.dirname(binary)}${path.delimiter}${process.env.PATH}`,
  };
  return STEPS.map(({ name, command }) => {
    process.stdout.write(`\n=== ${name}: ${command.join(' ')}\n`);
    const [file, ...args] = command as [string, ...string[]];
    const run = spawnSync(file, args, { cwd: ROOT, env, stdio: 'inherit' });
    return { name, passed: run.status === 0 };
  });
}

function parseMajor(value: string): number {
  const major = Number(value);
  if (!SUPPORTED_MAJORS.includes(major)) {
    process.stderr.write(
      `test-node: unsupported Node ${JSON.stringify(value)} (choose from ${SUPPORTED_MAJORS.join(', ')})\n`,
    );
    process.exit(EXIT_USAGE);
  }
  return major;
}

const program = createProgram(
  'test:node',
  'Run tsdoctest and the lesson suites under other Node releases.',
).argument('[majors...]', `Node majors among ${SUPPORTED_MAJORS.join(', ')}`, ['22', '24']);
program.parse(process.argv);
const majors = (program.args.length > 0 ? program.args : ['22', '24']).map(parseMajor);

let binaries: { major: number; binary: string }[];
try {
  binaries = majors.map((major) => ({ major, binary: nodeBinary(major) }));
} catch (error) {
  if (!(error instanceof InstallError)) throw error;
  process.stderr.write(`test-node: ${error.message}\n`);
  process.exit(EXIT_USAGE);
}
const summary: string[] = [];
for (const { binary } of binaries) {
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim();
  process.stdout.write(`\n##### Node ${version} (${binary})\n`);
  for (const step of runSteps(binary))
    summary.push(`${version.padEnd(10)} ${step.passed ? 'passed' : 'FAILED'}  ${step.name}`);
}
process.stdout.write(`\ntest-node summary:\n${summary.join('\n')}\n`);
process.exitCode = summary.some((line) => line.includes('FAILED')) ? 1 : 0;
