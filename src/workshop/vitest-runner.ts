/**
 * Runs learner test files under Vitest, once per variant, in ONE Vitest
 * instance: each variant is a Vitest project whose resolver plugin swaps the
 * target domain module for the chaff. The instance stays alive between runs
 * (watch mode), so a rerun only re-executes the changed file.
 */
import { availableParallelism } from 'node:os';
import type { Plugin } from 'vite';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { repoRoot } from './catalogue.ts';
import { failureSummary, testFailure } from './messages.ts';
import {
  type RunJob,
  TEST_TIMEOUT_MS,
  type TestRunner,
  type Variant,
  type VariantOutcome,
} from './types.ts';

/**
 * Resolve every import of the variant's target to its replacement, except the
 * replacement's own import of the real module (chaffs extend the real code).
 */
function substitute(variant: Variant): Plugin[] {
  const { target, replacement } = variant;
  if (!target || !replacement) return [];
  return [
    {
      name: `workshop-chaff-${variant.name}`,
      enforce: 'pre',
      async resolveId(source, importer, options) {
        if (!importer || importer === replacement) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        return resolved?.id === target ? replacement : null;
      },
    },
  ];
}

const projectName = (group: number, variant: Variant) => `${group}:${variant.name}`;

/** Files that run under the same variants share one Vitest project per variant. */
interface Group {
  files: string[];
  variants: Variant[];
}

function groupByVariants(jobs: RunJob[]): Group[] {
  const groups: Group[] = [];
  for (const job of jobs) {
    const group = groups.find((g) => g.variants === job.variants);
    if (group) group.files.push(job.file);
    else groups.push({ files: [job.file], variants: job.variants });
  }
  return groups;
}

function outcomeOf(variant: string, module: TestModule | undefined): VariantOutcome {
  const outcome: VariantOutcome = { variant, status: 'passed', passed: 0, failed: 0, skipped: 0 };
  if (!module) return { ...outcome, status: 'error', message: 'the test file was not run' };
  const loadError = module.errors()[0];
  if (loadError) return { ...outcome, status: 'error', message: failureSummary(loadError.message) };
  for (const test of module.children.allTests()) {
    const result = test.result();
    if (result.state === 'passed') outcome.passed++;
    else if (result.state === 'failed') {
      outcome.failed++;
      outcome.message ??= `${test.fullName}: ${testFailure(result.errors?.[0]?.message ?? 'failed')}`;
    } else outcome.skipped++;
  }
  if (outcome.failed > 0) outcome.status = 'failed';
  return outcome;
}

export class VitestRunner implements TestRunner {
  private vitest?: Vitest;
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
    const groups = groupByVariants(jobs);
    const vitest = await this.instanceFor(groups);
    for (const job of jobs) vitest.invalidateFile(job.file);
    const specs = await vitest.globTestSpecifications();
    this.onProgress = onProgress;
    const { testModules } = await vitest
      .runTestSpecifications(specs, true)
      .finally(() => (this.onProgress = undefined));
    return jobs.map((job) => {
      const group = groups.findIndex(
        (g) => g.files.includes(job.file) && g.variants === job.variants,
      );
      return job.variants.map((variant) =>
        outcomeOf(
          variant.name,
          testModules.find(
            (m) => m.project.name === projectName(group, variant) && m.moduleId === job.file,
          ),
        ),
      );
    });
  }

  /** Reuse the live instance when the jobs are the same; else start afresh. */
  private async instanceFor(groups: Group[]): Promise<Vitest> {
    const key = JSON.stringify(groups);
    if (this.vitest && key === this.key) return this.vitest;
    await this.close();
    const projects = groups.flatMap((group, i) =>
      group.variants.map((variant) => ({
        plugins: substitute(variant),
        test: {
          name: projectName(i, variant),
          root: repoRoot,
          include: group.files,
          restoreMocks: true,
          testTimeout: TEST_TIMEOUT_MS,
          // Threads start faster than forks; each file still runs isolated.
          pool: 'threads',
        },
      })),
    );
    // Imported here, not at the top: the runner process loads this module as
    // CommonJS (see runner-process.mjs), and Vitest is ESM only.
    const { createVitest } = await import('vitest/node');
    this.vitest = await createVitest(
      'test',
      // Variants are independent: run them side by side on every core (the
      // default keeps one core free, which on 2 cores serialises them).
      { config: false, root: repoRoot, watch: false, maxWorkers: availableParallelism() },
      { test: { projects, reporters: [this.progress] } },
    );
    this.key = key;
    return this.vitest;
  }

  async close(): Promise<void> {
    const vitest = this.vitest;
    this.vitest = undefined;
    this.key = '';
    await vitest?.close();
  }
}
