/**
 * Join the catalogue with the normalised runs: one row per concept, one cell
 * per column, each compared with the outcome the catalogue expects.
 */

import { tagOf } from '../../specs/concept-tags.ts';
import {
  type Concept,
  type PythonFramework,
  pythonTests,
  type TestRef,
} from '../../specs/concepts.ts';
import {
  type Cell,
  COLUMNS,
  type Column,
  type CompareReport,
  expectedOutcome,
  type Mismatch,
  type Row,
  type RunnerId,
  type RunResult,
  type RunSummary,
  SCHEMA_VERSION,
  type TestResult,
} from './model.ts';
import { NO_MUTATION } from './mutation.ts';
import { firstLine } from './normalise/text.ts';
import { testSource } from './source.ts';

export interface Selection {
  demoFailures: boolean;
  only?: string;
  columns: Column[];
}

/**
 * The concepts `--only` and `--show` name: a concept by its id, or a section
 * of the course by its lesson (its lessons, not its failure demos). Empty
 * when the name is neither.
 */
export function conceptsNamed(all: Concept[], name: string): Concept[] {
  const one = all.filter((c) => c.id === name);
  return one.length > 0 ? one : all.filter((c) => c.lesson === name && !c.demo);
}

/** The concepts a run covers: demos only with `--demo-failures`, one concept or section with `--only`. */
export function selectConcepts(all: Concept[], sel: Selection): Concept[] {
  if (sel.only) return conceptsNamed(all, sel.only);
  return all.filter((c) => Boolean(c.demo) === sel.demoFailures);
}

/**
 * The name of a run's reports (`.json` and `.html`): the full run is
 * `compare`, and a narrower one goes beside it instead of over it.
 */
export function reportName(sel: Pick<Selection, 'demoFailures' | 'only'>): string {
  if (sel.only) return `compare-only-${sel.only}`;
  return sel.demoFailures ? 'compare-demo' : 'compare';
}

interface CellRef {
  ref: TestRef;
  runner: RunnerId;
  framework: string;
  /** The tag a Jest or Vitest test is found by: the concept's id, or the concept whose test it reuses. */
  tag?: string;
}

/** Each Python tool's runner: unittest tests run under unittest, not under pytest. */
const PYTHON_RUNNER: Record<PythonFramework, RunnerId> = {
  unittest: 'unittest',
  pytest: 'pytest',
  doctest: 'pydoctest',
};

/** The tests a cell names (several Python tools may share one), with the runner that reports each. */
export function refsFor(concept: Concept, column: Column): CellRef[] {
  if (column === 'python') {
    return pythonTests(concept).map((ref) => ({
      ref,
      runner: PYTHON_RUNNER[ref.framework],
      framework: ref.framework,
    }));
  }
  const mirror = concept.mirrors[column];
  if (!mirror) return [];
  // A doctest item in the Vitest column runs under the plugin's config, in a Vitest run of its own.
  const runner = column === 'vitest' && mirror.config ? 'vitest-doctest' : column;
  return [{ ref: mirror, runner, framework: column, tag: mirror.tag ?? concept.id }];
}

/** Which files each runner must run for these concepts and columns. */
export function filesByRunner(concepts: Concept[], columns: Column[]): Map<RunnerId, string[]> {
  const plan = new Map<RunnerId, string[]>();
  for (const concept of concepts) {
    for (const column of columns) {
      for (const found of refsFor(concept, column)) {
        const { file } = found.ref;
        if (file === undefined) continue;
        const files = plan.get(found.runner) ?? [];
        if (!files.includes(file)) files.push(file);
        plan.set(found.runner, files);
      }
    }
  }
  return plan;
}

const sameName = (a: string[], b: string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The first line of a load error that says something (past the frameworks' headers). */
function loadErrorLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  return lines.find((l) => l !== '' && !/^(● Test suite failed to run|FAIL )/.test(l)) ?? '';
}

function cellFor(
  concept: Concept,
  column: Column,
  runs: Map<RunnerId, RunResult>,
  sel: Selection,
  root: string,
): Cell {
  const parts = refsFor(concept, column).map((found) =>
    refCell(concept, column, found, runs, sel, root),
  );
  const [first, ...more] = parts;
  if (!first) {
    return { column, framework: column, outcome: 'not-mirrored', matches: true, output: '' };
  }
  if (more.length === 0) return first;
  // The cell shows the first part, or the first that differs from the catalogue.
  const mismatch = parts.find((p) => !p.matches);
  return {
    ...(mismatch ?? first),
    framework: parts.map((p) => p.framework).join(', '),
    matches: !mismatch,
    message: mismatch
      ? `${mismatch.framework}: ${mismatch.message ?? mismatch.outcome}`
      : first.message,
    output: parts
      .filter((p) => p.output)
      .map((p) => `--- ${p.framework}: ${p.file} ---\n${p.output}`)
      .join('\n\n'),
    parts,
  };
}

function refCell(
  concept: Concept,
  column: Column,
  { ref, runner, framework, tag = concept.id }: CellRef,
  runs: Map<RunnerId, RunResult>,
  sel: Selection,
  root: string,
): Cell {
  const mirror = column === 'python' ? undefined : concept.mirrors[column];
  const base = {
    column,
    framework,
    file: ref.file,
    test: ref.test,
    expected: ref.expected,
    support: mirror?.support,
    how: mirror?.how,
  };
  const run = runs.get(runner);
  if (!sel.columns.includes(column) || !run) {
    return { ...base, outcome: 'not-run', matches: true, output: '' };
  }
  if (!run.available) {
    const message = `not available: ${run.unavailable}`;
    return { ...base, outcome: 'not-available', matches: true, message, output: '' };
  }
  const { file } = ref;
  if (file === undefined) {
    const message = `no ${framework} test is tagged [${tag}]`;
    return { ...base, outcome: 'not-found', matches: false, message, output: '' };
  }
  const code = (line?: number, name = ref.test ?? []) => testSource(root, file, name, line);
  // Before a report names the test: Python's by its def, Jest's and Vitest's at their tag's statement.
  const where = ref.test ? undefined : ref.line;
  if (run.crashed) {
    const message = `the ${runner} run crashed: ${firstLine(run.crashed) ?? ''}`;
    return {
      ...base,
      outcome: 'error',
      matches: false,
      message,
      output: run.crashed,
      code: code(where),
    };
  }
  // Python tests and doctest items by name; Jest and Vitest tests by the tag in their title.
  const named = (t: TestResult) =>
    ref.test ? sameName(t.name, ref.test) : tagOf(t.name.at(-1)) === tag;
  const test = run.tests.find((t) => t.file === file && named(t));
  if (!test) {
    const loadError = run.fileErrors.find((f) => f.file === file);
    if (loadError) {
      const message = `${file} failed to load: ${loadErrorLine(loadError.message)}`;
      return {
        ...base,
        outcome: 'error',
        matches: false,
        message,
        output: loadError.message,
        code: code(where),
      };
    }
    const wanted = ref.test ? `"${ref.test.join(' › ')}"` : `a test tagged [${tag}]`;
    const message = `${runner} did not report ${wanted} in ${file}`;
    return {
      ...base,
      outcome: 'not-found',
      matches: false,
      message,
      output: '',
      code: code(where),
    };
  }
  return {
    ...base,
    test: test.name,
    outcome: test.status,
    matches: test.status === expectedOutcome(ref.expected),
    message: test.message,
    durationMs: test.durationMs,
    output: test.output,
    code: test.code ?? code(test.line, test.name),
  };
}

function summarise(run: RunResult): RunSummary {
  const count = (status: string) => run.tests.filter((t) => t.status === status).length;
  return {
    runner: run.runner,
    column: run.column,
    command: run.command,
    available: run.available,
    unavailable: run.unavailable,
    crashed: run.crashed,
    exitCode: run.exitCode,
    wallMs: Math.round(run.wallMs),
    totals: { passed: count('passed'), failed: count('failed'), skipped: count('skipped') },
  };
}

/** The tests a run reported with a tag that names no concept: a typo, or a concept not yet written. */
function unknownTags(runs: RunResult[], known: ReadonlySet<string>): Mismatch[] {
  return runs.flatMap((run) =>
    run.tests.flatMap((t) => {
      const id = tagOf(t.name.at(-1));
      if (id === undefined || known.has(id)) return [];
      const message = `${t.file}: "${t.name.join(' › ')}" is tagged [${id}], which is no concept of the catalogue`;
      return [
        {
          concept: id,
          column: run.column,
          expected: 'a concept',
          actual: 'an unknown tag',
          message,
        },
      ];
    }),
  );
}

export interface BuildInput {
  concepts: Concept[];
  /** Every id of the catalogue: a test tagged with another id is a mismatch. */
  known?: ReadonlySet<string>;
  runs: RunResult[];
  selection: Selection;
  root: string;
  wallMs: number;
  coverage: CompareReport['coverage'];
  /** Mutation scores; without them the report says how to get them. */
  mutation?: CompareReport['mutation'];
  now?: Date;
}

export function buildReport(input: BuildInput): CompareReport {
  const runs = new Map(input.runs.map((r) => [r.runner, r]));
  const rows: Row[] = input.concepts.map((concept) => {
    const cells = Object.fromEntries(
      COLUMNS.map((column) => [
        column,
        cellFor(concept, column, runs, input.selection, input.root),
      ]),
    ) as Record<Column, Cell>;
    return {
      id: concept.id,
      lesson: concept.lesson,
      title: concept.title,
      explanation: concept.explanation,
      demo: Boolean(concept.demo),
      cells,
    };
  });
  const known = input.known ?? new Set(input.concepts.map((c) => c.id));
  const mismatches: Mismatch[] = [
    ...rows.flatMap((row) =>
      COLUMNS.map((column) => row.cells[column])
        .filter((cell) => !cell.matches)
        .map((cell) => ({
          concept: row.id,
          column: cell.column,
          expected: cell.expected ? expectedOutcome(cell.expected) : 'a result',
          actual: cell.outcome,
          message: cell.message,
        })),
    ),
    ...unknownTags(input.runs, known),
  ];
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: (input.now ?? new Date()).toISOString(),
    options: {
      demoFailures: input.selection.demoFailures,
      only: input.selection.only,
      columns: input.selection.columns,
    },
    columns: [...COLUMNS],
    rows,
    runs: input.runs.map(summarise),
    wallMs: Math.round(input.wallMs),
    coverage: input.coverage,
    mutation: input.mutation ?? NO_MUTATION,
    mismatches,
    ok: mismatches.length === 0,
  };
}
