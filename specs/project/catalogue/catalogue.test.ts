/**
 * The static catalogue check: every concept in specs/concepts.ts has a Jest
 * and a Vitest test and a Python reference tagged with its id, no test is
 * tagged twice or with an id the catalogue lacks, every doctest item it names
 * is declared, skips say why, and only the demos may fail. (Whether each
 * cell gets its expected outcome when the suites run is the runtime check in
 * specs/project/compare.)
 */

import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import {
  type Concept,
  type ConceptEntry,
  catalogue,
  concepts,
  LESSON_ROOTS,
  type Mirror,
  resolveConcepts,
  type SuiteRoots,
  type TestRef,
} from '../../concepts.ts';

const root = resolve(import.meta.dirname, '../../..');

function source(file: string): string {
  return readFileSync(resolve(root, file), 'utf8');
}

/** Names declared in a TypeScript file: classes, functions, methods. */
function declaredNames(file: string): Set<string> {
  const sf = ts.createSourceFile(file, source(file), ts.ScriptTarget.Latest, false);
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (
      (ts.isClassDeclaration(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isMethodDeclaration(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    ) {
      found.add(node.name.text);
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return found;
}

/** Names defined in a Python file with `class` or `def`. */
function pythonNames(file: string): Set<string> {
  return new Set([...source(file).matchAll(/^\s*(?:class|def)\s+(\w+)/gm)].map((m) => m[1] ?? ''));
}

/** Doctest items are `<module>.<qualified name>`; the module is the file's base name. */
function checkDoctestItem(item: string, file: string, names: Set<string>): string | undefined {
  const moduleName = basename(file, extname(file));
  if (item !== moduleName && !item.startsWith(`${moduleName}.`)) {
    return `${file}: item ${item} is not in module ${moduleName}`;
  }
  const missing = item
    .slice(moduleName.length + 1)
    .split('.')
    .filter((part) => part !== '' && !names.has(part));
  return missing.length > 0 ? `${file}: ${item} names undefined ${missing.join(', ')}` : undefined;
}

function mirrorsOf(concept: Concept): [string, Mirror][] {
  return Object.entries(concept.mirrors).filter((entry): entry is [string, Mirror] => !!entry[1]);
}

/** A pytest reference in any other module is a doctest item (`pytest --doctest-modules`). */
function isPytestFile(file: string): boolean {
  return /^(test_.*|.*_test)\.py$/.test(basename(file));
}

/** Where a Vitest mirror lives: the lessons, or for a doctest item the plugin config's folders. */
function vitestHome(mirror: Mirror): readonly string[] {
  return mirror.config ? (LESSON_ROOTS.vitestDoctest?.dirs ?? []) : [LESSON_ROOTS.vitest];
}

function pythonRefsOf(concept: Concept) {
  const { also = [], ...main } = concept.python;
  return [main, ...also];
}

function allRefs(concept: Concept): TestRef[] {
  return [...pythonRefsOf(concept), ...mirrorsOf(concept).map(([, mirror]) => mirror)];
}

describe('the concept catalogue', () => {
  test('has rows, with unique kebab-case ids prefixed by their lesson', () => {
    expect(concepts.length).toBeGreaterThan(0);
    const ids = concepts.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const bad = concepts.filter(
      (c) =>
        !/^[a-z0-9]+(-[a-z0-9]+)+$/.test(c.id) ||
        !(c.id.startsWith(`${c.lesson}-`) || (c.demo === true && c.id.startsWith('demo-'))),
    );
    expect(bad.map((c) => c.id)).toEqual([]);
  });

  test('every concept has its tests tagged in the suites, and every tag names a concept', () => {
    expect(catalogue.problems).toEqual([]);
    const incomplete = concepts
      .filter(
        (c) =>
          !c.mirrors.jest.file?.startsWith('specs/jest/') ||
          !vitestHome(c.mirrors.vitest).some((dir) =>
            c.mirrors.vitest.file?.startsWith(`${dir}/`),
          ) ||
          !c.python.file?.startsWith('fixtures/python/') ||
          c.title.trim() === '' ||
          c.explanation.trim() === '' ||
          mirrorsOf(c).some(([, m]) => m.how.trim() === ''),
      )
      .map((c) => c.id);
    expect(incomplete).toEqual([]);
  });

  test('every doctest item it names is defined in its file', () => {
    const items = concepts.flatMap((c) =>
      [
        ...pythonRefsOf(c),
        c.mirrors.tsdoctest,
        c.mirrors.vitest.config ? c.mirrors.vitest : undefined,
      ].flatMap((ref) =>
        ref?.file &&
        (ref.file.endsWith('.ts') ||
          ('framework' in ref && (ref.framework === 'doctest' || !isPytestFile(ref.file))))
          ? [{ id: c.id, ref }]
          : [],
      ),
    );
    expect(items.length).toBeGreaterThan(0);
    const problems = items.flatMap(({ id, ref }) => {
      const file = ref.file ?? '';
      const names = file.endsWith('.py') ? pythonNames(file) : declaredNames(file);
      const [item, ...rest] = ref.test ?? [];
      const problem =
        item === undefined || rest.length > 0
          ? `${file}: a doctest item is one name`
          : checkDoctestItem(item, file, names);
      return problem ? [`${id}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  test('every skip has a reason the reports show', () => {
    const problems = concepts.flatMap((c) =>
      allRefs(c).flatMap((ref) => {
        const { expected } = ref;
        if (expected.outcome !== 'skip') return [];
        if (expected.reason.trim() === '') return [`${c.id}: ${ref.file}: skip without a reason`];
        // The reason is in the test's source: its title for Jest and Vitest, pytest's or unittest's skip.
        const visible = ref.file !== undefined && source(ref.file).includes(expected.reason);
        return visible ? [] : [`${c.id}: ${ref.file}: reason not shown: ${expected.reason}`];
      }),
    );
    expect(problems).toEqual([]);
  });

  test('only demos fail, and demos live where normal runs leave them out', () => {
    const problems = concepts.flatMap((c) =>
      allRefs(c).flatMap((ref) => {
        const isFail = ref.expected.outcome === 'fail';
        const file = ref.file ?? '';
        const inDemoFolder = /(^|\/)demo[-_]failures\//.test(file);
        const isPythonDoctest = 'framework' in ref && ref.framework === 'doctest';
        if (isFail && !c.demo) return [`${c.id}: ${file}: fails but is not a demo`];
        if (c.demo && !isFail) return [`${c.id}: ${file}: a demo cell must be expected to fail`];
        // Demo tests must be excluded from normal runs; doctest demo modules are run explicitly.
        if (c.demo && !inDemoFolder && !isPythonDoctest && file.startsWith('specs/')) {
          return [`${c.id}: ${file}: demo outside a demo-failures folder`];
        }
        if (!c.demo && inDemoFolder) return [`${c.id}: ${file}: lesson inside a demo folder`];
        return [];
      }),
    );
    expect(problems).toEqual([]);
  });
});

describe('the check fails on a planted mistake', () => {
  const how = { support: 'native', how: 'planted' } as const;
  const entry = (id: string): ConceptEntry => ({
    id,
    lesson: 'unittest',
    title: id,
    explanation: 'planted',
    python: { framework: 'unittest' },
    mirrors: { jest: how, vitest: how },
  });
  const roots: SuiteRoots = {
    jest: 'jest',
    vitest: 'vitest',
    python: 'python',
    tsdoctest: ['python'],
  };

  /** A tiny tree of suites in a temporary folder, resolved against `list`. */
  async function plant(files: Record<string, string>, list: ConceptEntry[], within = roots) {
    const dir = await mkdtemp(join(tmpdir(), 'test-dojo-catalogue-'));
    try {
      for (const [file, text] of Object.entries(files)) {
        await mkdir(dirname(join(dir, file)), { recursive: true });
        await writeFile(join(dir, file), text);
      }
      return resolveConcepts(list, within, dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  const suites = {
    'jest/a.test.ts': "test('adds [unittest-adds]', () => {});\n",
    'vitest/a.test.ts': "test('adds [unittest-adds]', () => {});\n",
    'python/test_a.py':
      'class T(unittest.TestCase):\n    def test_adds(self):\n        """Adds. [unittest-adds]"""\n',
  };

  test('a complete tree resolves, with the files and the Python name', async () => {
    const { concepts: found, problems } = await plant(suites, [entry('unittest-adds')]);
    expect(problems).toEqual([]);
    expect(found[0]?.mirrors.jest).toMatchObject({ file: 'jest/a.test.ts', line: 1 });
    expect(found[0]?.python).toMatchObject({ file: 'python/test_a.py', test: ['T', 'test_adds'] });
  });

  test('a concept that lacks a mirror', async () => {
    const { problems } = await plant({ ...suites, 'jest/a.test.ts': "test('adds', () => {});\n" }, [
      entry('unittest-adds'),
    ]);
    expect(problems).toEqual(['unittest-adds: no jest test under jest/ is tagged [unittest-adds]']);
  });

  test('a mirror that names an unknown concept', async () => {
    const { problems } = await plant(
      { ...suites, 'vitest/b.test.ts': "it.skip('subtracts [unittest-subtracts]', () => {});\n" },
      [entry('unittest-adds')],
    );
    expect(problems).toEqual([
      'vitest/b.test.ts:1: vitest test tagged [unittest-subtracts], which is no concept',
    ]);
  });

  test("a Vitest doctest item runs under the plugin's config; a Jest mirror may reuse a test", async () => {
    const item: ConceptEntry = {
      ...entry('doctest-in-vitest'),
      lesson: 'doctest',
      python: { framework: 'doctest', item: 'calc.add' },
      mirrors: { jest: { ...how, tag: 'unittest-adds' }, vitest: { ...how, item: 'calc.add' } },
    };
    const list = [entry('unittest-adds'), item];
    const withPlugin = {
      ...roots,
      vitestDoctest: { config: 'v.doctest.config.ts', dirs: ['src'] },
    };
    const files = { ...suites, 'python/calc.py': '', 'src/calc.ts': '' };
    const { concepts: found, problems } = await plant(files, list, withPlugin);
    expect(problems).toEqual([]);
    expect(found[1]?.mirrors.vitest).toMatchObject({
      file: 'src/calc.ts',
      test: ['calc.add'],
      config: 'v.doctest.config.ts',
    });
    expect(found[1]?.mirrors.jest).toMatchObject({ file: 'jest/a.test.ts', tag: 'unittest-adds' });
    // Without a plugin config, or reusing a tag that is no concept: a problem each.
    const lost: ConceptEntry = {
      ...item,
      mirrors: { ...item.mirrors, jest: { ...how, tag: 'unittest-gone' } },
    };
    expect((await plant(files, [entry('unittest-adds'), lost])).problems).toEqual([
      'doctest-in-vitest: its jest mirror reuses [unittest-gone], which is no concept',
      'doctest-in-vitest: the vitest item calc.add needs a Vitest config for tsdoctest',
    ]);
  });

  test('a concept tagged twice; a tag in an assertion is no test', async () => {
    const twice = `${suites['jest/a.test.ts']}test('adds again [unittest-adds]', () => {
  expect(name).toBe('adds [unittest-adds]');
});\n`;
    const { problems } = await plant({ ...suites, 'jest/a.test.ts': twice }, [
      entry('unittest-adds'),
    ]);
    expect(problems).toEqual([
      'unittest-adds: more than one jest test is tagged [unittest-adds]: jest/a.test.ts:1, jest/a.test.ts:2',
    ]);
  });
});
