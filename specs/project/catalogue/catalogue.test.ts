/**
 * The static catalogue check: every concept in specs/concepts.ts names files
 * that exist and tests that are really in them, every concept has a Jest
 * and a Vitest mirror and a Python reference, skips say why, and only the
 * demos may fail. (Whether each cell gets its expected outcome when the
 * suites run is the runtime check in specs/project/compare.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { type Concept, concepts, type Mirror, type TestRef } from '../../concepts.ts';

const root = resolve(import.meta.dirname, '../../..');

/** `title [skip: reason]`, the convention of specs/jest/setup/lesson-conventions.ts. */
const SKIP_TITLE = /^(.*) \[skip: (.*)\]$/;

function source(file: string): string {
  return readFileSync(resolve(root, file), 'utf8');
}

/** Every string literal in a TypeScript file (test titles are literals). */
function stringLiterals(file: string): Set<string> {
  const sf = ts.createSourceFile(file, source(file), ts.ScriptTarget.Latest, false);
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.add(node.text);
    node.forEachChild(visit);
  };
  visit(sf);
  return found;
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

/** Why a Jest/Vitest test name path does not match its file, or undefined. */
function checkFrameworkRef(ref: TestRef): string | undefined {
  const literals = stringLiterals(ref.file);
  for (const title of ref.test) {
    const skip = SKIP_TITLE.exec(title);
    const parts = skip ? [skip[1] ?? '', skip[2] ?? ''] : [title];
    const missing = parts.filter((part) => !literals.has(part) && !literals.has(title));
    if (missing.length > 0) return `${ref.file}: no test titled ${JSON.stringify(title)}`;
  }
  return undefined;
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

function allRefs(concept: Concept): TestRef[] {
  return [concept.python, ...mirrorsOf(concept).map(([, mirror]) => mirror)];
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

  test('every concept has a Jest and a Vitest mirror, a Python reference and an explanation', () => {
    const incomplete = concepts
      .filter(
        (c) =>
          !c.mirrors.jest?.file.startsWith('specs/jest/') ||
          !c.mirrors.vitest?.file.startsWith('specs/vitest/') ||
          !c.python.file.startsWith('fixtures/python/') ||
          c.title.trim() === '' ||
          c.explanation.trim() === '' ||
          mirrorsOf(c).some(([, m]) => m.how.trim() === ''),
      )
      .map((c) => c.id);
    expect(incomplete).toEqual([]);
  });

  test('every file it names exists', () => {
    const missing = concepts.flatMap((c) =>
      allRefs(c)
        .filter((ref) => !existsSync(resolve(root, ref.file)))
        .map((ref) => `${c.id}: ${ref.file}`),
    );
    expect(missing).toEqual([]);
  });

  test('every Jest and Vitest test it names is in its file', () => {
    const problems = concepts.flatMap((c) =>
      [c.mirrors.jest, c.mirrors.vitest]
        .filter((ref) => existsSync(resolve(root, ref.file)))
        .map((ref) => checkFrameworkRef(ref))
        .filter((problem) => problem !== undefined)
        .map((problem) => `${c.id}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  test('every Python test and doctest item it names is defined in its file', () => {
    const problems = concepts.flatMap((c) => {
      const { python } = c;
      if (!existsSync(resolve(root, python.file))) return [];
      const names = pythonNames(python.file);
      const problem =
        python.framework === 'doctest'
          ? python.test.length === 1
            ? checkDoctestItem(python.test[0] ?? '', python.file, names)
            : `${python.file}: a doctest item is one name`
          : python.test
              .filter((name) => !names.has(name))
              .map((name) => `${python.file}: no class or def ${name}`)[0];
      return problem ? [`${c.id}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  test('every tsdoctest item it names is declared in its file', () => {
    const problems = concepts.flatMap((c) => {
      const mirror = c.mirrors.tsdoctest;
      if (!mirror || !existsSync(resolve(root, mirror.file))) return [];
      const [item, ...rest] = mirror.test;
      const problem =
        item === undefined || rest.length > 0
          ? `${mirror.file}: a doctest item is one name`
          : checkDoctestItem(item, mirror.file, declaredNames(mirror.file));
      return problem ? [`${c.id}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  test('every skip has a reason the reports show', () => {
    const problems = concepts.flatMap((c) =>
      allRefs(c).flatMap((ref) => {
        const { expected } = ref;
        if (expected.outcome !== 'skip') return [];
        if (expected.reason.trim() === '') return [`${c.id}: ${ref.file}: skip without a reason`];
        const inTitle = ref.test.at(-1)?.endsWith(`[skip: ${expected.reason}]`) ?? false;
        const visible = ref === c.python ? source(ref.file).includes(expected.reason) : inTitle;
        return visible ? [] : [`${c.id}: ${ref.file}: reason not shown: ${expected.reason}`];
      }),
    );
    expect(problems).toEqual([]);
  });

  test('only demos fail, and demos live where normal runs leave them out', () => {
    const problems = concepts.flatMap((c) =>
      allRefs(c).flatMap((ref) => {
        const isFail = ref.expected.outcome === 'fail';
        const inDemoFolder = /(^|\/)demo[-_]failures\//.test(ref.file);
        const isPythonDoctest = ref === c.python && c.python.framework === 'doctest';
        if (isFail && !c.demo) return [`${c.id}: ${ref.file}: fails but is not a demo`];
        if (c.demo && !isFail)
          return [`${c.id}: ${ref.file}: a demo cell must be expected to fail`];
        // Demo tests must be excluded from normal runs; doctest demo modules are run explicitly.
        if (c.demo && !inDemoFolder && !isPythonDoctest && ref.file.startsWith('specs/')) {
          return [`${c.id}: ${ref.file}: demo outside a demo-failures folder`];
        }
        if (!c.demo && inDemoFolder) return [`${c.id}: ${ref.file}: lesson inside a demo folder`];
        return [];
      }),
    );
    expect(problems).toEqual([]);
  });
});
