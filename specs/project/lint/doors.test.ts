/**
 * The one-way doors of .dependency-cruiser.cjs, shown to bite: a tiny tree
 * with every allowed door and one planted violation per rule, cruised with
 * the project's own config the way `npm run lint` cruises the real tree.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const config = join(root, '.dependency-cruiser.cjs');
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const FOLDERS = ['src', 'specs', 'scripts', 'exercises', 'fixtures'];
/** How long the cruise may take; the hook that runs it gets as long (a busy machine is slow). */
const CRUISE_LIMIT_MS = 60_000;

/** file -> the files it imports (relative to the tree's root). */
const tree: Record<string, string[]> = {
  // Allowed doors.
  'fixtures/bonus/data.ts': [],
  'src/domain/salary.ts': ['fixtures/bonus/data.ts'],
  'specs/concepts.ts': ['src/domain/salary.ts'],
  'specs/jest/setup/support.ts': ['src/domain/salary.ts'],
  'specs/vitest/lesson.test.ts': ['specs/jest/setup/support.ts', 'specs/concepts.ts'],
  'fixtures/python/lesson.ts': ['src/domain/salary.ts'],
  'src/cli/usage.ts': ['src/domain/salary.ts', 'specs/concepts.ts'],
  'src/workshop/exercise-lookup.ts': ['specs/jest/setup/support.ts', 'src/cli/usage.ts'],
  'scripts/tool.ts': ['src/workshop/exercise-lookup.ts', 'specs/vitest/lesson.test.ts'],
  'src/doctest/runner.ts': [],
  'src/doctest/cli.ts': ['src/doctest/runner.ts'],
  'specs/project/tool.test.ts': [
    'scripts/tool.ts',
    'src/doctest/runner.ts',
    'src/domain/salary.ts',
  ],
  // One violation per rule.
  'src/domain/bonus-api.ts': ['src/cli/usage.ts'],
  'exercises/exercises.ts': ['src/domain/salary.ts', 'src/workshop/exercise-lookup.ts'],
  'src/doctest/files.ts': ['src/cli/usage.ts'],
  'src/compare/coverage.ts': ['scripts/tool.ts'],
  'src/compare/main.ts': ['specs/project/tool.test.ts'],
  'src/workshop/cli.ts': ['src/workshop/watch.ts'],
  'src/workshop/watch.ts': ['src/workshop/cli.ts'],
  'scripts/broken.ts': ['scripts/missing.ts'],
};

let dir: string;
let result: { status: number | null; output: string };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'test-dojo-doors-'));
  for (const [file, imports] of Object.entries(tree)) {
    const lines = imports.map((target, i) => {
      let specifier = relativeSpecifier(dirname(file), target);
      if (!specifier.startsWith('.')) specifier = `./${specifier}`;
      return `import * as m${i} from '${specifier}';\nexport const use${i} = m${i};`;
    });
    mkdirSync(join(dir, dirname(file)), { recursive: true });
    writeFileSync(join(dir, file), `${lines.join('\n')}\nexport const here = 1;\n`);
  }
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        allowImportingTsExtensions: true,
        noEmit: true,
      },
    }),
  );
  const run = spawnSync(process.execPath, [depcruise, ...FOLDERS, '--config', config], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: CRUISE_LIMIT_MS,
  });
  if (run.error) throw run.error;
  result = { status: run.status, output: `${run.stdout}${run.stderr}` };
}, CRUISE_LIMIT_MS + 10_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function relativeSpecifier(fromDir: string, target: string): string {
  const up = fromDir.split('/').map(() => '..');
  return [...up, target].join('/');
}

/** `rule: from` for each one-line violation, and the rule of each cycle. */
function violations(output: string): string[] {
  return [...output.matchAll(/error ([\w-]+): (\S+) →/g)].map((m) => `${m[1]}: ${m[2]}`).sort();
}

describe('the doors of .dependency-cruiser.cjs', () => {
  it('npm run lint cruises every folder with this config', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.lint).toContain(
      `depcruise ${FOLDERS.join(' ')} --config .dependency-cruiser.cjs`,
    );
  });

  it('fails on planted violations, naming each rule and file, and on nothing else', () => {
    expect(result.status, result.output).not.toBe(0);
    expect(violations(result.output)).toEqual(
      [
        'domain-imports-only-domain: src/domain/bonus-api.ts',
        'lessons-import-domain-and-lessons: exercises/exercises.ts',
        'tsdoctest-stands-apart: src/doctest/files.ts',
        'src-never-imports-scripts: src/compare/coverage.ts',
        'tools-do-not-import-project-tests: src/compare/main.ts',
        // A cycle is named once, by the file it was found from.
        'no-circular: src/workshop/cli.ts',
        'imports-resolve: scripts/broken.ts',
      ].sort(),
    );
  });
});
