/**
 * Runs learner test files under Vitest, once per variant, in ONE Vitest
 * instance: each variant is a Vitest project (a "slot") whose load hook
 * serves the domain modules' text for the variant at their real paths. Slots
 * have random names and are dealt variants afresh, in random order, on every
 * run, so neither a path nor a project name tells the real code from a chaff.
 * The instance stays alive between runs (watch mode), so a rerun only
 * re-executes the changed file.
 */
import { availableParallelism } from 'node:os';
import type { Plugin } from 'vite';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { repoRoot, targetFiles } from './exercise-lookup.ts';
import { neutralName, shuffled, VITEST_SETUP_FILES } from './isolation.ts';
import { outcomeOf } from './outcome.ts';
import { servedSources } from './patch.ts';
import {
  type RunJob,
  TEST_TIMEOUT_MS,
  type TestRunner,
  type Variant,
  type VariantOutcome,
} from './types.ts';

/** One Vitest project: a neutral name, and what it serves in the current run. */
interface Slot {
  name: string;
  /** The variant dealt to this slot for the current run. */
  variant: string;
  /** Module text by absolute path: every target module, for every variant alike. */
  served: Record<string, string>;
}

/** The same hook for every variant, the real code included; only the text differs. */
function serving(slot: Slot): Plugin {
  return {
    name: 'workshop-variant',
    enforce: 'pre',
    load(id) {
      return slot.served[id.split('?')[0] ?? id] ?? null;
    },
  };
}

/** Files that run under the same variants share one Vitest project per variant. */
interface Group {
  files: string[];
  variants: Variant[];
  slots: Slot[];
}

const sameVariants = (a: Variant[], b: Variant[]) =>
  a.length === b.length && a.every((v, i) => v.name === b[i]?.name);

function groupByVariants(jobs: RunJob[]): Group[] {
  const groups: Group[] = [];
  for (const job of jobs) {
    const group = groups.find((g) => sameVariants(g.variants, job.variants));
    if (group) group.files.push(job.file);
    else {
      const slots = job.variants.map(() => ({ name: neutralName(), variant: '', served: {} }));
      groups.push({ files: [job.file], variants: job.variants, slots });
    }
  }
  return groups;
}

/** Deal each group's variants to its slots in a new random order. */
async function deal(groups: Group[]): Promise<void> {
  for (const group of groups) {
    const order = shuffled(group.variants);
    for (const [i, slot] of group.slots.entries()) {
      const variant = order[i] as Variant;
      // Throws on a patch that no longer applies, before any test runs.
      slot.served = await servedSources(variant);
      slot.variant = variant.name;
    }
  }
}

function outcomeOfFile(variant: string, module: TestModule | undefined): VariantOutcome {
  const tests = module && [...module.children.allTests()];
  const loadError = module?.errors()[0];
  return outcomeOf(
    variant,
    tests?.map((test) => {
      const result = test.result();
      return {
        fullName: test.fullName,
        status: result.state,
        failure: result.errors?.[0]?.message,
      };
    }),
    loadError ? (loadError.message ?? '') : undefined,
  );
}

export class VitestRunner implements TestRunner {
  private vitest?: Vitest;
  private groups: Group[] = [];
  private key = '';
  private onProgress?: () => void;
  /** Tells the current run's watchdog that a test file or test case moved on. */
  private readonly progress: Reporter = {
    onTestModuleQueued: () => this.onProgress?.(),
    onTestModuleStart: () => this.onProgress?.(),
    onTestModuleCollected: () => this.onProgress?.(),
    onTestCaseReady: () => this.onProgress?.(),
    onTestCaseResult: () => this.onProgress?.(),
    onTestModuleEnd: () => this.onProgress?.(),
  };

  async run(jobs: RunJob[], onProgress?: () => void): Promise<VariantOutcome[][]> {
    const vitest = await this.instanceFor(jobs);
    const groups = this.groups;
    await deal(groups);
    // The slots serve other text now: load the domain modules afresh.
    for (const file of [...Object.values(targetFiles), ...jobs.map((j) => j.file)]) {
      vitest.invalidateFile(file);
    }
    const specs = await vitest.globTestSpecifications();
    this.onProgress = onProgress;
    const { testModules } = await vitest
      .runTestSpecifications(specs, true)
      .finally(() => (this.onProgress = undefined));
    return jobs.map((job) => {
      const group = groups.find(
        (g) => g.files.includes(job.file) && sameVariants(g.variants, job.variants),
      ) as Group;
      return job.variants.map((variant) => {
        const slot = group.slots.find((s) => s.variant === variant.name);
        return outcomeOfFile(
          variant.name,
          testModules.find((m) => m.project.name === slot?.name && m.moduleId === job.file),
        );
      });
    });
  }

  /** Reuse the live instance when the jobs are the same; else start afresh. */
  private async instanceFor(jobs: RunJob[]): Promise<Vitest> {
    const key = JSON.stringify(jobs.map((j) => [j.file, j.variants.map((v) => v.name)]));
    if (this.vitest && key === this.key) return this.vitest;
    await this.close();
    const groups = groupByVariants(jobs);
    // Every project is configured alike but for its name and what its hook serves.
    const projects = groups.flatMap((group) =>
      group.slots.map((slot) => ({
        plugins: [serving(slot)],
        test: {
          name: slot.name,
          root: repoRoot,
          include: group.files,
          restoreMocks: true,
          setupFiles: VITEST_SETUP_FILES,
          testTimeout: TEST_TIMEOUT_MS,
          // Threads start faster than forks; each file still runs isolated.
          pool: 'threads' as const,
        },
      })),
    );
    // Imported here, not at the top: the runner process loads this module as
    // CommonJS (see child-runner-main.mjs), and Vitest is ESM only.
    const { createVitest } = await import('vitest/node');
    this.vitest = await createVitest(
      'test',
      // Variants are independent: run them side by side on every core (the
      // default keeps one core free, which on 2 cores serialises them).
      { config: false, root: repoRoot, watch: false, maxWorkers: availableParallelism() },
      { test: { projects, reporters: [this.progress] } },
    );
    this.groups = groups;
    this.key = key;
    return this.vitest;
  }

  async close(): Promise<void> {
    const vitest = this.vitest;
    this.vitest = undefined;
    this.groups = [];
    this.key = '';
    await vitest?.close();
  }
}
