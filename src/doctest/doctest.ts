/** One doc comment's examples, run together: CPython's `doctest.DocTest`. */
import type { Example } from './example.ts';

export interface DocTest {
  /** `<module>.<qualified name>`, e.g. `calculation.Cal.addNumAndDouble`. */
  name: string;
  /** Path of the file as shown in reports (relative to the working directory). */
  file: string;
  /** 1-based line where the comment starts. */
  line: number;
  examples: Example[];
}
