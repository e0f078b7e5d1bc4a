/**
 * The doors of the house, one way (issue 17), checked by `npm run lint`:
 *
 *   src/domain (+ fixtures/bonus)  <-  lessons  <-  tools
 *
 * lessons: specs/jest, specs/vitest, fixtures/python, exercises, and their
 * index, the concept catalogue specs/concepts.ts (and its scan, specs/concept-tags.ts).
 * tools: src/compare, src/workshop, src/cli, scripts.
 * tsdoctest (src/doctest, its own package) stands apart. The project's own tests
 * (specs/project), the other fixtures and the config files may import anything.
 */

/** Files of the project (not node_modules, not Node's built-ins). */
const PROJECT =
  '^(src|specs|scripts|exercises|fixtures|coverage-config)/|^[^/]+\\.(ts|js|cjs|mjs)$';
const LESSONS = '^(specs/(jest|vitest)|fixtures/python|exercises)/|^specs/concept(s|-tags)\\.ts$';
const TOOLS = '^(src/(compare|workshop|cli)|scripts)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: the files cannot be understood, or changed, one at a time.',
      // tsdoctest's loader is tested on a deliberate cycle there.
      from: { pathNot: '^fixtures/doctest/' },
      to: { circular: true },
    },
    {
      name: 'imports-resolve',
      severity: 'error',
      comment: 'An import the cruiser cannot resolve would slip past every other rule.',
      // tsdoctest's fixtures import missing modules on purpose.
      from: { pathNot: '^fixtures/doctest/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'domain-imports-only-domain',
      severity: 'error',
      comment:
        'src/domain is the ground floor: it may read its data in fixtures/bonus, nothing else.',
      from: { path: '^src/domain/' },
      to: { path: PROJECT, pathNot: '^(src/domain|fixtures/bonus)/' },
    },
    {
      name: 'lessons-import-domain-and-lessons',
      severity: 'error',
      comment:
        'The lessons (and their catalogue) import src/domain, fixtures and each other, never tools, tsdoctest or the project tests.',
      from: { path: LESSONS },
      to: { path: PROJECT, pathNot: `${LESSONS}|^(src/domain|fixtures)/` },
    },
    {
      name: 'tsdoctest-stands-apart',
      severity: 'error',
      comment:
        'tsdoctest (src/doctest) imports nothing else of the project: it is a package of its own.',
      from: { path: '^src/doctest/' },
      to: { path: PROJECT, pathNot: '^src/doctest/' },
    },
    {
      name: 'src-never-imports-scripts',
      severity: 'error',
      comment: 'scripts/ are the outermost tools: nothing under src/ may lean on them.',
      from: { path: '^src/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'tools-do-not-import-project-tests',
      severity: 'error',
      comment: 'specs/project tests the tools; the tools never import their tests.',
      from: { path: TOOLS },
      to: { path: '^specs/project/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Deliberately broken example files, and what the tools write.
    exclude: { path: '^(fixtures/doctest/hostile|coverage|reports|node_modules)/' },
    // Type-only imports are doors too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.mts', '.mjs', '.cjs', '.js', '.json'],
      // Packages' subpath exports (vitest/config, tsx/cjs/api), as Node resolves them.
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'types', 'default'],
    },
  },
};
