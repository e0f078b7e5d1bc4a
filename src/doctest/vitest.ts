/**
 * `tsdoctest/vitest`: a Vitest plugin that runs the doc examples of the test
 * files (`include`) as Vitest tests, one test per doc comment (item).
 *
 * - It adds a setup file (vitest-setup.ts), which Vitest runs before each test
 *   file: it asks this plugin for the file's doc tests (a virtual module, so the
 *   parsing happens once, here, in Vitest's own process) and declares a test
 *   per item. Declared there, not in the module's own code, the tests exist
 *   even when the module was already loaded by another file (`isolate: false`).
 * - It appends to each documented test file the export that reads its
 *   top-level bindings (as the CLI's loader hooks do), so the examples run in
 *   the scope of the very module Vitest loaded, transformed and covered.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vitest/config';
import type { TestProject } from 'vitest/node';
import { DEFAULT_TIMEOUT_MS, type FileJob, type Flag, jobFor, parseFile } from './index.ts';
import { scopeExport } from './loader-hooks.mjs';
import { cachedParse, type ParsedFile } from './parse-cache.ts';
import { JOB_PREFIX } from './vitest-job.ts';

export interface TsdoctestOptions {
  /** Option flags for every example, as `tsdoctest -o`: e.g. `['ELLIPSIS']`. */
  flags?: Flag[];
  /** Per-example time limit in milliseconds, as `tsdoctest --timeout` (default 5000). */
  timeout?: number;
}

// The setup file beside this module, as it is shipped: .ts here, .js in the package.
const here = fileURLToPath(import.meta.url);
const SETUP_FILE = path.join(path.dirname(here), `vitest-setup${path.extname(here)}`);

/** A module id without Vite's query (`?v=...`, `?import`). */
const withoutQuery = (id: string) => id.replace(/[?#].*$/, '');

export function tsdoctest(options: TsdoctestOptions = {}): Plugin {
  const flags = options.flags ?? [];
  const timeoutMs = options.timeout ?? DEFAULT_TIMEOUT_MS;
  const projects: TestProject[] = [];
  let root = process.cwd();
  let cacheDir: string | undefined;

  /** The file's doc tests, parsed once per text (kept in Vite's cache folder between runs). */
  function parse(file: string, source: string): ParsedFile {
    const fresh = () => parseFile(file, source, root);
    if (cacheDir === undefined) return fresh();
    return cachedParse(path.join(cacheDir, 'parsed'), { file, source, cwd: root }, fresh);
  }

  /** The doc tests of a test file of a project using the plugin (none for other files). */
  function docTests(file: string): ParsedFile | undefined {
    if (file.includes('/node_modules/') || !projects.some((p) => p.matchesTestGlob(file))) {
      return undefined;
    }
    const source = readFileSync(file, 'utf8');
    const parsed = source.includes('>>>') ? parse(file, source) : undefined;
    return parsed && parsed.runnables.length > 0 ? parsed : undefined;
  }

  return {
    name: 'tsdoctest',
    config: () => ({
      // Erase types as Node does: an import that only the examples use is kept.
      oxc: { typescript: { onlyRemoveTypeImports: true } },
      test: { setupFiles: [SETUP_FILE] },
    }),
    configResolved(config) {
      root = config.root;
      cacheDir = path.join(config.cacheDir, 'tsdoctest');
    },
    configureVitest({ vitest, project }) {
      projects.push(project);
      // Vitest leaves its test files out of coverage, whatever the config says; a documented
      // module is both the test file and the code under test, so its patterns come out again.
      const { exclude } = vitest.config.coverage;
      for (const pattern of project.config.include) {
        const at = exclude.indexOf(pattern);
        if (at >= 0) exclude.splice(at, 1);
      }
    },
    resolveId(id) {
      return id.startsWith(JOB_PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${JOB_PREFIX}`)) return undefined;
      const parsed = docTests(withoutQuery(id.slice(JOB_PREFIX.length + 1)));
      const job: FileJob | null = parsed ? jobFor(parsed, flags, timeoutMs) : null;
      // A string to JSON.parse: cheaper for Vite and V8 to parse than an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(job))});`;
    },
    transform(code, id) {
      const parsed = docTests(withoutQuery(id));
      if (!parsed) return undefined;
      // Appended after the code, nothing moves: the earlier source maps still hold.
      return { code: `${code}\n${scopeExport(parsed.found.scopeNames)}\n`, map: null };
    },
  };
}
