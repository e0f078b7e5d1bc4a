/** What the plugin (Vitest's process) and its setup file (each test worker) agree on. */

/** `import(JOB_PREFIX + file)` gives that file's doc tests as a `FileJob` (or null). */
export const JOB_PREFIX = 'virtual:tsdoctest-job:';
