/**
 * The URL of the up-to-date bundle's directory (built first if needed), ending in `/`.
 * `root`: the project whose `src/doctest` is bundled (tests give a copy).
 */
export function bundleDirectory(root?: string): Promise<URL>;
